import type { ToolCall } from "../messages/tool-call.js";

const encoder = new TextEncoder();

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

/** What is signed for a call: its tool name, id and arguments. */
function signedText(call: ToolCall & { id: string }): Uint8Array {
  return encoder.encode(canonicalJson(["rivulet.approval.v1", call.name, call.id, call.args]));
}

function toBase64Url(bytes: ArrayBuffer): string {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (letter) => letter.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * HMAC-SHA-256 signatures of pending tool calls (WebCrypto, no dependency): the agent signs each
 * call it leaves for approval, and checks on resume that a decision's call is one it issued, with
 * the same name, id and arguments (the check is WebCrypto's constant-time `verify`).
 */
export class ApprovalSigner {
  readonly #key: ReturnType<typeof crypto.subtle.importKey>;

  constructor(secret: string) {
    this.#key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
  }

  /** The call's signature, base64url. */
  async sign(call: ToolCall & { id: string }): Promise<string> {
    return toBase64Url(await crypto.subtle.sign("HMAC", await this.#key, signedText(call)));
  }

  /** Whether `signature` signs exactly this call. */
  async verify(call: ToolCall & { id: string }, signature: string): Promise<boolean> {
    const bytes = fromBase64Url(signature);
    if (bytes === undefined) return false;
    return crypto.subtle.verify("HMAC", await this.#key, bytes, signedText(call));
  }
}
