import { AIMessageChunk, type BaseOutputParser, ChatPromptTemplate, type StreamEvent } from "rivulet";
import { FakeStreamingChatModel, toArray } from "rivulet/testing";

/** `prompt | model | parser`, the model streaming `chunks` (strings become text chunks). */
export function parserChain<T, C>(
  parser: BaseOutputParser<T, C>,
  chunks: readonly (string | AIMessageChunk)[],
) {
  const prompt = ChatPromptTemplate.fromMessages([["human", "{question}"]]);
  const model = new FakeStreamingChatModel({
    chunks: chunks.map((chunk) => (typeof chunk === "string" ? new AIMessageChunk(chunk) : chunk)),
  });
  return prompt.pipe(model).pipe(parser);
}

/** The parser's own events of a `streamEvents` v2 run of `chain`: names and payloads. */
export async function parserEvents(
  chain: {
    streamEvents(input: { question: string }, options: { version: "v2" }): AsyncIterable<StreamEvent>;
  },
  parserName: string,
): Promise<{ event: string; data: unknown }[]> {
  const events = await toArray(chain.streamEvents({ question: "q" }, { version: "v2" }));
  return events.filter((event) => event.name === parserName).map(({ event, data }) => ({ event, data }));
}
