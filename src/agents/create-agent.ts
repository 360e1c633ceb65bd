import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { AgentRunnable, systemMessageOf } from "./agent-runnable.js";
import { ApprovalSigner } from "./approval-signature.js";
import type { CreateAgentOptions, OnToolError } from "./create-agent-options.js";
import { responseFormatTool } from "./structured-response.js";

const DEFAULT_MAX_STEPS = 25;

/**
 * Builds a tool-calling agent, as LangChain v1's `createAgent`: a Runnable on `{ messages }` that
 * asks the model, runs the tools it calls (parallel calls at once, answers in call order), gives
 * it their ToolMessages, and repeats until the model answers without a call or `maxSteps` is
 * reached. Every model request is a `chat_model` run and every tool execution a `tool` run whose
 * events carry the model's `tool_call_id`, all children of one agent run (docs/agents.md).
 *
 * @example
 * const agent = createAgent({ model: new ChatOpenAI({ model: "gpt-4o-mini" }), tools: [weather], systemPrompt: "Be brief." });
 * const { messages, usage } = await agent.invoke({ messages: [["user", "Weather in Paris?"]] });
 */
export function createAgent(options: CreateAgentOptions): AgentRunnable {
  const tools = options.tools ?? [];
  const names = new Set<string>();
  for (const tool of tools) {
    if (names.has(tool.name))
      throw new InvalidConfigError(
        `createAgent: two tools are named "${tool.name}"; tool names must be unique`,
      );
    names.add(tool.name);
  }
  if (typeof options.model !== "string" && typeof options.model?.bindTools !== "function") {
    throw new InvalidConfigError(
      "createAgent: model must be a chat model (with bindTools) or a model name for initChatModel",
    );
  }
  return new AgentRunnable({
    model: options.model,
    tools,
    systemPrompt: systemMessageOf(options.systemPrompt),
    maxSteps: checkNumberOption("maxSteps", options.maxSteps, "positive-integer") ?? DEFAULT_MAX_STEPS,
    toolConcurrency:
      checkNumberOption("toolConcurrency", options.toolConcurrency, "positive-integer") ??
      Number.POSITIVE_INFINITY,
    onToolError: checkOnToolError(options.onToolError),
    name: options.name ?? "agent",
    approval: checkApproval(options.approval, names),
    signer: checkSecret(options),
    responseFormat:
      options.responseFormat === undefined ? undefined : responseFormatTool(options.responseFormat),
  });
}

function checkApproval(
  approval: CreateAgentOptions["approval"],
  toolNames: ReadonlySet<string>,
): CreateAgentOptions["approval"] {
  for (const [name, policy] of Object.entries(approval ?? {})) {
    if (!toolNames.has(name))
      throw new InvalidConfigError(`createAgent: approval names "${name}", which is not one of the tools`);
    if (policy !== "always" && typeof policy !== "function") {
      throw new InvalidConfigError(
        `createAgent: approval.${name} must be "always" or a function of the call`,
      );
    }
  }
  return approval;
}

function checkSecret(options: CreateAgentOptions): ApprovalSigner | undefined {
  const { approvalSecret: secret, clock } = options;
  const ttlMs = checkNumberOption("approvalTtlMs", options.approvalTtlMs, "positive-integer");
  if (secret === undefined) {
    if (ttlMs !== undefined)
      throw new InvalidConfigError(
        "createAgent: approvalTtlMs needs an approvalSecret (the expiry is signed)",
      );
    return undefined;
  }
  if (typeof secret !== "string" || secret.length < 16) {
    throw new InvalidConfigError("createAgent: approvalSecret must be a string of at least 16 characters");
  }
  if (clock !== undefined && typeof clock !== "function")
    throw new InvalidConfigError(
      "createAgent: clock must be a function returning milliseconds since the epoch",
    );
  return new ApprovalSigner(secret, { ttlMs, clock });
}

function checkOnToolError(value: OnToolError | undefined): OnToolError {
  if (value === undefined) return "continue";
  if (value === "continue" || value === "fail" || typeof value === "function") return value;
  throw new InvalidConfigError(
    `createAgent: onToolError must be "continue", "fail" or a function, got ${JSON.stringify(value)}`,
  );
}
