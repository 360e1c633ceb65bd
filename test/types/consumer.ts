// Compiled, never run: test/types.test.ts runs `tsc -p` with each config beside this file, so
// the package's built declarations (dist/src, reached through the export map by the package's
// own name) are checked the way an app sees them. A type that silently becomes `any` (as
// `for await` over a stream did under DOM libs) fails to compile here, two ways: `NotAny` catches
// a plain `any`; an `any` that stands for an error inside a skipped declaration file (skipLibCheck)
// passes every conditional type, so each such value also reads a member it lacks under
// `@ts-expect-error`, which fails as an unused directive when the value is `any`.
import {
  type AIMessageChunk,
  ChatPromptTemplate,
  type IterableReadableStream,
  type StreamEvent,
  StringOutputParser,
} from "rivulet";
import { FakeListChatModel } from "rivulet/testing";

/** `true` when T is `any` (only `any` makes `1 & T` absorb `0`). */
type IsAny<T> = 0 extends 1 & T ? true : false;
/** A value of this type exists only when T is not `any`: assign `true` to it. */
type NotAny<T> = IsAny<T> extends true ? never : true;
/** `true` when A and B are the same type (mutual assignability is too weak with `any`). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const prompt = ChatPromptTemplate.fromMessages([["human", "Tell me about {topic}"]]);
const model = new FakeListChatModel({ responses: ["parrots talk"] });
const chain = prompt.pipe(model).pipe(new StringOutputParser());

/** Streamed chunks of a chain ending in a string parser are strings, not `any`. */
export async function streamedChunksAreStrings(): Promise<string> {
  const stream = await chain.stream({ topic: "parrots" });
  const streamIsPrecise: Equals<typeof stream, IterableReadableStream<string>> = true;
  let text = "";
  for await (const chunk of stream) {
    const notAny: NotAny<typeof chunk> = true;
    const exact: Equals<typeof chunk, string> = true;
    const asString: string = chunk;
    // @ts-expect-error: a string has no such member (an `any` chunk would).
    chunk.notAMember;
    text += asString;
    void [streamIsPrecise, notAny, exact];
  }
  return text;
}

/** A model's stream yields AIMessageChunks; the iterator protocol is typed the same way. */
export async function modelChunksAreMessageChunks(): Promise<string> {
  const stream = await model.stream("hi");
  const iterator = stream[Symbol.asyncIterator]();
  // @ts-expect-error: an async iterator has no such member (an `any` one would).
  iterator.notAMember;
  const first = await iterator.next();
  if (first.done !== true) {
    const notAny: NotAny<typeof first.value> = true;
    const exact: Equals<typeof first.value, AIMessageChunk> = true;
    // @ts-expect-error: an AIMessageChunk has no such member (an `any` value would).
    first.value.notAMember;
    void [notAny, exact];
  }
  let text = "";
  for await (const chunk of (await model.stream("again")).values()) {
    const exact: Equals<typeof chunk, AIMessageChunk> = true;
    // @ts-expect-error: an AIMessageChunk has no such member (an `any` value would).
    chunk.notAMember;
    text += chunk.text;
    void exact;
  }
  return text;
}

/** streamEvents yields the StreamEvent union; narrowing on `event` gives the chunk's class. */
export async function eventsNarrow(): Promise<number> {
  let tokens = 0;
  for await (const event of chain.streamEvents({ topic: "parrots" }, { version: "v2" })) {
    const notAny: NotAny<typeof event> = true;
    const exact: Equals<typeof event, StreamEvent> = true;
    // @ts-expect-error: a StreamEvent has no such member (an `any` event would).
    event.notAMember;
    void [notAny, exact];
    if (event.event === "on_chat_model_stream") {
      const chunkIsPrecise: Equals<typeof event.data.chunk, AIMessageChunk> = true;
      const chunk: AIMessageChunk = event.data.chunk;
      // @ts-expect-error: an AIMessageChunk has no such member (an `any` chunk would).
      event.data.chunk.notAMember;
      tokens += chunk.text.length;
      void chunkIsPrecise;
    }
  }
  return tokens;
}

/** The stream stays a web ReadableStream: it can be read with a reader and piped. */
export async function streamIsReadableStream(): Promise<ReadableStream<string>> {
  const stream = await chain.stream({ topic: "parrots" });
  const web: ReadableStream<string> = stream;
  const reader = (await chain.stream({ topic: "again" })).getReader();
  const read = await reader.read();
  if (read.done !== true) {
    const exact: Equals<typeof read.value, string> = true;
    // @ts-expect-error: a string has no such member (an `any` value would).
    read.value.notAMember;
    void exact;
  }
  return web.pipeThrough(new TransformStream<string, string>());
}
