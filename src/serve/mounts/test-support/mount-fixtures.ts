import { ChatPromptTemplate, StringOutputParser } from "rivulet";
import { type DelayFn, FakeListChatModel } from "rivulet/testing";
import { frames } from "../../test-support/requests.js";

/** What the fake model answers, one chunk per word (6 chunks). */
export const ANSWER = "Parrots can learn hundreds of words";

/** prompt | fake model | parser, the chain each mount recipe serves. */
export function jokeChain(model = new FakeListChatModel({ responses: [ANSWER], chunking: "word" })) {
  return ChatPromptTemplate.fromTemplate("tell me about {topic}").pipe(model).pipe(new StringOutputParser());
}

/**
 * A model that streams `chunks` one-character chunks, 5 ms apart through its delay seam, and
 * records the signal of each delay, so a test can see the model's wait was aborted.
 */
export function slowModel(chunks: number): { model: FakeListChatModel; delaySignals: AbortSignal[] } {
  const delaySignals: AbortSignal[] = [];
  const delay: DelayFn = (ms, signal) => {
    if (signal !== undefined && !delaySignals.includes(signal)) delaySignals.push(signal);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  return { model: new FakeListChatModel({ responses: ["x".repeat(chunks)], sleep: 5, delay }), delaySignals };
}

/** The body for a route: `{ input: { topic } }`. */
export const JOKE_BODY = JSON.stringify({ input: { topic: "parrots" } });

/** A `stream_events` answer read in full: its SSE frame names, the events' `event:name`, the streamed text. */
export interface StreamEventsAnswer {
  status: number;
  contentType: string | null;
  frames: string[];
  events: string[];
  text: string;
}

/** Reads a `stream_events` answer; `text` joins the chat model's `on_chat_model_stream` chunks. */
export async function readStreamEvents(response: Response): Promise<StreamEventsAnswer> {
  const parsed = frames(await response.text());
  const events = parsed.map(([, data]) => data).filter(isRecord);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    frames: parsed.map(([event]) => event),
    events: events.map((event) => `${String(event.event)}:${String(event.name)}`),
    text: events
      .filter((event) => event.event === "on_chat_model_stream")
      .map((event) => (isRecord(event.data) && isRecord(event.data.chunk) ? event.data.chunk.content : ""))
      .join(""),
  };
}

/**
 * What every recipe's `stream_events` answer holds: 200 SSE, a `data` frame per v2 event of
 * prompt | model | parser (26 events: 4 starts, 6 chunks through model, parser and chain, 3 ends),
 * then `end`; the model's chunks join to the answer.
 */
export const EXPECTED_STREAM_EVENTS: StreamEventsAnswer = {
  status: 200,
  contentType: "text/event-stream; charset=utf-8",
  frames: [...Array.from({ length: 26 }, () => "data"), "end"],
  events: [
    "on_chain_start:RunnableSequence",
    "on_prompt_start:ChatPromptTemplate",
    "on_prompt_end:ChatPromptTemplate",
    "on_chat_model_start:FakeListChatModel",
    ...Array.from({ length: 6 }, (_, index) => [
      "on_chat_model_stream:FakeListChatModel",
      ...(index === 0 ? ["on_parser_start:StrOutputParser"] : []),
      "on_parser_stream:StrOutputParser",
      "on_chain_stream:RunnableSequence",
    ]).flat(),
    "on_chat_model_end:FakeListChatModel",
    "on_parser_end:StrOutputParser",
    "on_chain_end:RunnableSequence",
  ],
  text: ANSWER,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Waits (up to 2 s) until `condition()` holds. */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
