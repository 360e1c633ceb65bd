// Test support: what the shared provider suites need to know about one provider.
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { ProviderTransportOptions } from "../base/transport-options.js";

/** A model under test: anything that streams chunks for a prompt. */
export interface StreamingModel {
  stream(input: string, config?: { signal?: AbortSignal }): Promise<AsyncIterable<AIMessageChunk>>;
}

/** What the conformance suites need from one provider. */
export interface ConformanceSubject {
  provider: string;
  /** Builds the model against the loopback server, with the given transport options. */
  makeModel(baseUrl: string, options: ProviderTransportOptions): StreamingModel;
  /** A recorded text answer, its content type, and the text it spells. */
  textBody: string;
  contentType: string;
  expectedText: string;
  /** A recorded HTTP error body for the 429 and 500 answers, the message and error type in each. */
  rateLimitBody: string;
  rateLimitMessage: string;
  rateLimitType: string | undefined;
  serverErrorBody: string;
  serverErrorMessage: string;
  serverErrorType: string | undefined;
  /** One in-stream error event (a whole frame or line), its message, type, and whether a retry may help. */
  streamErrorBody: string;
  streamErrorMessage: string;
  streamErrorType: string | undefined;
  streamErrorRetryable: boolean;
  /** A stream whose first event's JSON is cut short, and a piece of that text. */
  malformedBody: string;
  malformedText: string;
}
