import { type EventFilters, JsonOutputParser, type Runnable } from "rivulet";
import { formatEvent } from "../format-event.js";
import { COUNTRIES_PROMPT } from "../scripts.js";
import type { TourContext, TourSection } from "../tour-context.js";

async function printSome(
  ctx: TourContext,
  chain: Runnable<string, unknown, unknown>,
  filters: EventFilters,
): Promise<void> {
  let shown = 0;
  for await (const e of chain.streamEvents(COUNTRIES_PROMPT, { version: "v2" }, filters)) {
    ctx.out.line(formatEvent(e));
    if (++shown >= 8) {
      ctx.out.line("...");
      break;
    }
  }
}

/** Seed section "Filtering events": by name, by type, by tag. */
export const filteringEvents: TourSection = {
  id: "filter",
  title: "Filtering events by name, type and tag",
  async run(ctx) {
    const { model, out } = ctx;
    const named = model
      .withConfig({ runName: "model" })
      .pipe(new JsonOutputParser().withConfig({ runName: "my_parser" }));
    out.step('By name: { includeNames: ["my_parser"] }');
    await printSome(ctx, named, { includeNames: ["my_parser"] });
    out.step('By type: { includeTypes: ["chat_model"] }');
    await printSome(ctx, named, { includeTypes: ["chat_model"] });
    out.step(
      'By tag: (model | parser).withConfig({ tags: ["my_chain"] }) with { includeTags: ["my_chain"] }',
    );
    const tagged = model.pipe(new JsonOutputParser()).withConfig({ tags: ["my_chain"] });
    await printSome(ctx, tagged, { includeTags: ["my_chain"] });
    out.note(
      "Tags are inherited: every run inside the tagged chain carries 'my_chain' after its own local tag.",
    );
  },
};
