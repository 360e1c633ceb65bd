// rivulet/agents: createAgent, a tool-calling loop whose every step is a run of its own (docs/agents.md).
export { AgentAbortError } from "./agent-abort-error.js";
export { AgentRunnable, type AgentRunnableFields, STRUCTURED_RESPONSE_EVENT } from "./agent-runnable.js";
export type {
  AgentFinishReason,
  AgentInput,
  AgentNode,
  AgentOutput,
  AgentStepSummary,
} from "./agent-state.js";
export type {
  AgentMessageMetadata,
  AgentMessagePart,
  AgentStreamChunks,
  AgentStreamMode,
  AgentStreamOptions,
  AgentStreamPair,
  AgentToolConfig,
  AgentUpdate,
  AgentValues,
  LangGraphInterrupt,
} from "./agent-stream-mode.js";
export { ApprovalError, type ApprovalProblem } from "./approval-error.js";
export type {
  AgentInterrupt,
  ApprovalDecision,
  ApprovalPolicy,
  ApprovalVerdict,
  PendingApproval,
} from "./approvals.js";
export { createAgent } from "./create-agent.js";
export type { AgentTool, CreateAgentOptions, OnToolError } from "./create-agent-options.js";
