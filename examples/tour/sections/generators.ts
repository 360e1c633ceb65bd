import { JsonOutputParser } from "rivulet";
import { COUNTRIES_PROMPT } from "../scripts.js";
import type { TourSection } from "../tour-context.js";

export type CountriesSoFar = { countries?: Array<{ name?: string } | undefined> } | undefined;

/** A function that works on the finished input: it breaks streaming. */
export function extractCountryNames(input: CountriesSoFar): string[] {
  const countries = input?.countries;
  if (!Array.isArray(countries)) return [];
  return countries.map((c) => c?.name).filter((n): n is string => typeof n === "string");
}

/** A generator over the input stream: it keeps streaming, yielding each complete name once. */
export async function* extractCountryNamesStreaming(
  input: AsyncIterable<CountriesSoFar>,
): AsyncGenerator<string> {
  const seen = new Set<string>();
  let pending: string | undefined;
  for await (const value of input) {
    const names = extractCountryNames(value);
    // The last name may still be growing ("Sp" before "Spain"): emit a name once the next one starts.
    for (const name of names.slice(0, -1)) {
      if (!seen.has(name)) {
        seen.add(name);
        yield name;
      }
    }
    pending = names.at(-1);
  }
  if (pending !== undefined && !seen.has(pending)) yield pending;
}

/** Seed sections "the function that breaks streaming" and "generator functions". */
export const generators: TourSection = {
  id: "generators",
  title: "Generator functions: breaking and fixing streaming",
  async run({ model, out }) {
    out.code("model.pipe(new JsonOutputParser()).pipe(extractCountryNames)   // a plain function");
    const broken = model.pipe(new JsonOutputParser<CountriesSoFar>()).pipe(extractCountryNames);
    for await (const names of await broken.stream(COUNTRIES_PROMPT)) out.token(JSON.stringify(names));
    out.line();
    out.note("A plain function gets the finished input: one chunk at the end.");

    out.step("An async generator receives the input stream and yields as it goes");
    out.code(
      "model.pipe(new JsonOutputParser()).pipe(async function* extractCountryNamesStreaming(input) { ... })",
    );
    const fixed = model.pipe(new JsonOutputParser<CountriesSoFar>()).pipe(extractCountryNamesStreaming);
    for await (const name of await fixed.stream(COUNTRIES_PROMPT)) out.token(name);
    out.line();
  },
};
