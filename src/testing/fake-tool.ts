import { StructuredTool } from "../tools/structured-tool.js";
import type { ToolSchema } from "../tools/validate-tool-args.js";

/** Options of `FakeTool`, as `@langchain/core`'s. */
export interface FakeToolParams {
  name: string;
  description: string;
  /** The arguments' schema (a Standard Schema such as zod, or a JSON Schema). */
  schema: ToolSchema;
  /** Tells an agent to return the tool's output as the final answer. */
  returnDirect?: boolean | undefined;
}

/**
 * An offline tool, as `@langchain/core`'s `FakeTool`: it validates its arguments against
 * `schema` like any tool and answers with them as JSON, so a test sees exactly what a model's
 * tool call passed. Bind it to a fake model to test an agent loop without a network.
 *
 * @example
 * const search = new FakeTool({ name: "search", description: "Search", schema: z.object({ q: z.string() }) });
 * await search.invoke({ q: "cats" }); // '{"q":"cats"}'
 */
export class FakeTool<A = unknown> extends StructuredTool<A, string> {
  override name: string;
  description: string;
  override schema: ToolSchema;

  constructor(fields: FakeToolParams) {
    super();
    this.name = fields.name;
    this.description = fields.description;
    this.schema = fields.schema;
    if (fields.returnDirect !== undefined) this.returnDirect = fields.returnDirect;
  }

  _call(args: A): string {
    return JSON.stringify(args);
  }
}
