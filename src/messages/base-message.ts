import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { checkMessageContent } from "./check-message-content.js";
import type { MessageContent } from "./content-block.js";
import { contentText } from "./content-block.js";
import { formatMessage } from "./format-message.js";
import type { MessageJSON, MessageType } from "./message-json.js";
import { prettyMessage } from "./pretty-message.js";
import type { StandardContentBlock } from "./standard-content-block.js";
import { toStandardBlocks } from "./to-standard-blocks.js";

/** Fields every message accepts. `undefined` is allowed so callers can forward optional values. */
export interface BaseMessageFields {
  content: MessageContent;
  additional_kwargs?: Record<string, unknown> | undefined;
  response_metadata?: Record<string, unknown> | undefined;
  id?: string | undefined;
  name?: string | undefined;
}

/** Brand checked by `isInstance`: a `Symbol.for` key, so it holds across duplicated package copies. */
export const MESSAGE_BRAND: unique symbol = Symbol.for("rivulet.message");
/** Marks chunk classes (the ones with `concat`), across package copies too. */
export const CHUNK_BRAND: unique symbol = Symbol.for("rivulet.message.chunk");
const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom");

const CLASS_NAMES: Readonly<Record<MessageType, string>> = {
  human: "HumanMessage",
  ai: "AIMessage",
  system: "SystemMessage",
  tool: "ToolMessage",
  generic: "ChatMessage",
  function: "FunctionMessage",
  remove: "RemoveMessage",
};
/** The fields of a message built from its content alone (shared: one per token is not needed). */
const NO_FIELDS: Partial<BaseMessageFields> = Object.freeze({});

// A lookup, not a concatenation: the name is read whenever a message is built from blocks.
const CHUNK_CLASS_NAMES: Readonly<Record<MessageType, string>> = {
  human: "HumanMessageChunk",
  ai: "AIMessageChunk",
  system: "SystemMessageChunk",
  tool: "ToolMessageChunk",
  generic: "ChatMessageChunk",
  function: "FunctionMessageChunk",
  remove: "RemoveMessage",
};

/** A field worth showing or serialising: defined, and not an empty array or object. */
function isShown(value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isPlainObject(value) || Object.keys(value).length > 0;
}

/** Where a subclass's own fields are wanted: printing shows derived fields, JSON only the source ones. */
export type FieldPurpose = "display" | "json";

/**
 * The base of every chat message: `content` (text or a list of blocks), provider extras in
 * `additional_kwargs`, provider metadata in `response_metadata`, and an optional `id` and `name`.
 * Subclasses fix the type (`getType()`); `toJSON()` and `messageFromJSON` round-trip any message,
 * and `console.log` prints it as `AIMessageChunk(content='The', id='run-1')`.
 *
 * @example
 * const m = new HumanMessage("hi");
 * m.type; // "human"
 * m.text; // "hi"
 */
export abstract class BaseMessage {
  content: MessageContent;
  additional_kwargs: Record<string, unknown>;
  response_metadata: Record<string, unknown>;
  id?: string;
  name?: string;

