import { decodeUtf8Chunks } from "./decode-utf8-chunks.js";
import { LineSplitter } from "./line-splitter.js";
import { NdjsonParseError } from "./ndjson-parse-error.js";

/**
 * Reads a newline-delimited JSON body (one JSON value per line, as Ollama streams) and
 * yields each value parsed. Chunks may split lines and multi-byte characters anywhere;
 * `\r\n` endings and blank lines are accepted, and a last line without a final newline
 * is still parsed. A line that is not JSON throws an `NdjsonParseError` carrying the
 * line's text and number. Stopping the loop early cancels a `ReadableStream` source.
 *
 * @example
 * for await (const chunk of parseNdjsonStream(response.body!)) {
 *   process.stdout.write((chunk as { response: string }).response);
 * }
 */
export async function* parseNdjsonStream(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<unknown, void, undefined> {
  const lines = new LineSplitter({ breakOnCr: false });
  let lineNumber = 0;
  for await (const text of decodeUtf8Chunks(stream)) {
    for (const line of lines.push(text)) {
      lineNumber++;
      if (line.trim() !== "") yield parseLine(line, lineNumber);
    }
  }
  const last = lines.rest();
  if (last.trim() !== "") yield parseLine(last, lineNumber + 1);
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new NdjsonParseError(line.endsWith("\r") ? line.slice(0, -1) : line, lineNumber, { cause: error });
  }
}
