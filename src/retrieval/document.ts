import { formatMessage } from "../messages/format-message.js";

const BRAND: unique symbol = Symbol.for("rivulet.document");
const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom");

/** The fields of a Document; only `pageContent` is required. */
export interface DocumentFields<M extends Record<string, unknown> = Record<string, unknown>> {
  pageContent: string;
  metadata?: M | undefined;
  id?: string | undefined;
}

/**
 * A Document as JSON: what `JSON.stringify` (and therefore SSE events and prompts that format a
 * document) shows. The same keys, in the same order, as `@langchain/core`'s Document, so ported
 * prompts and stored event logs read the same text.
 */
export interface DocumentJson<M extends Record<string, unknown> = Record<string, unknown>> {
  pageContent: string;
  metadata: M;
  id?: string;
}

/**
 * A piece of text with metadata: what retrievers return and vector stores hold. `id` is set by
 * a vector store when the document is stored (or by you, to choose it). Prints as the Python
 * guides show it: `Document(id='…', metadata={}, page_content='harrison worked at kensho')`.
 *
 * @example
 * const doc = new Document({ pageContent: "harrison worked at kensho", metadata: { source: "notes" } });
 */
export class Document<M extends Record<string, unknown> = Record<string, unknown>> {
  readonly [BRAND] = true;
  pageContent: string;
  metadata: M;
  id: string | undefined;

  constructor(fields: DocumentFields<M>) {
    this.pageContent = fields.pageContent;
    this.metadata = fields.metadata ?? ({} as M);
    this.id = fields.id;
  }

  /** True for any Rivulet Document, even one made by another copy of the package. */
  static isInstance(value: unknown): value is Document {
    return typeof value === "object" && value !== null && Reflect.get(value, BRAND) === true;
  }

  /** `Document(id='…', metadata={…}, page_content='…')`, the seeds' form; no `id` when unset. */
  toString(): string {
    return formatMessage("Document", [
      ["id", this.id],
      ["metadata", this.metadata],
      ["page_content", this.pageContent],
    ]);
  }

  /** `{ pageContent, metadata, id? }` (no `id` when unset). */
  toJSON(): DocumentJson<M> {
    const json: DocumentJson<M> = { pageContent: this.pageContent, metadata: this.metadata };
    if (this.id !== undefined) json.id = this.id;
    return json;
  }

  /** Makes `console.log` and `util.inspect` print {@link toString}'s form. */
  [INSPECT](): string {
    return this.toString();
  }
}
