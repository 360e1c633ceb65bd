// The whole ordered event list of a local chain around a remote one, ids normalised: the remote
// runs appear between the RemoteRunnable's start and end, each under it.
import { RunnableLambda, type StreamEvent } from "rivulet";
import { RemoteRunnable } from "rivulet/remote";
import { serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** Each event as `event name [parent names]`, run ids replaced by the names of their runs. */
function transcript(events: readonly StreamEvent[]): string[] {
  const names = new Map<string, string>();
  for (const event of events) if (!names.has(event.run_id)) names.set(event.run_id, event.name);
  return events.map((event) => {
    const parents = event.parent_ids.map((id) => names.get(id) ?? "?").join(" > ");
    const chunk = event.event.endsWith("_stream") ? ` ${JSON.stringify(readText(event.data))}` : "";
    return `${event.event} ${event.name} [${parents}]${chunk}`;
  });
}

function readText(data: unknown): unknown {
  const chunk = typeof data === "object" && data !== null ? Reflect.get(data, "chunk") : undefined;
  const content = typeof chunk === "object" && chunk !== null ? Reflect.get(chunk, "content") : chunk;
  return content;
}

describe("a remote chain in the caller's streamEvents", () => {
  it("transcript: the remote runs nested under the RemoteRunnable run, in order", async () => {
    const served = RunnableLambda.from((text: string) => `${text}?`)
      .withConfig({ runName: "ask" })
      .pipe(new FakeListChatModel({ responses: ["ok"] }));
    const app = serve({ "/chat": served }, { heartbeat: false });
    const remote = new RemoteRunnable({
      url: "http://rivulet.test/chat",
      fetch: (input, init) => app.fetch(new Request(input, init)),
      dialect: "rivulet",
    });
    const chain = RunnableLambda.from((text: string) => text.trim())
      .withConfig({ runName: "trim" })
      .pipe(remote)
      .withConfig({ runName: "local" });
    const events: StreamEvent[] = [];
    for await (const event of chain.streamEvents(" hi ", { version: "v2" })) events.push(event);
    expect(transcript(events)).toEqual([
      "on_chain_start local []",
      "on_chain_start trim [local]",
      'on_chain_stream trim [local] "hi"',
      "on_chain_end trim [local]",
      "on_chain_start RemoteRunnable [local]",
      "on_chain_start ask [local > RemoteRunnable]",
      'on_chain_stream ask [local > RemoteRunnable] "hi?"',
      "on_chain_end ask [local > RemoteRunnable]",
      "on_chat_model_start FakeListChatModel [local > RemoteRunnable]",
      'on_chat_model_stream FakeListChatModel [local > RemoteRunnable] "o"',
      'on_chain_stream RemoteRunnable [local] "o"',
      'on_chain_stream local [] "o"',
      'on_chat_model_stream FakeListChatModel [local > RemoteRunnable] "k"',
      'on_chain_stream RemoteRunnable [local] "k"',
      'on_chain_stream local [] "k"',
      "on_chat_model_end FakeListChatModel [local > RemoteRunnable]",
      "on_chain_end RemoteRunnable [local]",
      "on_chain_end local []",
    ]);
    const remoteEnd = events.find(
      (event) => event.event === "on_chain_end" && event.name === "RemoteRunnable",
    );
    expect(remoteEnd?.data).toMatchObject({ input: "hi", output: { content: "ok" } });
  });
});
