import { InvalidInputError } from "../errors/input-errors.js";
import type { ChatMessagesSource } from "../messages/to-chat-messages.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { defineOwn, mergeOwn, ownValue } from "./own-values.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";

/** One step of a {@link PipelinePromptTemplate}: its output becomes the variable `name`. */
export interface PipelinePromptParams {
  name: string;
  /** Any prompt: its output may be text, messages (a chat prompt) or an image (an image prompt). */
  prompt: BasePromptTemplate<InputValues, ChatMessagesSource, unknown>;
}

/** Fields of a {@link PipelinePromptTemplate}, as `@langchain/core` names them. */
export interface PipelinePromptTemplateInput<P extends ChatMessagesSource = ChatMessagesSource>
  extends Omit<BasePromptTemplateInput, "inputVariables"> {
  /** Formatted in order; each one's output is a variable for the ones after it and the final prompt. */
  pipelinePrompts: PipelinePromptParams[];
  /** The prompt formatted last, with the pipeline's outputs and the caller's values. */
  finalPrompt: BasePromptTemplate<InputValues, P>;
}

/** The variables a prompt reads: its required ones, and its optional ones (a chat prompt's placeholders). */
function variablesOf(prompt: BasePromptTemplate<InputValues, ChatMessagesSource, unknown>): string[] {
  const optional: unknown = Reflect.get(prompt, "optionalVariables");
  return Array.isArray(optional)
    ? [...prompt.inputVariables, ...optional.map(String)]
    : prompt.inputVariables;
}

function pick(values: InputValues, names: readonly string[]): InputValues {
  const picked: InputValues = {};
  for (const name of names) {
    const value = ownValue(values, name);
    if (value !== undefined) defineOwn(picked, name, value);
  }
  return picked;
}

function checkPipeline(fields: PipelinePromptTemplateInput<ChatMessagesSource>): void {
  if (!(fields.finalPrompt instanceof BasePromptTemplate)) {
    throw new InvalidInputError("A PipelinePromptTemplate needs a finalPrompt: a prompt template.");
  }
  if (!Array.isArray(fields.pipelinePrompts)) {
    throw new InvalidInputError(
      "A PipelinePromptTemplate needs pipelinePrompts: a list of { name, prompt }.",
    );
  }
  fields.pipelinePrompts.forEach((step, index) => {
    if (typeof step?.name === "string" && step.name !== "" && step.prompt instanceof BasePromptTemplate)
      return;
    throw new InvalidInputError(
      `pipelinePrompts[${index}] must be { name, prompt } with a non-empty name and a prompt template.`,
    );
  });
}

/**
 * A prompt built from prompts: each pipeline prompt is formatted in turn and its output stored
 * under its `name` (a chat prompt's output is its messages, any other's its text), then the
 * final prompt is formatted with those and the caller's values. `inputVariables` are the
 * variables of the pipeline prompts and the final prompt that no pipeline prompt produces
 * (`@langchain/core` leaves out the final prompt's own; here they are listed, so a missing one
 * is reported before anything is formatted).
 *
 * @example
 * const prompt = new PipelinePromptTemplate({
 *   pipelinePrompts: [
 *     { name: "intro", prompt: PromptTemplate.fromTemplate("You are {person}.") },
 *     { name: "task", prompt: PromptTemplate.fromTemplate("Answer: {question}") },
 *   ],
 *   finalPrompt: PromptTemplate.fromTemplate("{intro}\n\n{task}"),
 * });
 * await prompt.format({ person: "a pirate", question: "Where is the gold?" });
 * // "You are a pirate.\n\nAnswer: Where is the gold?"
 */
export class PipelinePromptTemplate<
  P extends ChatMessagesSource = ChatMessagesSource,
> extends BasePromptTemplate<InputValues, P> {
  readonly pipelinePrompts: PipelinePromptParams[];
  readonly finalPrompt: BasePromptTemplate<InputValues, P>;

  constructor(input: PipelinePromptTemplateInput<P>) {
    checkPipeline(input);
    const produced = new Set(input.pipelinePrompts.map((step) => step.name));
    const partialVariables = input.partialVariables ?? {};
    const needed = new Set<string>();
    for (const prompt of [...input.pipelinePrompts.map((step) => step.prompt), input.finalPrompt]) {
      for (const name of prompt.inputVariables) {
        if (!produced.has(name) && !Object.hasOwn(partialVariables, name)) needed.add(name);
      }
    }
    super({ inputVariables: [...needed], partialVariables });
    this.pipelinePrompts = input.pipelinePrompts;
    this.finalPrompt = input.finalPrompt;
  }

  /** The final prompt's values: the pipeline prompts' outputs and the caller's values it reads. */
  async formatPipelinePrompts(values: InputValues): Promise<InputValues> {
    const all = await this.mergePartialAndUserVariables(values);
    for (const { name, prompt } of this.pipelinePrompts) {
      const own = pick(all, variablesOf(prompt));
      all[name] =
        prompt instanceof ChatPromptTemplate ? await prompt.formatMessages(own) : await prompt.format(own);
    }
    return pick(all, variablesOf(this.finalPrompt));
  }

  /** The final prompt's prompt value. */
  async formatPromptValue(values: InputValues): Promise<P> {
    return this.finalPrompt.formatPromptValue(await this.formatPipelinePrompts(values));
  }

  /** The final prompt's text. */
  async format(values: InputValues): Promise<string> {
    return this.finalPrompt.format(await this.formatPipelinePrompts(values));
  }

  /** A copy with some variables fixed (values, or functions called at each format). */
  async partial(values: PartialValues): Promise<PipelinePromptTemplate<P>> {
    return new PipelinePromptTemplate<P>({
      pipelinePrompts: this.pipelinePrompts,
      finalPrompt: this.finalPrompt,
      partialVariables: mergeOwn(this.partialVariables, values),
    });
  }
}
