// The words are @langchain/core's (StructuredOutputParser.getFormatInstructions), kept exactly,
// doubled braces included: prompts written and tuned against them must read the same here.
const PREAMBLE = `You must format your output as a JSON value that adheres to a given "JSON Schema" instance.

"JSON Schema" is a declarative language that allows you to annotate and validate JSON documents.

For example, the example "JSON Schema" instance {{"properties": {{"foo": {{"description": "a list of test words", "type": "array", "items": {{"type": "string"}}}}}}, "required": ["foo"]}}
would match an object with one required property, "foo". The "type" property specifies "foo" must be an "array", and the "description" property semantically describes it as "a list of test words". The items within "foo" must be strings.
Thus, the object {{"foo": ["bar", "baz"]}} is a well-formatted instance of this example "JSON Schema". The object {{"properties": {{"foo": ["bar", "baz"]}}}} is not well-formatted.

Your output will be parsed and type-checked according to the provided schema instance, so make sure all fields in your output match the schema exactly and there are no trailing commas!
`;

/**
 * The format instructions of a `StructuredOutputParser`: `@langchain/core`'s text, ending with
 * the JSON Schema in a fenced block. A schema with no JSON Schema form (a Standard Schema
 * without a converter) gets the same text without the final block, which cannot be written.
 */
export function structuredFormatInstructions(jsonSchema: Record<string, unknown> | undefined): string {
  if (jsonSchema === undefined) return PREAMBLE;
  return (
    `${PREAMBLE}\nHere is the JSON Schema instance your output must adhere to. Include the enclosing markdown codeblock:\n` +
    `\`\`\`json\n${JSON.stringify(jsonSchema)}\n\`\`\`\n`
  );
}
