import { AIMessageChunk, type ChatModelStreamEvent } from "rivulet";
import { FakeStreamingChatModel } from "rivulet/testing";
import type { TourSection } from "../tour-context.js";

/** One event on one line: its kind, block index and what it carries. */
function describeEvent(event: ChatModelStreamEvent): string {
  switch (event.event) {
    case "content-block-start":
      return `${event.event} #${event.index} ${event.content.type}`;
    case "content-block-delta": {
      const { delta } = event;
      const text =
        delta.type === "text-delta"
          ? delta.text
          : delta.type === "tool-call-delta"
            ? delta.args
            : delta.type === "reasoning-delta"
              ? delta.reasoning
              : delta.type;
      return `${event.event} #${event.index} ${delta.type} ${JSON.stringify(text)}`;
    }
    case "content-block-finish":
      return `${event.event} #${event.index} ${JSON.stringify(event.content)}`;
    case "message-finish":
      return `${event.event} reason=${event.reason}${event.usage === undefined ? "" : ` usage=${JSON.stringify(event.usage)}`}`;
    default:
      return event.event;
  }
}

/** A model that calls two tools at once, its arguments arriving in fragments (as OpenAI streams them). */
function toolCallingModel(): FakeStreamingChatModel {
  const fragment = (index: number, args: string, id?: string) =>
    new AIMessageChunk({
      content: "",
      tool_call_chunks: [id === undefined ? { index, args } : { index, id, name: "weather", args }],
    });
  return new FakeStreamingChatModel({
    chunks: [
      new AIMessageChunk("Checking both cities."),
      fragment(0, '{"ci', "call_paris"),
      fragment(1, '{"city": "Ro', "call_rome"),
      fragment(0, 'ty": "Paris"}'),
      fragment(1, 'me"}'),
      new AIMessageChunk({ content: "", response_metadata: { finish_reason: "tool_calls" } }),
    ],
  });
}

/** Content-block streaming (`@langchain/core` 1.4's ChatModelStream): `streamEvents` without a version. */
export const contentBlocks: TourSection = {
  id: "content-blocks",
  title: "Content-block streaming: model.streamEvents(input) without a version",
  async run({ model, out }) {
    out.code('const stream = model.streamEvents("What color is a polar bear?")');
    out.code("for await (const delta of stream.text) print(delta, '|'); const message = await stream");
    const stream = model.streamEvents("What color is a polar bear?");
    for await (const delta of stream.text) out.token(delta);
    out.line();
    const message = await stream;
    out.step("Awaiting the same stream gives the message (no second call)");
    out.line(`text: ${JSON.stringify(message.text)}`);
    out.line(`usage: ${JSON.stringify(message.usage_metadata)}`);
    out.line(`finish_reason: ${message.response_metadata.finish_reason}`);

    out.step("The events of a tool-calling answer (two calls, arguments in fragments)");
    for await (const event of toolCallingModel().streamEvents("Weather in Paris and Rome?")) {
      out.line(describeEvent(event));
    }

    out.step("Typed views of one call, read at once: .text, .toolCalls and the awaited message");
    out.code("const [text, calls, message] = await Promise.all([stream.text, stream.toolCalls, stream])");
    const calls = toolCallingModel().streamEvents("Weather in Paris and Rome?");
    const [text, toolCalls, answer] = await Promise.all([calls.text, calls.toolCalls, calls]);
    out.line(`text: ${JSON.stringify(text)}`);
    for (const call of toolCalls)
      out.line(`tool call ${call.id}: ${call.name}(${JSON.stringify(call.args)})`);
    out.line(`message.tool_calls: ${answer.tool_calls.length}`);
  },
};
