import type { RunScope } from "../engine/run-scope.js";
import { BaseRetriever } from "../retrieval/base-retriever.js";
import { Document } from "../retrieval/document.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";

/** Options of `FakeRetriever`. */
export interface FakeRetrieverFields extends FakeTimingOptions {
  /** The documents every query returns (copies, so callers may mutate them). */
  documents: Document[];
  name?: string | undefined;
}

/**
 * A retriever that returns the same documents for every query, optionally after a delay:
 * for tests and examples of chains with retrieval, with the real retriever run type and
 * events (`on_retriever_start` / `on_retriever_end`).
 *
 * @example
 * const retriever = new FakeRetriever({ documents: [new Document({ pageContent: "harrison worked at kensho" })] });
 * const chain = RunnableParallel.from({ context: retriever, question: new RunnablePassthrough() });
 */
export class FakeRetriever extends BaseRetriever {
  readonly documents: Document[];
  readonly timing: FakeTimingOptions;

  constructor(fields: FakeRetrieverFields) {
    super();
    checkFakeFields({ sleep: fields.sleep, delay: fields.delay });
    this.documents = fields.documents;
    this.timing = { sleep: fields.sleep, delay: fields.delay };
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async _getRelevantDocuments(_query: string, scope: RunScope): Promise<Document[]> {
    await pause(this.timing, scope.signal);
    return this.documents.map(
      (d) => new Document({ pageContent: d.pageContent, metadata: { ...d.metadata }, id: d.id }),
    );
  }
}
