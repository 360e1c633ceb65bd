import { JsonOutputParser } from "rivulet";
import { COUNTRIES_PROMPT } from "../scripts.js";
import type { TourSection } from "../tour-context.js";

/** Seed section "Working with input streams": JSON that grows as the model writes it. */
export const streamingJson: TourSection = {
  id: "json",
  title: "Working with input streams: streaming JSON",
  async run({ model, out }) {
    out.code(
      "const chain = model.pipe(new JsonOutputParser());\nfor await (const value of await chain.stream(COUNTRIES_PROMPT)) print(value)",
    );
    const chain = model.pipe(new JsonOutputParser());
    for await (const value of await chain.stream(COUNTRIES_PROMPT)) out.value(value);

    out.step(
      "Rivulet extra: completeValues emits a field only once its value is complete (no 'Sp' before 'Spain')",
    );
    out.code("model.pipe(new JsonOutputParser({ completeValues: true }))");
    const complete = model.pipe(new JsonOutputParser({ completeValues: true }));
    for await (const value of await complete.stream(COUNTRIES_PROMPT)) out.value(value);
    out.note("The parser is incremental: each character is read once, however long the document grows.");
  },
};
