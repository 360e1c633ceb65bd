// An error inside an event (a tool's on_tool_error under an agent) is masked on stream_events as
// the terminal error frame is: a provider's or tool's message never reaches the client unless the
// server exposes errors.
import { AIMessage, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { maskEventError } from "./mask-event-error.js";
import { frames, post } from "./test-support/requests.js";

function agent() {
  const lookup = tool(
    (): string => {
      throw new Error("secret provider detail at 10.0.0.7");
    },
    { name: "lookup", description: "Look up", schema: z.object({ q: z.string() }) },
  );
  const model = new FakeStreamingChatModel({
    responses: [
      new AIMessage({
        content: "",
        tool_calls: [{ name: "lookup", args: { q: "x" }, id: "call_1", type: "tool_call" }],
      }),
      new AIMessage("Sorry."),
    ],
  });
  return createAgent({ model, tools: [lookup] });
}

async function toolErrors(exposeErrors: boolean): Promise<unknown[]> {
  const app = serve({ "/agent": agent() }, { exposeErrors });
  const response = await post(app, "/agent/stream_events", { input: { messages: [["user", "go"]] } });
  return frames(await response.text())
    .filter(([name]) => name === "data")
    .map(([, data]) => data)
    .filter((event) => Reflect.get(Object(event), "event") === "on_tool_error")
    .map((event) => Reflect.get(Object(Reflect.get(Object(event), "data")), "error"));
}

describe("errors inside stream_events", () => {
  it("are masked unless the server exposes errors", async () => {
    const masked = await toolErrors(false);
    expect(masked).toEqual([{ name: "Error", message: "Internal error", code: "internal" }]);
    expect(JSON.stringify(masked)).not.toContain("secret");
    const exposed = await toolErrors(true);
    expect(JSON.stringify(exposed)).toContain("secret provider detail");
  });

  it("are masked on a durable run's stream too, from the memory store and from a stored copy", async () => {
    const app = serve({ "/agent": agent() }, { runs: { store: memoryRunStore() } });
    const started: unknown = await (
      await post(app, "/agent/runs", { input: { messages: [["user", "go"]] } })
    ).json();
    const runId = String(Reflect.get(Object(started), "run_id"));
    const response = await app.fetch(new Request(`http://test/agent/runs/${runId}/stream`));
    const errors = frames(await response.text())
      .map(([, data]) => data)
      .filter((event) => Reflect.get(Object(event), "event") === "on_tool_error")
      .map((event) => Reflect.get(Object(Reflect.get(Object(event), "data")), "error"));
    expect(errors).toEqual([{ name: "Error", message: "Internal error", code: "internal" }]);
  });

  it("masks an error kept as plain JSON ({ name, message }) as one kept as an Error", () => {
    const event = { event: "on_tool_error", data: { error: { name: "Error", message: "secret" } } };
    expect(maskEventError(event, {})).toEqual({
      event: "on_tool_error",
      data: { error: { name: "Error", message: "Internal error", code: "internal" } },
    });
    expect(maskEventError(event, { exposeMessages: true })).toBe(event);
  });
});
