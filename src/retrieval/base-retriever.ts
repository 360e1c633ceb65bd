import type { RunPresentation, RunType } from "../callbacks/run.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { Runnable } from "../runnables/runnable.js";
import type { Document } from "./document.js";

/** A retriever's input in events is `{ query }`. */
const RETRIEVER_PRESENTATION: RunPresentation = {
  input: (input) => (typeof input === "string" ? { query: input } : input),
};

/**
 * A Runnable from a query string to the relevant documents, run type `"retriever"`: events
 * show `on_retriever_start` with `{ input: { query } }` and `on_retriever_end` with the
 * documents. It does not stream: `stream()` yields one chunk, the whole list. Implement
 * `_getRelevantDocuments`; use `scope.signal` to stop early and `scope.childConfig()` to call
 * other runnables as children of the retriever's run.
 *
 * @example
 * class KeywordRetriever extends BaseRetriever {
 *   async _getRelevantDocuments(query: string) { return docs.filter((d) => d.pageContent.includes(query)); }
 * }
 * const docs = await new KeywordRetriever().invoke("kensho");
 */
export abstract class BaseRetriever extends Runnable<string, Document[]> {
  override get runType(): RunType {
    return "retriever";
  }

  /** @internal */
  override runIdentity(): RunIdentity {
    return { name: this.getName(), runType: "retriever", presentation: RETRIEVER_PRESENTATION };
  }

  /** Finds the documents relevant to `query` (call `invoke` instead). */
  abstract _getRelevantDocuments(query: string, scope: RunScope): Promise<Document[]>;

  override async _invoke(input: string, scope: RunScope): Promise<Document[]> {
    if (typeof input !== "string") {
      // The usual mistake is piping a map's whole output into a retriever: say how to fix it.
      throw new InvalidInputError(
        `${this.getName()} takes a query string, got ${input === null ? "null" : typeof input}; ` +
          "pick the query first, e.g. `RunnableLambda.from((x) => x.question).pipe(retriever)`",
      );
    }
    return this._getRelevantDocuments(input, scope);
  }
}
