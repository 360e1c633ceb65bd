import type { MessageType } from "./message-json.js";

/** Our message types with the class names `@langchain/core` gives them (and serializes them under). */
export const LANGCHAIN_CLASS_NAMES: ReadonlyArray<readonly [MessageType, string]> = [
  ["human", "HumanMessage"],
  ["ai", "AIMessage"],
  ["system", "SystemMessage"],
  ["tool", "ToolMessage"],
  ["generic", "ChatMessage"],
  ["function", "FunctionMessage"],
  ["remove", "RemoveMessage"],
];

/** `@langchain/core`'s class name for one of our message types. */
export const LANGCHAIN_CLASS_BY_TYPE: ReadonlyMap<MessageType, string> = new Map(LANGCHAIN_CLASS_NAMES);

/** Each class name (and its chunk's) with our type and whether it names a chunk. */
export const MESSAGE_KIND_BY_LANGCHAIN_CLASS: ReadonlyMap<string, readonly [MessageType, boolean]> = new Map(
  LANGCHAIN_CLASS_NAMES.flatMap(
    ([type, className]): Array<[string, readonly [MessageType, boolean]]> => [
      [className, [type, false]],
      [`${className}Chunk`, [type, true]],
    ],
  ),
);
