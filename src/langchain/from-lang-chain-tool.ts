import type { StructuredToolInterface } from "@langchain/core/tools";
import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { readForeignMessage } from "../messages/read-foreign-message.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { StructuredTool, type ToolRunnableConfig } from "../tools/structured-tool.js";
import type { ToolSchema } from "../tools/validate-tool-args.js";

/**
 * The schema as a checker only: the same schema (its JSON Schema, its library's methods), but a
 * valid value comes back as it was given. The LangChain tool parses its input itself, so it must
 * get the model's arguments, not our parse of them: a transform (`z.string().transform(toDate)`)
 * applied twice fails or changes the value.
 */
function checkingOnly(schema: StandardSchemaV1): StandardSchemaV1 {
  const standard = schema["~standard"];
  const props: StandardSchemaV1["~standard"] = {
    ...standard,
    validate: async (value) => {
      const result = await standard.validate(value);
      return result.issues === undefined ? { value } : result;
    },
  };
  const checker: StandardSchemaV1 = Object.create(schema, { "~standard": { value: props } });
  return checker;
}

function toolSchemaOf(tool: StructuredToolInterface): ToolSchema {
  const schema: unknown = tool.schema;
  if (isStandardSchema(schema)) return checkingOnly(schema);
  if (isNonArrayObject(schema)) return schema;
  throw new InvalidInputError(
    `fromLangChainTool: tool "${tool.name}" has a schema that is neither a Standard Schema (zod 3.24+, zod 4) nor a JSON Schema object; give it one of those.`,
  );
}

/**
 * A `@langchain/core` tool (`tool()`, `DynamicStructuredTool`, any `StructuredTool`) as a Rivulet
 * tool: the same name, description and schema, so Rivulet's `bindTools` describes it to a model
 * and Rivulet's agent runs it (validating its arguments first, reporting `on_tool_*` events with
 * the call id). The LangChain tool does the work, on the arguments as they came (it parses them
 * itself), with the call's `signal`. Answering a tool call, the LangChain tool's own
 * `ToolMessage` is the answer: its artifact (`responseFormat: "content_and_artifact"`) and
 * status cross.
 *
 * @example
 * const search = fromLangChainTool(langChainSearchTool);
 * const agent = createAgent({ model, tools: [search] });
 */
export class LangChainToolAdapter extends StructuredTool<Record<string, unknown>, unknown> {
  override name: string;
  description: string;
  override schema: ToolSchema;
  readonly #tool: StructuredToolInterface;

  constructor(tool: StructuredToolInterface) {
    super();
    this.#tool = tool;
    this.name = tool.name;
    this.description = tool.description;
    this.schema = toolSchemaOf(tool);
    if (Reflect.get(tool, "returnDirect") === true) this.returnDirect = true;
  }

  async _call(args: Record<string, unknown>, config: ToolRunnableConfig): Promise<unknown> {
    const options = config.signal === undefined ? {} : { signal: config.signal };
    const call = config.toolCall;
    if (call === undefined) return this.#tool.invoke(args, options);
    // Answering a call, the LangChain tool makes its own ToolMessage (its content, artifact and
    // status; the call in its config), which becomes ours as it is.
    const answer: unknown = await this.#tool.invoke(
      { type: "tool_call", id: call.id ?? "", name: this.name, args },
      options,
    );
    return readForeignMessage(answer) ?? answer;
  }
}

/** {@link LangChainToolAdapter} as a function: `fromLangChainTool(tool)`. */
export function fromLangChainTool(tool: StructuredToolInterface): LangChainToolAdapter {
  return new LangChainToolAdapter(tool);
}
