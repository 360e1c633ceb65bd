import type { SchemaLike } from "../schema/runnable-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";

/**
 * What `withTypes` takes: the input and output schemas of a Runnable that cannot know them (a
 * lambda, a passthrough, a hand-written chain), each a Standard Schema (zod, Valibot, ArkType...)
 * or a JSON Schema object. A Standard Schema also sets the TypeScript type (its input type for
 * `input`, its output type for `output`); a JSON Schema leaves the types as they were.
 *
 * @example
 * const typed = RunnableLambda.from(answer).withTypes({ input: z.object({ question: z.string() }) });
 */
export interface RunnableTypes {
  input?: SchemaLike | undefined;
  output?: SchemaLike | undefined;
}

type SchemaTypes<S> = S extends StandardSchemaV1 ? NonNullable<S["~standard"]["types"]> : never;

/** The input type `withTypes` gives: the input Standard Schema's input type, else `I`. */
export type TypedInput<T extends RunnableTypes, I> = T["input"] extends StandardSchemaV1
  ? SchemaTypes<T["input"]>["input"]
  : I;

/** The output type `withTypes` gives: the output Standard Schema's output type, else `O`. */
export type TypedOutput<T extends RunnableTypes, O> = T["output"] extends StandardSchemaV1
  ? SchemaTypes<T["output"]>["output"]
  : O;

/** The chunk type `withTypes` gives: the new output type when chunks were the output (a lambda's), else `C`. */
export type TypedChunk<T extends RunnableTypes, O, C> = [C] extends [O]
  ? [O] extends [C]
    ? TypedOutput<T, O>
    : C
  : C;
