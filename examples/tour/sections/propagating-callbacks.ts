import { chain, type RunnableConfig, RunnableLambda, tool } from "rivulet";
import { formatEvent } from "../format-event.js";
import type { TourSection } from "../tour-context.js";

const reverseWord = RunnableLambda.from((word: string) => [...word].reverse().join(""), {
  name: "reverse_word",
});

/** Seed section "Propagating callbacks": nested runs appear in events, with or without passing config. */
export const propagatingCallbacks: TourSection = {
  id: "callbacks",
  title: "Propagating callbacks",
  async run({ out }) {
    const badTool = tool((word: string) => reverseWord.invoke(word), {
      name: "bad_tool",
      description: "Custom tool that doesn't propagate callbacks.",
    });
    out.step("A tool that does not pass its config on: Rivulet links the nested run anyway");
    for await (const e of badTool.streamEvents("hello", { version: "v2" })) out.line(formatEvent(e));

    const correctTool = tool((word: string, config: RunnableConfig) => reverseWord.invoke(word, config), {
      name: "correct_tool",
      description: "A tool that passes its config on explicitly.",
    });
    out.step("A tool that passes its config explicitly (the only way where AsyncLocalStorage is missing)");
    for await (const e of correctTool.streamEvents("hello", { version: "v2" })) out.line(formatEvent(e));

    const reverseAndDouble = RunnableLambda.from(
      async (word: string) => (await reverseWord.invoke(word)).repeat(2),
      { name: "reverse_and_double" },
    );
    out.step("A RunnableLambda calling another runnable");
    for await (const e of reverseAndDouble.streamEvents("1234", { version: "v2" })) out.line(formatEvent(e));

    const reverseAndDoubleChain = chain(async function reverse_and_double(word: string) {
      return (await reverseWord.invoke(word)).repeat(2);
    });
    out.step("The same with chain()");
    for await (const e of reverseAndDoubleChain.streamEvents("1234", { version: "v2" }))
      out.line(formatEvent(e));
  },
};
