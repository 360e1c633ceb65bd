import { JsonOutputParser } from "rivulet";
import { COUNTRIES_PROMPT } from "../scripts.js";
import type { TourSection } from "../tour-context.js";
import { type CountriesSoFar, extractCountryNames } from "./generators.js";

/** Seed section "Non-streaming components under events": stream() waits, events still stream. */
export const nonStreamingEvents: TourSection = {
  id: "non-streaming-events",
  title: "Handling non-streaming components under events",
  async run({ model, out }) {
    const chain = model.pipe(new JsonOutputParser<CountriesSoFar>()).pipe(extractCountryNames);
    out.code(
      "model.pipe(new JsonOutputParser()).pipe(extractCountryNames)  // stream() gives one chunk at the end",
    );
    for await (const chunk of await chain.stream(COUNTRIES_PROMPT)) out.value(chunk);
    out.step("streamEvents still shows the model and parser streaming inside (first 20 events)");
    let count = 0;
    for await (const e of chain.streamEvents(COUNTRIES_PROMPT, { version: "v2" })) {
      if (e.event === "on_chat_model_stream")
        out.line(`Chat model chunk: ${JSON.stringify(e.data.chunk.text)}`);
      if (e.event === "on_parser_stream") out.line(`Parser chunk: ${JSON.stringify(e.data.chunk)}`);
      if (++count >= 20) {
        out.line("...");
        break;
      }
    }
  },
};
