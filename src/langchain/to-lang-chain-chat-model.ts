import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import {
  type BaseChatModelCallOptions,
  type BindToolsInput,
  BaseChatModel as LangChainBaseChatModel,
} from "@langchain/core/language_models/chat_models";
import {
  AIMessageChunk as LangChainAIMessageChunk,
  type BaseMessage as LangChainBaseMessage,
} from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { Runnable as LangChainRunnable } from "@langchain/core/runnables";
import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidInputError } from "../errors/input-errors.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseLanguageModelInput as RivuletModelInput } from "../messages/base-language-model-input.js";
import type { BaseChatModel } from "../models/base-chat-model.js";
import type { BindableTool } from "../models/tool-definition.js";
import type { Runnable } from "../runnables/runnable.js";
import { fromLangChainMessages, toLangChainMessage } from "./lang-chain-messages.js";

/** A Rivulet chat model, or one with tools bound (`model.bindTools(...)`). */
type ChatRunnable = Runnable<RivuletModelInput, AIMessageChunk, AIMessageChunk>;

function rivuletConfig(options: BaseChatModelCallOptions): RunnableConfig & { stop?: string[] } {
  const config: RunnableConfig & { stop?: string[] } = {};
  if (options.signal !== undefined) config.signal = options.signal;
  if (options.stop !== undefined) config.stop = options.stop;
  return config;
}

function chunkOf(value: unknown): LangChainAIMessageChunk {
  if (!isAIMessageChunk(value))
    throw new InvalidInputError("The Rivulet model answered with something other than an AIMessageChunk.");
  const message = toLangChainMessage(value);
  if (!(message instanceof LangChainAIMessageChunk))
    throw new InvalidInputError("Expected an AIMessageChunk from the conversion.");
  return message;
}

/**
 * A Rivulet chat model as a `@langchain/core` `BaseChatModel`, so LangChain's `createAgent`,
 * LangGraph and any LangChain chain take it: it streams the Rivulet model's chunks as LangChain
 * message chunks (reporting each token to LangChain's handlers), converts messages both ways, and
 * passes LangChain's `signal` and `stop`. `bindTools` binds LangChain or Rivulet tools on the
 * Rivulet model (so tool calls come back with the model's ids), and LangChain's own
 * `withStructuredOutput` works through it.
 *
 * @example
 * const agent = createAgent({ model: toLangChainChatModel(new ChatOpenAI({ model: "gpt-4o-mini" })), tools });
 */
export class RivuletChatModelAdapter extends LangChainBaseChatModel {
  readonly #model: ChatRunnable;
  /** The `_llmType` LangChain reports (LangChain reads it while the base class is built, so not private). */
  readonly rivuletModelType: string;

  constructor(model: BaseChatModel | ChatRunnable, options: { modelType?: string } = {}) {
    super({});
    this.#model = model;
    this.rivuletModelType = options.modelType ?? `rivulet:${model.getName()}`;
  }

  _llmType(): string {
    // Called by the base class's constructor too, before this class's fields are set.
    return this.rivuletModelType ?? "rivulet";
  }

  override async *_streamResponseChunks(
    messages: LangChainBaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const stream = await this.#model.stream(fromLangChainMessages(messages), rivuletConfig(options));
    for await (const chunk of stream) {
      const message = chunkOf(chunk);
      const generation = new ChatGenerationChunk({ text: message.text, message });
      yield generation;
      await runManager?.handleLLMNewToken(message.text, undefined, undefined, undefined, undefined, {
        chunk: generation,
      });
    }
  }

  async _generate(
    messages: LangChainBaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    let whole: ChatGenerationChunk | undefined;
    for await (const chunk of this._streamResponseChunks(messages, options, runManager)) {
      whole = whole === undefined ? chunk : whole.concat(chunk);
    }
    if (whole === undefined) throw new InvalidInputError(`${this.rivuletModelType} answered with nothing.`);
    return { generations: [{ text: whole.text, message: whole.message }] };
  }

  /** The same model with tools bound on the Rivulet side (LangChain tools are taken as they are). */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<BaseChatModelCallOptions>,
  ): LangChainRunnable<BaseLanguageModelInput, LangChainAIMessageChunk, BaseChatModelCallOptions> {
    const bindable: BindableTool[] = tools.map((each, index) => {
      if (typeof each === "object" && each !== null && "name" in each) return bindableTool(each);
      if (typeof each === "object" && each !== null && "function" in each) return bindableTool(each);
      throw new InvalidInputError(`bindTools: tool ${index} has no name; pass a LangChain or Rivulet tool.`);
    });
    const toolChoice = kwargs?.tool_choice;
    const model = this.#model;
    if (!("bindTools" in model) || typeof model.bindTools !== "function") {
      throw new InvalidInputError(
        `${this.rivuletModelType} cannot bind tools: wrap the chat model itself, not a binding.`,
      );
    }
    const bound: ChatRunnable = model.bindTools(
      bindable,
      toolChoice === undefined ? {} : { tool_choice: toolChoice },
    );
    return new RivuletChatModelAdapter(bound, { modelType: this.rivuletModelType });
  }
}

/** A tool `bindTools` got from LangChain, as Rivulet's `bindTools` takes it (it reads the shape itself). */
function bindableTool(tool: object): BindableTool {
  const name: unknown = Reflect.get(tool, "name");
  const description: unknown = Reflect.get(tool, "description");
  const schema: unknown = Reflect.get(tool, "schema");
  if (typeof name === "string" && typeof schema === "object" && schema !== null) {
    return { name, description: typeof description === "string" ? description : "", schema };
  }
  const fn: unknown = Reflect.get(tool, "function");
  if (typeof fn === "object" && fn !== null && typeof Reflect.get(fn, "name") === "string") {
    return {
      type: "function",
      function: {
        name: String(Reflect.get(fn, "name")),
        description: String(Reflect.get(fn, "description") ?? ""),
        parameters: Object(Reflect.get(fn, "parameters")),
      },
    };
  }
  const parameters: unknown = Reflect.get(tool, "parameters");
  if (typeof name === "string" && typeof parameters === "object" && parameters !== null) {
    return { name, description: typeof description === "string" ? description : "", parameters };
  }
  throw new InvalidInputError(`bindTools: tool ${String(name)} has no schema or parameters.`);
}

/** {@link RivuletChatModelAdapter} as a function: `toLangChainChatModel(model)`. */
export function toLangChainChatModel(model: BaseChatModel): RivuletChatModelAdapter {
  return new RivuletChatModelAdapter(model);
}
