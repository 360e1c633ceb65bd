// Review: a LangChain-style handler (a tracer) never makes a run fail: a tool whose input JSON
// cannot encode (a BigInt, a cycle) runs as it does untraced, and the handler gets readable text.
import { BaseCallbackHandler, tool } from "rivulet";
import { describe, expect, it } from "vitest";

describe("HandlerAdapter on a tool input JSON cannot encode", () => {
  it("runs the tool and hands handleToolStart a string", async () => {
    const inputs: unknown[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleToolStart: (_serialized, input) => {
        inputs.push(input);
      },
    });
    const count = tool((args: Record<string, unknown>) => Object.keys(args).length, {
      name: "count",
      description: "Counts the arguments",
      schema: { type: "object" },
    });
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    expect(await count.invoke({ big: 10n }, { callbacks: [handler] })).toBe(1);
    expect(await count.invoke(cyclic, { callbacks: [handler] })).toBe(2);
    expect(inputs).toHaveLength(2);
    expect(inputs.every((input) => typeof input === "string")).toBe(true);
  });
});
