import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { checkStoreText } from "./check-store-text.js";
import { copyJsonValue } from "./copy-json-value.js";

/** A document checked for storing: its id (given or new), its text, a JSON copy of its metadata. */
export interface PreparedDocument {
  id: string;
  content: string;
  metadata: Record<string, unknown>;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}

/** A string a store keeps (an id or a text): a string that survives PostgreSQL and UTF-8 unchanged. */
function checkString(value: unknown, path: string): string {
  if (typeof value !== "string")
    throw new InvalidInputError(`${path} must be a string, got ${kindOf(value)}`);
  checkStoreText(value, path);
  return value;
}

function prepareOne(doc: unknown, given: unknown, index: number): PreparedDocument {
  const path = `docs[${index}]`;
  if (typeof doc !== "object" || doc === null) {
    throw new InvalidInputError(
      `${path} must be a Document ({ pageContent, metadata?, id? }), got ${kindOf(doc)}`,
    );
  }
  const fields: { pageContent?: unknown; metadata?: unknown; id?: unknown } = doc;
  const content = checkString(fields.pageContent, `${path}.pageContent`);
  const metadata =
    fields.metadata === undefined ? {} : copyJsonValue(fields.metadata, `${path}.metadata`, "metadata");
  if (!isPlainObject(metadata)) {
    throw new InvalidInputError(
      `${path}.metadata must be a plain object, got ${kindOf(fields.metadata)}: use {} for none`,
    );
  }
  const id =
    given !== undefined
      ? checkString(given, `ids[${index}]`)
      : fields.id !== undefined
        ? checkString(fields.id, `${path}.id`)
        : globalThis.crypto.randomUUID();
  return { id, content, metadata };
}

/**
 * Checks every document of one write before anything is embedded or stored, and returns them as
 * stores keep them: the id (from `ids`, else the document's, else a new UUID), the text, and a
 * JSON copy of the metadata. Checking the whole call first is what lets a store write all of a
 * call or none of it; the errors (`InvalidInputError`) name the field, e.g. `docs[3].pageContent`
 * or `docs[0].metadata.tenant`.
 *
 * @example
 * const prepared = prepareDocuments(docs, options.ids);
 */
export function prepareDocuments(docs: unknown, ids: unknown): PreparedDocument[] {
  if (!Array.isArray(docs))
    throw new InvalidInputError(`docs must be an array of Documents, got ${kindOf(docs)}`);
  if (ids !== undefined) {
    if (!Array.isArray(ids))
      throw new InvalidInputError(`ids must be an array of strings, got ${kindOf(ids)}`);
    if (ids.length !== docs.length) {
      throw new InvalidInputError(
        `Got ${ids.length} ids for ${docs.length} documents: give one id per document`,
      );
    }
  }
  const idList: unknown[] | undefined = ids;
  return docs.map((doc: unknown, i) => prepareOne(doc, idList?.[i], i));
}

/**
 * Checks the ids of a delete as a write checks them (strings a store can hold), so an id no
 * store could have stored is an `InvalidInputError` naming it rather than a silent no-op.
 *
 * @example
 * await store.deleteRecords(checkStoreIds(params.ids));
 */
export function checkStoreIds(ids: unknown): string[] {
  if (!Array.isArray(ids)) throw new InvalidInputError(`ids must be an array of strings, got ${kindOf(ids)}`);
  return ids.map((id: unknown, i) => checkString(id, `ids[${i}]`));
}
