// `verbose: true`, as @langchain/core takes it on tools (and models): a ConsoleCallbackHandler
// logs the verbose runnable's runs and the runs under them, not the chain around it.
import { ConsoleCallbackHandler, Runnable, RunnableLambda, type RunScope, tool } from "rivulet";
import { afterEach, describe, expect, it, vi } from "vitest";

/** Collects what console.log prints (the default destination of the handler `verbose` adds). */
function printed(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((entry: unknown) => void lines.push(String(entry)));
  return lines;
}

/** An ANSI colour code (built from its escape character, which a regex literal may not hold). */
const ANSI_CODE = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");

/** The tag and breadcrumbs of each entry, without colours. */
const heads = (lines: string[]) =>
  lines.map((line) =>
    (line.split("\n")[0] ?? "").replace(ANSI_CODE, "").replace(/ Entering.*| \[\d+ms\].*/, ""),
  );

const inner = RunnableLambda.from((text: string) => text.toUpperCase(), { name: "upper" });

function shout(verbose: boolean) {
  return tool((text: string) => inner.invoke(text), { name: "shout", description: "Shouts", verbose });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("verbose: true", () => {
  it("on a tool logs its run and the runs under it, not the chain that calls it", async () => {
    const lines = printed();
    const chain = RunnableLambda.from((text: string) => `${text}!`, { name: "exclaim" }).pipe(shout(true));
    await expect(chain.invoke("hi")).resolves.toBe("HI!");
    expect(heads(lines)).toEqual([
      "[tool/start] [1:tool:shout]",
      "[chain/start] [1:tool:shout > 2:chain:upper]",
      "[chain/end] [1:tool:shout > 2:chain:upper]",
      "[tool/end] [1:tool:shout]",
    ]);
  });

  it("logs nothing when it is false (the default)", async () => {
    const lines = printed();
    await shout(false).invoke("hi");
    await tool((text: string) => text, { name: "quiet", description: "Echoes" }).invoke("hi");
    expect(lines).toEqual([]);
  });

  it("adds no second console handler when the call already has one", async () => {
    const lines = printed();
    await shout(true).invoke("hi", { callbacks: [new ConsoleCallbackHandler()] });
    expect(heads(lines)).toEqual([
      "[tool/start] [1:tool:shout]",
      "[chain/start] [1:tool:shout > 2:chain:upper]",
      "[chain/end] [1:tool:shout > 2:chain:upper]",
      "[tool/end] [1:tool:shout]",
    ]);
  });

  it("keeps the call's own handlers, and is seen under stream() and streamEvents too", async () => {
    const lines = printed();
    const starts: string[] = [];
    const handler = { handleToolStart: (_t: unknown, input: string) => void starts.push(input) };
    const verboseTool = shout(true);
    await verboseTool.invoke("a", { callbacks: [handler] });
    for await (const _ of await verboseTool.stream("b")) {
      // drain
    }
    for await (const _ of verboseTool.streamEvents("c", { version: "v2" })) {
      // drain
    }
    expect(starts).toEqual(["a"]);
    expect(heads(lines).filter((line) => line.startsWith("[tool/start]"))).toHaveLength(3);
  });

  it("is a flag any runnable's run identity can carry (how a model's verbose reaches its runs)", async () => {
    const lines = printed();
    class LoudStep extends Runnable<number, number> {
      override name = "loud";
      override runIdentity() {
        return { ...super.runIdentity(), verbose: true };
      }
      override async _invoke(input: number, _scope: RunScope): Promise<number> {
        return input + 1;
      }
    }
    await RunnableLambda.from((x: number) => x * 2, { name: "double" })
      .pipe(new LoudStep())
      .invoke(1);
    expect(heads(lines)).toEqual(["[chain/start] [1:chain:loud]", "[chain/end] [1:chain:loud]"]);
  });
});
