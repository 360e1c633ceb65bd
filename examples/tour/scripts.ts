import type { Script } from "./scripted-chat-model.js";

const countries = [
  { name: "France", population: 67391582 },
  { name: "Spain", population: 47615034 },
  { name: "Japan", population: 125681593 },
];

/** The seed guide's prompts and seed-like answers for the offline model. */
export const TOUR_SCRIPTS: Script[] = [
  {
    keywords: ["polar bear"],
    answer:
      "Polar bears actually have transparent, hollow fur, not white fur as commonly believed. Their skin is black " +
      "underneath. The fur appears white because the transparent hair scatters and reflects visible light.",
  },
  {
    keywords: ["joke", "parrot"],
    answer:
      "Why did the parrot wear a raincoat?\nBecause it wanted to be a little polly-unsaturated!\n\n" +
      "Here's another one: what do you call a parrot that flew away? A polygone!",
  },
  {
    keywords: ["countries", "json"],
    answer: JSON.stringify({ countries }, null, 2),
  },
  {
    keywords: ["harrison"],
    answer:
      "According to the context, Harrison worked at Kensho.\n\nHere are 3 made up sentences about Kensho:\n" +
      "1. Kensho is a bright office where every desk faces a wall of whiteboards.\n" +
      "2. Its kitchen is famous for very spicy food, which Harrison enjoys.\n" +
      "3. Kensho's team meets every Friday to share what they learned that week.",
  },
  { keywords: ["hello"], answer: "Hello! How can I assist you today?" },
];

/** The seed's JSON prompt. */
export const COUNTRIES_PROMPT =
  "output a list of the countries france, spain and japan and their populations in JSON format. " +
  'Use a dict with an outer key of "countries" which contains a list of countries. ' +
  "Each country should have the key `name` and `population`";