  /**
   * `fields` is the content itself (a string, or a list of blocks as in `@langchain/core`) or an
   * object of fields. Content that is neither (a number, an object, a list holding `null`) is an
   * `InvalidInputError` here rather than a `TypeError` wherever it is first read.
   */
  constructor(fields: MessageContent | BaseMessageFields) {
    if (typeof fields === "string") {
      this.content = fields;
    } else if (Array.isArray(fields)) {
      this.content = checkMessageContent(fields, this.#className());
    } else if (typeof fields === "object" && fields !== null) {
      const content: unknown = fields.content;
      this.content = typeof content === "string" ? content : checkMessageContent(content, this.#className());
    } else {
      throw new InvalidInputError(
        `${this.#className()} takes its content (a string or an array of content blocks) or an object ` +
          `of fields { content, ... }; got ${fields === null ? "null" : typeof fields}.`,
      );
    }
    const f: Partial<BaseMessageFields> =
      Array.isArray(fields) || typeof fields === "string" ? NO_FIELDS : fields;
    this.additional_kwargs = f.additional_kwargs ?? {};
    this.response_metadata = f.response_metadata ?? {};
    if (f.id !== undefined) this.id = f.id;
    if (f.name !== undefined) this.name = f.name;
  }

  /** The class name as printed: `AIMessageChunk`, `HumanMessage`... (readable from the constructor on). */
  #className(): string {
    return (this[CHUNK_BRAND] ? CHUNK_CLASS_NAMES : CLASS_NAMES)[this.getType()];
  }

  /** The message's kind: `"human"`, `"ai"`, `"system"`, `"tool"` or `"generic"`. */
  abstract getType(): MessageType;

  /** Same as {@link getType}, as a property (the current `@langchain/core` spelling). */
  get type(): MessageType {
    return this.getType();
  }

  /** @deprecated Use `type` or `getType()`; kept so ported code that calls `_getType()` runs. */
  _getType(): MessageType {
    return this.getType();
  }

  /** The text of the content: the string itself, or the `text` blocks joined. */
  get text(): string {
    return contentText(this.content);
  }

  /**
   * The content as standard (v1) blocks, whatever provider wrote it (`@langchain/core` 1.x's
   * `contentBlocks`): `text`, `reasoning`, `tool_call`, `image`, `audio`, `file`, `non_standard`...
   * (see `toStandardBlocks`). An AI message adds its tool calls. Computed on each read; the
   * content itself is not changed.
   *
   * @example
   * new HumanMessage({ content: [{ type: "image_url", image_url: { url } }] }).contentBlocks;
   * // [{ type: "image", url }]
   */
  get contentBlocks(): StandardContentBlock[] {
    return toStandardBlocks(this.content);
  }

  get [MESSAGE_BRAND](): true {
    return true;
  }

  get [CHUNK_BRAND](): boolean {
    return false;
  }

  /** Fields a subclass adds, in display order; undefined and empty values are dropped by the caller. */
  protected ownFields(_purpose: FieldPurpose): Array<readonly [string, unknown]> {
    return [];
  }

  /** A stable plain object (see {@link MessageJSON}); `messageFromJSON` rebuilds the message from it. */
  toJSON(): MessageJSON {
    const json: Record<string, unknown> = { type: this.getType() };
    if (this[CHUNK_BRAND]) json.chunk = true;
    json.content = this.content;
    const fields: Array<readonly [string, unknown]> = [
      ["id", this.id],
      ["name", this.name],
      ["additional_kwargs", this.additional_kwargs],
      ["response_metadata", this.response_metadata],
      ...this.ownFields("json"),
    ];
    for (const [key, value] of fields) if (isShown(value)) json[key] = value;
    return json as unknown as MessageJSON;
  }

  /** The message as the seed transcripts print it: `AIMessageChunk(content='The', id='run-1')`. */
  toString(): string {
    const className = this.#className();
    const fields: Array<readonly [string, unknown]> = [
      ["additional_kwargs", this.additional_kwargs],
      ["response_metadata", this.response_metadata],
      ["name", this.name],
      ["id", this.id],
      ...this.ownFields("display"),
    ];
    return formatMessage(className, [["content", this.content], ...fields.filter(([, v]) => isShown(v))]);
  }

  /** Lines a subclass shows under the title of {@link toFormattedString}'s pretty form (tool calls, a tool's name). */
  protected formattedDetails(): string[] {
    return [];
  }

  /**
   * The message for people to read. `"pretty"` (the default) gives a titled block, as
   * `@langchain/core` prints it: `=== Ai Message ===` centred in 80 columns, an AI message's tool
   * calls (name, id, arguments) or a tool message's name and a blank line, then the text (the string
   * content, or the text blocks of a list: `@langchain/core` prints nothing for a list). `"json"`
   * gives `JSON.stringify` of the message.
   *
   * @example
   * console.log(new HumanMessage("hi").toFormattedString());
   * // ================================ Human Message =================================
   * // hi
   */
  toFormattedString(format: "pretty" | "json" = "pretty"): string {
    if (format === "json") return JSON.stringify(this);
    return prettyMessage(this.getType(), this.formattedDetails(), this.content);
  }

  /** Makes `console.log` and `util.inspect` print {@link toString}'s form instead of the raw object. */
  [INSPECT](): string {
    return this.toString();
  }

  /** True for any Rivulet message, even one made by another copy of the package. */
  static isInstance(value: unknown): value is BaseMessage {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { [MESSAGE_BRAND]?: unknown })[MESSAGE_BRAND] === true
    );
  }
}

/** Type guard for any message (see {@link BaseMessage.isInstance}). */
export function isBaseMessage(value: unknown): value is BaseMessage {
  return BaseMessage.isInstance(value);
}

/** Whether a message is a chunk (has `concat`), across package copies. */
export function isChunkBranded(value: unknown): boolean {
  return BaseMessage.isInstance(value) && value[CHUNK_BRAND] === true;
}
