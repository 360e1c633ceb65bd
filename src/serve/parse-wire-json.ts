import { RequestValidationError } from "./request-validation-error.js";

/** Keys that would reach an object's prototype if the parsed value were later merged or spread. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Parses a request body as JSON for the server: at most `maxDepth` nested arrays and objects
 * (checked before parsing, so a hostile body cannot exhaust the parser's stack), and the keys
 * `__proto__`, `constructor` and `prototype` dropped wherever they appear, so no later merge,
 * spread or `Object.assign` of the value can reach a prototype. Throws a
 * `RequestValidationError` (422, type `json_invalid`) that says what is wrong.
 *
 * @example
 * parseWireJson('{"input":1,"__proto__":{"x":1}}', { maxDepth: 64 }); // { input: 1 }
 */
export function parseWireJson(text: string, options: { maxDepth: number }): unknown {
  const depth = nestingDepth(text);
  if (depth > options.maxDepth) {
    throw invalidJson(`The body nests ${depth} levels deep; the server accepts at most ${options.maxDepth}.`);
  }
  try {
    return JSON.parse(text, dropPrototypeKeys);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidJson(`The body is not valid JSON (${reason}). Send a JSON object.`, error);
  }
}

function dropPrototypeKeys(key: string, value: unknown): unknown {
  return PROTOTYPE_KEYS.has(key) ? undefined : value;
}

function invalidJson(msg: string, cause?: unknown): RequestValidationError {
  return new RequestValidationError([{ loc: ["body"], msg, type: "json_invalid" }], { cause });
}

/** The deepest nesting of `[` and `{` outside strings (malformed text is left to `JSON.parse`). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
