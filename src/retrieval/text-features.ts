/**
 * Words that carry little meaning in short English queries ("where did harrison work?"); they
 * are dropped so that matches on content words decide the ranking.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her his how i if " +
    "in into is it its me my no not of on or our she so than that the their them then there these they " +
    "this those to too us was we were what when where which who whom why will with would you your"
  ).split(" "),
);

/**
 * Lowercases, folds accents (é → e), drops apostrophes ("harrison's" → "harrisons") and turns
 * every other non-alphanumeric character into a space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A crude English stemmer, enough for "worked", "works" and "working" to meet "work", and
 * "likes"/"liked" to meet "like". It never shortens a word below three letters; it is not
 * Porter's algorithm and makes no attempt at irregular forms ("ran", "went").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed", "ly"]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "running" → "runn" → "run"; then drop a final silent e so "like" and "lik(ed)" agree.
  if (/([^aeiouls])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** The content words of a text: normalised, stopwords removed (kept if nothing else is left). */
export function contentWords(text: string): string[] {
  const words = normalizeText(text).split(" ").filter(Boolean);
  const content = words.filter((w) => !STOPWORDS.has(w));
  // A text made only of stopwords ("to be or not to be") still deserves a vector.
  return content.length > 0 ? content : words;
}

/** The features of a text, by kind: stemmed words, stemmed word pairs, character n-grams. */
export interface TextFeatures {
  words: string[];
  bigrams: string[];
  chars: string[];
}

/**
 * Extracts the features `HashedNgramEmbeddings` hashes: stemmed unigrams, bigrams of adjacent
 * content words, and character n-grams (lengths `minGram`..`maxGram`) of each word padded with
 * spaces, which let misspellings and inflections ("kensho"/"kenshos") still overlap.
 */
export function extractFeatures(text: string, minGram = 3, maxGram = 5): TextFeatures {
  const raw = contentWords(text);
  const words = raw.map(stem);
  const bigrams: string[] = [];
  for (let i = 1; i < words.length; i++) bigrams.push(`${words[i - 1]} ${words[i]}`);
  const chars: string[] = [];
  for (const word of raw) {
    const padded = ` ${word} `;
    for (let n = minGram; n <= maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
    }
  }
  return { words, bigrams, chars };
}
