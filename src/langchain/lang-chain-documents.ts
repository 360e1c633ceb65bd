import { Document as LangChainDocument } from "@langchain/core/documents";
import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { Document } from "../retrieval/document.js";

/**
 * Rivulet documents as `@langchain/core` documents (page content, metadata and id), for a
 * LangChain retriever, splitter or vector store.
 *
 * @example
 * await langChainVectorStore.addDocuments(toLangChainDocuments(docs));
 */
export function toLangChainDocuments(documents: readonly Document[]): LangChainDocument[] {
  return documents.map(
    (document) =>
      new LangChainDocument({
        pageContent: document.pageContent,
        metadata: { ...document.metadata },
        ...(document.id === undefined ? {} : { id: document.id }),
      }),
  );
}

/**
 * `@langchain/core` documents (or any `{ pageContent, metadata?, id? }`, their JSON included) as
 * Rivulet documents. A value without a string `pageContent` is an `InvalidInputError` naming it.
 *
 * @example
 * const docs = fromLangChainDocuments(await langChainRetriever.invoke("query"));
 */
export function fromLangChainDocuments(documents: readonly unknown[]): Document[] {
  return documents.map((value, index) => {
    if (!isNonArrayObject(value) || typeof value.pageContent !== "string") {
      throw new InvalidInputError(`fromLangChainDocuments: document ${index} needs a string pageContent.`);
    }
    const metadata = isNonArrayObject(value.metadata) ? { ...value.metadata } : {};
    const id = typeof value.id === "string" ? value.id : undefined;
    return new Document({ pageContent: value.pageContent, metadata, id });
  });
}
