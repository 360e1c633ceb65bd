/**
 * How a Runnable takes its input and produces its output: as one whole value, or chunk by chunk.
 * The driver reads it to decide when a run opens and which chunks observers see.
 *
 * - `input: "whole"`: given a streamed input, the run folds it first and opens after its last
 *   chunk (prompts, chat models, retrievers). `"chunks"`: the run opens at the first input chunk
 *   and reads the rest as it arrives through `_transform` (parsers, lambdas, maps, sequences).
 * - `output: "whole"`: one value, from `_invoke` (prompts, retrievers, tools). `"chunks"`: the
 *   output is produced chunk by chunk by `_stream` or `_transform`, and each chunk is reported to
 *   observers as a stream event (chat models, parsers, every combinator).
 *
 * @example
 * class Words extends Runnable<string, string> {
 *   override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
 *   override async *_stream(text: string) {
 *     for (const word of text.split(" ")) yield `${word} `;
 *   }
 * }
 */
export interface RunnableShape {
  readonly input: "whole" | "chunks";
  readonly output: "whole" | "chunks";
}
