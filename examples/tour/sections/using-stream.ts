import type { AIMessageChunk } from "rivulet";
import type { TourSection } from "../tour-context.js";

/** Seed section "Using Stream": tokens from a chat model, and adding chunks up. */
export const usingStream: TourSection = {
  id: "stream",
  title: "Using stream: tokens from a chat model",
  async run({ model, out }) {
    out.code(
      `for await (const chunk of await model.stream("What color is a polar bear?")) print(chunk.text, "|")`,
    );
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream("What color is a polar bear?")) {
      chunks.push(chunk);
      out.token(chunk.text);
    }
    out.line();
    out.step("The first chunk is an AIMessageChunk (this one carries the token usage)");
    out.value(chunks[0]);
    out.step("Message chunks are additive: chunks[0].concat(chunks[1]).concat(chunks[2])");
    const [a, b, c] = chunks;
    if (a && b && c) out.value(a.concat(b).concat(c));
  },
};
