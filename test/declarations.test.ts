import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The published declarations (dist/src/**/*.d.ts, built with stripInternal) as a consumer
// compiles them: with skipLibCheck off, a third-party Runnable and chat model typecheck against
// them, and the engine members marked @internal are not there.

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const consumerSource = `
import { AIMessageChunk, type BaseMessage, BaseChatModel, Runnable, RunnableLambda,
  type RunnableShape, type RunScope, StringOutputParser } from "rivulet";

class Words extends Runnable<string, string> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  override async *_stream(text: string, scope: RunScope): AsyncIterable<string> {
    for (const word of text.split(" ")) {
      scope.signal?.throwIfAborted();
      yield word + " ";
    }
  }
}

class Echo extends BaseChatModel {
  _llmType(): string {
    return "echo";
  }
  override async *_streamChunks(messages: BaseMessage[]): AsyncIterable<AIMessageChunk> {
    yield new AIMessageChunk(messages.at(-1)?.text ?? "");
  }
}

const words = new Words();
// @ts-expect-error engine member, not published
words.runIdentity();
// @ts-expect-error engine member, not published
words.resolveBinding({});
// @ts-expect-error engine member, not published
void words.awaitsOnlyChildRuns;
const chain = words.pipe(RunnableLambda.from((x: string) => x.trim()));
export async function main(): Promise<string> {
  for await (const event of chain.streamEvents("a b", { version: "v2" })) void event.event;
  return (await new Echo().pipe(new StringOutputParser()).invoke("hi")) + (await chain.invoke("x"));
}
`;

let consumer = "";

beforeAll(() => {
  consumer = mkdtempSync(join(tmpdir(), "rivulet-declarations-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(root, join(consumer, "node_modules", "rivulet"), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", type: "module" }));
  writeFileSync(join(consumer, "consumer.ts"), consumerSource);
});

afterAll(() => {
  if (consumer !== "") rmSync(consumer, { recursive: true, force: true });
});

describe("the published declarations", () => {
  it("typecheck for a consumer that extends Runnable and BaseChatModel, without the engine members", () => {
    expect(existsSync(join(root, "dist/src/index.d.ts")), "run `npm run build` first").toBe(true);
    const program = ts.createProgram([join(consumer, "consumer.ts")], {
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      skipLibCheck: false,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(root, "node_modules/@types")],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });
});
