import type { Aggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Joins byte chunks into one array; the joined bytes are the UTF-8 of the whole text. */
class BytesAggregator implements Aggregator<Uint8Array, Uint8Array> {
  #chunks: Uint8Array[] = [];
  #length = 0;
  #any = false;

  add(chunk: Uint8Array): void {
    this.#any = true;
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  result(): Uint8Array | undefined {
    if (!this.#any) return undefined;
    if (this.#chunks.length === 1) return this.#chunks[0];
    const joined = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    this.#chunks = [joined];
    return joined;
  }
}

/**
 * `@langchain/core`'s `BytesOutputParser`: the model's text as UTF-8 bytes (`Uint8Array`), for
 * writing a chain's output straight to a response body or a file. Streaming yields the bytes
 * of each text chunk as it comes (an empty chunk gives an empty array), and the stream's
 * output is all of them joined. A character whose UTF-16 halves arrive in two chunks (an emoji
 * split between tokens) is encoded whole with the second chunk, so the joined bytes are always
 * the UTF-8 of the whole text; LangChain encodes each half alone as U+FFFD.
 *
 * @example
 * const chain = prompt.pipe(model).pipe(new BytesOutputParser());
 * return new Response(ReadableStream.from(await chain.stream({ topic: "bees" })));
 */
export class BytesOutputParser extends BaseOutputParser<Uint8Array, Uint8Array> {
  readonly #encoder = new TextEncoder();

  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<Uint8Array> {
    return this.#encoder.encode(text);
  }

  override createAggregator(): Aggregator<Uint8Array, Uint8Array> {
    return new BytesAggregator();
  }

  protected override async *parseTextStream(texts: AsyncIterable<string>): AsyncIterable<Uint8Array> {
    let held = "";
    for await (const text of texts) {
      let whole = held + text;
      held = "";
      if (whole.length > 0 && isHighSurrogate(whole.charCodeAt(whole.length - 1))) {
        held = whole.slice(-1);
        whole = whole.slice(0, -1);
      }
      yield this.#encoder.encode(whole);
    }
    if (held.length > 0) yield this.#encoder.encode(held);
  }
}
