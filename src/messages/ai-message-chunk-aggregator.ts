import type { Aggregator } from "../streams/aggregator.js";
import { concat } from "../streams/concat.js";
import { TextBuilder } from "../streams/text-builder.js";
import { AIMessageChunk, hasToolCallData, isAIMessageChunk, toolCallFieldsOf } from "./ai-message-chunk.js";

/** A chunk that carries more than text: tool-call fragments, usage, a name, kwargs or metadata. */
function isRich(chunk: AIMessageChunk): boolean {
  return (
    hasToolCallData(chunk) ||
    chunk.usage_metadata !== undefined ||
    chunk.name !== undefined ||
    Object.keys(chunk.additional_kwargs).length > 0 ||
    Object.keys(chunk.response_metadata).length > 0
  );
}

/** The non-text fields of a rich chunk, as a chunk with empty content. */
function fieldsOf(chunk: AIMessageChunk): AIMessageChunk {
  const rest = new AIMessageChunk({
    content: "",
    additional_kwargs: chunk.additional_kwargs,
    response_metadata: chunk.response_metadata,
    ...toolCallFieldsOf(chunk),
    usage_metadata: chunk.usage_metadata,
  });
  if (chunk.name !== undefined) rest.name = chunk.name;
  return rest;
}

/**
 * Folds a chat model's chunks into its output message as they arrive, keeping nothing per chunk:
 * string contents go into a {@link TextBuilder}, and only the chunks that carry tool-call
 * fragments, usage or metadata (usually a few) are merged with `concat`. The result equals folding
 * every chunk with `concat`, at O(total size). Once a chunk's content is a list of blocks, the fold
 * is the plain `concat` from there on.
 *
 * @example
 * const aggregator = new AIMessageChunkAggregator();
 * for await (const chunk of await model.stream("hi")) aggregator.add(chunk);
 * aggregator.result()?.text;
 */
export class AIMessageChunkAggregator implements Aggregator<AIMessageChunk, AIMessageChunk> {
  #count = 0;
  #first: AIMessageChunk | undefined;
  #text = new TextBuilder();
  #fields: AIMessageChunk | undefined;
  #id: string | undefined;
  /** Some chunk had `id: ""`: the fold keeps "" when no chunk had a real id, as `concat` does. */
  #emptyId = false;
  /** Set once a chunk's content was a list of blocks: the plain fold from then on. */
  #folded: AIMessageChunk | undefined;
  /**
   * Set once a chunk was not a message chunk at all (a fallback that streams strings under a
   * model's aggregator): `concat` from then on, as any other run folds its chunks.
   */
  #other: { value: unknown } | undefined;
  #cached: AIMessageChunk | undefined;

  add(chunk: AIMessageChunk): void {
    this.#count++;
    this.#cached = undefined;
    if (this.#other !== undefined || !isAIMessageChunk(chunk)) {
      this.#addOther(chunk);
      return;
    }
    if (this.#folded !== undefined) {
      this.#folded = this.#folded.concat(chunk);
      return;
    }
    if (typeof chunk.content !== "string") {
      this.#folded = this.#count === 1 ? chunk : this.#merged().concat(chunk);
      return;
    }
    if (this.#count === 1) this.#first = chunk;
    this.#text.append(chunk.content);
    if (this.#id === undefined && chunk.id !== undefined && chunk.id !== "") this.#id = chunk.id;
    if (chunk.id === "") this.#emptyId = true;
    if (isRich(chunk)) {
      const fields = fieldsOf(chunk);
      this.#fields = this.#fields === undefined ? fields : this.#fields.concat(fields);
    }
  }

  result(): AIMessageChunk | undefined {
    if (this.#count === 0) return undefined;
    // Not message chunks: the caller gets what it streamed, folded with `concat`.
    if (this.#other !== undefined) return this.#other.value as AIMessageChunk;
    if (this.#folded !== undefined) return this.#folded;
    // One chunk is its own sum (as `concat` folding would give).
    if (this.#count === 1) return this.#first;
    this.#cached ??= this.#merged();
    return this.#cached;
  }

  #addOther(chunk: unknown): void {
    if (this.#other === undefined) {
      const before = this.#count > 1 ? this.result() : undefined;
      this.#other = { value: before === undefined ? chunk : concat<unknown>(before, chunk) };
      return;
    }
    this.#other.value = concat(this.#other.value, chunk);
  }

  #merged(): AIMessageChunk {
    const text = new AIMessageChunk({ content: this.#text.toString() });
    const merged = this.#fields === undefined ? text : text.concat(this.#fields);
    if (this.#id !== undefined) merged.id = this.#id;
    else if (this.#emptyId) merged.id = "";
    return merged;
  }
}
