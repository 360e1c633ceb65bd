import { InvalidInputError } from "../errors/input-errors.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import type { ChatPromptPart } from "./coerce-message-prompt.js";
import type { PartialValues } from "./prompt-variables.js";

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

/**
 * Checks a chat prompt's declared variables against its messages, as `@langchain/core` does
 * when a ChatPromptTemplate is built: every name in `inputVariables` or `partialVariables`
 * must be used by a message template or placeholder, and every variable a message uses must be
 * declared (the variables of optional placeholders may be left out: they are not input
 * variables here). Fixed messages do not count. Throws an `InvalidInputError` naming the
 * variables and saying what to change.
 */
export function checkChatPromptVariables(
  parts: readonly ChatPromptPart[],
  inputVariables: readonly string[],
  partialVariables: PartialValues,
): void {
  const used = new Set<string>();
  const optional = new Set<string>();
  for (const part of parts) {
    if (!BaseMessagePromptTemplate.isInstance(part)) continue;
    for (const name of part.inputVariables) used.add(name);
    for (const name of part.optionalVariables) optional.add(name);
  }
  const declared = new Set([...inputVariables, ...Object.keys(partialVariables)]);
  const unused = [...declared].filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw new InvalidInputError(
      `The chat prompt declares ${quoted(unused)} in inputVariables or partialVariables, but no message uses ` +
        `${unused.length === 1 ? "it" : "them"}. Remove ${unused.length === 1 ? "it" : "them"}, or leave ` +
        "inputVariables out to infer them from the messages.",
    );
  }
  const undeclared = [...used].filter((name) => !declared.has(name) && !optional.has(name));
  if (undeclared.length > 0) {
    throw new InvalidInputError(
      `The chat prompt's messages use ${quoted(undeclared)}, which is not in inputVariables ` +
        `(${inputVariables.join(", ") || "none"}) or partialVariables. Add it, or leave inputVariables out to infer them.`,
    );
  }
}
