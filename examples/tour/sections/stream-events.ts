import { JsonOutputParser, type StreamEvent } from "rivulet";
import { formatEvent } from "../format-event.js";
import { COUNTRIES_PROMPT } from "../scripts.js";
import type { TourSection } from "../tour-context.js";

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** Seed sections "Using stream events", "Chat model" and "Chain". */
export const streamEvents: TourSection = {
  id: "events",
  title: "Stream events: the intermediate steps",
  async run({ model, out }) {
    out.code('const events = await collect(model.streamEvents("hello", { version: "v2" }))');
    const events = await collect(model.streamEvents("hello", { version: "v2" }));
    out.step(`The first 3 of ${events.length} events`);
    for (const e of events.slice(0, 3)) out.line(formatEvent(e));
    out.step("The last 2");
    for (const e of events.slice(-2)) out.line(formatEvent(e));

    out.step("A chain: model | JsonOutputParser. Three starts: the chain, the model, the parser");
    const chain = model.pipe(new JsonOutputParser());
    const chainEvents = await collect(chain.streamEvents(COUNTRIES_PROMPT, { version: "v2" }));
    for (const e of chainEvents.slice(0, 3)) out.line(formatEvent(e));

    out.step("Model and parser chunks as they arrive (first 30 events)");
    let count = 0;
    for await (const e of chain.streamEvents(COUNTRIES_PROMPT, { version: "v2" })) {
      // `switch` narrows `e.data`: for on_chat_model_stream, `chunk` is an AIMessageChunk.
      switch (e.event) {
        case "on_chat_model_stream":
          out.line(`Chat model chunk: ${JSON.stringify(e.data.chunk.text)}`);
          break;
        case "on_parser_stream":
          out.line(`Parser chunk: ${JSON.stringify(e.data.chunk)}`);
          break;
      }
      if (++count >= 30) {
        out.line("...");
        break; // breaking out cancels the rest of the chain; every started run is closed
      }
    }
  },
};
