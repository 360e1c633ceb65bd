// What both libraries' chains share (W1-W3, W6): the tokens, the template and input, and the
// consumer. Each library's chain is in its own file (chain-rivulet.ts, chain-langchain.ts), so a
// child process that measures one library never loads the other.

/** `count` tokens whose concatenation is the expected text of a stream. */
export function makeTokens(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `tok${i} `);
}

/** The prompt of both chains. */
export const TEMPLATE = "tell me a joke about {topic}";
/** The input both chains format. */
export const INPUT = { topic: "bears" };

/** Reads a stream of strings and joins it (the consumer's work, part of the timed run). */
export async function joinStream(stream: AsyncIterable<string>): Promise<{ text: string; count: number }> {
  let text = "";
  let count = 0;
  for await (const piece of stream) {
    text += piece;
    count += 1;
  }
  return { text, count };
}
