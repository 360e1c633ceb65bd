import type { ToolCall } from "../messages/tool-call.js";

const encoder = new TextEncoder();

/** An HMAC-SHA-256 tag in base64url without padding is always 43 characters of this alphabet. */
const TAG = /^[A-Za-z0-9_-]{43}$/;
/** A signature with an expiry: the expiry (ms since the epoch, base 36), a dot, the tag. */
const WITH_EXPIRY = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * What a signature binds a call to besides its name, id and arguments: the agent that issued it
 * and the conversation (`configurable.thread_id`) it was issued in, so that a signed call cannot
 * be approved in another agent sharing the secret or in another conversation.
 */
export interface SignatureContext {
  readonly agent: string;
  readonly threadId: string | undefined;
}

/** Why a signature does not verify, when it does not. */
export type SignatureCheck = { ok: true } | { ok: false; expiredAt?: number };

/** JSON with object keys sorted, so the same arguments always sign the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What is signed for a call: the agent, the conversation, the expiry, the tool name, id and arguments. */
function signedText(
  call: ToolCall & { id: string },
  context: SignatureContext,
  expiresAt: number | null,
): Uint8Array {
  const { agent, threadId } = context;
  return encoder.encode(
    canonicalJson(["rivulet.approval.v2", agent, threadId ?? null, expiresAt, call.name, call.id, call.args]),
  );
}

function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * The tag's bytes, from its one encoding: base64 decoders skip whitespace and padding and ignore
 * a last character's spare bits, so several strings decode to the same tag; only the canonical
 * one is accepted (a signature is then a stable key, e.g. for a store of used approvals).
 */
function tagBytes(text: string): Uint8Array | undefined {
  if (!TAG.test(text)) return undefined;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (letter) => letter.charCodeAt(0));
  return toBase64Url(bytes) === text ? bytes : undefined;
}

/**
 * HMAC-SHA-256 signatures of pending tool calls (WebCrypto, no dependency): the agent signs each
 * call it leaves for approval, and checks on resume that a decision's call is one it issued, with
 * the same name, id and arguments, in the same agent and conversation, and (with a lifetime) not
 * expired. The check is WebCrypto's constant-time `verify`.
 */
export class ApprovalSigner {
  readonly #key: ReturnType<typeof crypto.subtle.importKey>;
  readonly #ttlMs: number | undefined;
  readonly #clock: () => number;

  constructor(
    secret: string,
    options: { ttlMs?: number | undefined; clock?: (() => number) | undefined } = {},
  ) {
    this.#key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    this.#ttlMs = options.ttlMs;
    this.#clock = options.clock ?? Date.now;
  }

  /** The call's signature: the base64url tag, after its expiry and a dot when approvals expire. */
  async sign(call: ToolCall & { id: string }, context: SignatureContext): Promise<string> {
    const expiresAt = this.#ttlMs === undefined ? null : Math.ceil(this.#clock() + this.#ttlMs);
    const tag = await crypto.subtle.sign("HMAC", await this.#key, signedText(call, context, expiresAt));
    return expiresAt === null ? toBase64Url(tag) : `${expiresAt.toString(36)}.${toBase64Url(tag)}`;
  }

  /** Whether `signature` signs exactly this call in this context, and, if it expires, is still valid. */
  async verify(
    call: ToolCall & { id: string },
    signature: string,
    context: SignatureContext,
  ): Promise<SignatureCheck> {
    const parts = this.#ttlMs === undefined ? undefined : WITH_EXPIRY.exec(signature);
    const expiresAt = parts?.[1] === undefined ? null : Number.parseInt(parts[1], 36);
    const bytes = tagBytes(parts?.[2] ?? signature);
    if (bytes === undefined || (this.#ttlMs !== undefined && expiresAt === null)) return { ok: false };
    const valid = await crypto.subtle.verify(
      "HMAC",
      await this.#key,
      bytes,
      signedText(call, context, expiresAt),
    );
    if (!valid) return { ok: false };
    // Checked after the tag, so an expiry is only reported for a signature the agent issued.
    if (expiresAt !== null && this.#clock() > expiresAt) return { ok: false, expiredAt: expiresAt };
    return { ok: true };
  }
}
