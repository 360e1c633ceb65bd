import type { BaseMessage } from "../messages/base-message.js";
import { isChatMessage } from "../messages/chat-message.js";
import type { MessageType } from "../messages/message-json.js";

const PREFIXES: Readonly<Record<Exclude<MessageType, "generic">, string>> = {
  human: "Human",
  ai: "AI",
  system: "System",
  tool: "Tool",
};

/**
 * Renders messages as a plain transcript, one `Role: text` line each (`Human: hi\nAI: hello`),
 * the form `@langchain/core` gives a chat prompt as a string. A ChatMessage shows its own role.
 * Only the text of the content is kept: this is for completion models and logs.
 */
export function formatTranscript(messages: readonly BaseMessage[]): string {
  return messages
    .map((m) => {
      const type = m.getType();
      const prefix = type === "generic" ? (isChatMessage(m) ? m.role : "Chat") : PREFIXES[type];
      return `${prefix}: ${m.text}`;
    })
    .join("\n");
}
