// rivulet/providers/anthropic: Anthropic's Messages API.
import "../../runnables/install.js";
import "../../events/install.js";

export { ChatAnthropic } from "./chat-anthropic.js";
export type {
  AnthropicClientOptions,
  ChatAnthropicCallOptions,
  ChatAnthropicFields,
} from "./chat-anthropic-fields.js";
export { type AnthropicMessage, type AnthropicPrompt, toAnthropicPrompt } from "./to-anthropic-prompt.js";
export { toAnthropicTool } from "./to-anthropic-tool.js";
