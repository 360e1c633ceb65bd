import { InvalidInputError } from "../errors/input-errors.js";

// A lone surrogate is a UTF-16 code unit without its pair; with the `u` flag, paired surrogates
// read as one astral code point, so only lone ones match.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Checks that a string a store keeps (a document's text, an id, a metadata or filter string or
 * key) survives the trip through UTF-8 and PostgreSQL unchanged, so every store keeps exactly
 * what it was given: a NUL character (U+0000) cannot be stored in PostgreSQL `text` or `jsonb`,
 * and a lone surrogate cannot be encoded in UTF-8 (a driver silently turns it into U+FFFD, or
 * the JSON cast fails). Throws an `InvalidInputError` naming `path` and the position.
 *
 * @example
 * checkStoreText(doc.pageContent, "docs[3].pageContent");
 */
export function checkStoreText(text: string, path: string): void {
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    throw new InvalidInputError(
      `${path} contains a NUL character (U+0000) at index ${nul}, which PostgreSQL text and jsonb cannot ` +
        "hold: remove it (or replace it) before storing or filtering",
    );
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate !== null) {
    const unit = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
    throw new InvalidInputError(
      `${path} contains a lone surrogate (U+${unit}) at index ${surrogate.index}, which UTF-8 cannot encode ` +
        "(it would come back as U+FFFD): fix the text, or call text.toWellFormed() to replace it knowingly",
    );
  }
}
