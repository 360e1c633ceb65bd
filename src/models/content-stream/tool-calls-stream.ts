import { JsonStreamParser } from "../../json-stream/json-stream-parser.js";
import type { JsonValue } from "../../json-stream/json-value.js";
import type { ChatModelStreamCore } from "./chat-model-stream-core.js";
import type { StreamToolCallBlock } from "./stream-content-block.js";

/** One slice of a tool call's arguments as it streams, with the arguments parsed so far. */
export interface ToolCallArgsDelta {
  /** The call's block position in the message (parallel calls have different ones). */
  index: number;
  /** The model's id for the call, when it has given one. */
  id?: string;
  name?: string;
  /** The new slice of argument text (not valid JSON on its own). */
  args: string;
  /** The arguments read so far as a partial value (`{"city": "Pa` gives `{ city: "Pa" }`). */
  partialArgs: JsonValue | undefined;
}

/** What a delta reader knows about one call in progress. */
interface CallInProgress {
  id: string | undefined;
  name: string | undefined;
  parser: JsonStreamParser;
}

/**
 * The tool calls of a chat-model stream (`stream.toolCalls`): iterate it for each call as it
 * finishes (`{ type: "tool_call", id, name, args }`, args parsed), read `.full` for the list
 * so far after each, `.deltas` for the argument slices as they stream (each with the partial
 * arguments, read by the incremental JSON parser in linear time), or await it for every call.
 * Calls whose arguments were malformed are not tool calls; they are in the awaited message's
 * `invalid_tool_calls`.
 *
 * @example
 * const stream = model.streamEvents("Weather in Paris and Rome?", { tools: [weather] });
 * for await (const call of stream.toolCalls) {
 *   console.log(call.name, call.args); // as soon as each call is complete
 * }
 */
export class ToolCallsStream
  implements AsyncIterable<StreamToolCallBlock>, PromiseLike<StreamToolCallBlock[]>
{
  readonly #core: ChatModelStreamCore;

  /** @internal */
  constructor(core: ChatModelStreamCore) {
    this.#core = core;
  }

  /** The finished calls so far, after each new one. */
  get full(): AsyncIterable<StreamToolCallBlock[]> {
    const calls = () => this[Symbol.asyncIterator]();
    return {
      async *[Symbol.asyncIterator]() {
        const done: StreamToolCallBlock[] = [];
        for await (const call of { [Symbol.asyncIterator]: calls }) {
          done.push(call);
          yield [...done];
        }
      },
    };
  }

  /** The argument slices of every call as they arrive, with each call's id, name and partial arguments. */
  get deltas(): AsyncIterable<ToolCallArgsDelta> {
    const events = () => this.#core.events();
    return {
      async *[Symbol.asyncIterator]() {
        const calls = new Map<number, CallInProgress>();
        for await (const event of events()) {
          if (event.event === "content-block-start" && event.content.type === "tool_call_chunk") {
            const { id, name } = event.content;
            calls.set(event.index, { id, name, parser: new JsonStreamParser() });
          } else if (event.event === "content-block-delta") {
            const call = calls.get(event.index);
            if (call === undefined) continue;
            const { delta } = event;
            if (delta.type === "block-delta") {
              if (typeof delta.fields.id === "string") call.id = delta.fields.id;
              if (typeof delta.fields.name === "string") call.name = delta.fields.name;
            } else if (delta.type === "tool-call-delta") {
              call.parser.push(delta.args);
              yield {
                index: event.index,
                ...(call.id === undefined ? {} : { id: call.id }),
                ...(call.name === undefined ? {} : { name: call.name }),
                args: delta.args,
                partialArgs: call.parser.value,
              };
            }
          } else if (event.event === "content-block-finish") {
            calls.delete(event.index);
          }
        }
      },
    };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StreamToolCallBlock> {
    for await (const event of this.#core.events()) {
      if (event.event === "content-block-finish" && event.content.type === "tool_call") yield event.content;
    }
  }

  // biome-ignore lint/suspicious/noThenProperty: awaitable by design, as @langchain/core's streams are
  then<Result = StreamToolCallBlock[], Failure = never>(
    onfulfilled?: ((value: StreamToolCallBlock[]) => Result | PromiseLike<Result>) | null,
    onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): PromiseLike<Result | Failure> {
    return this.#core
      .settled()
      .then((state) => [...state.toolCalls])
      .then(onfulfilled, onrejected);
  }
}
