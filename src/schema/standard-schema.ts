/**
 * The Standard Schema interface (version 1), written from its published spec so that any
 * validation library implementing it (zod 4, Valibot, ArkType...) works without Rivulet
 * importing that library. A schema exposes `"~standard"` with a `validate` function that
 * returns `{ value }` on success or `{ issues }` on failure, maybe as a Promise; `types` exists
 * only at the type level, to carry the input and output types. Some libraries (zod 4) also
 * expose the optional `jsonSchema` converter of the companion Standard JSON Schema spec, which
 * `StructuredOutputParser` uses for its format instructions.
 *
 * @example
 * const schema = z.object({ name: z.string() }); // zod 4 schemas implement it
 * const result = await schema["~standard"].validate({ name: 1 }); // { issues: [{ message, path: ["name"] }] }
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaProps<Input, Output>;
}

/** The `"~standard"` member of a {@link StandardSchemaV1}. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  readonly version: 1;
  readonly vendor: string;
  readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  /** The Standard JSON Schema converter, when the library offers one (it may throw for unsupported schemas). */
  readonly jsonSchema?:
    | { readonly output: (options: { readonly target: string }) => Record<string, unknown> }
    | undefined;
}

/** The result of `validate`: the (possibly transformed) value, or the issues found. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaIssue[] };

/** One validation problem: a message and where in the value it is (keys, or `{ key }` segments). */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The output type of a Standard Schema (what `validate` returns on success). */
export type InferSchemaOutput<S extends StandardSchemaV1> = NonNullable<S["~standard"]["types"]>["output"];
