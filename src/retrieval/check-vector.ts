import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";

/** Options of `checkVector`. */
export interface CheckVectorOptions {
  /** What the vector is, for messages: `vectors[2]`, `query vector`, `docs[1] (id "a")`. */
  label: string;
  /** The length every vector of the store has, when known. */
  dimensions: number | undefined;
  /**
   * Where it came from: `"input"` (given by the caller: `InvalidInputError`) or `"embeddings"`
   * (returned by the store's embeddings: `InvalidConfigError`, the model or its settings are wrong).
   */
  source: "input" | "embeddings";
}

/** What is wrong with a vector: its shape or length (`problem`, `expected`), or one entry. */
type VectorProblem =
  | { kind: "shape" | "length"; problem: string; expected: string }
  | { kind: "entry"; problem: string };

function describeEntry(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return value === null ? "null" : typeof value;
}

/** The vector's numbers (a copy), or what is wrong with it. */
function readVector(vector: unknown, dimensions: number | undefined): number[] | VectorProblem {
  if (!Array.isArray(vector)) {
    return {
      kind: "shape",
      problem: describeEntry(vector),
      expected: "but a vector is an array of finite numbers",
    };
  }
  if (vector.length === 0) {
    return { kind: "length", problem: "length 0", expected: "but a vector needs at least one entry" };
  }
  if (dimensions !== undefined && vector.length !== dimensions) {
    const expected = `but the store holds vectors of length ${dimensions}`;
    return { kind: "length", problem: `length ${vector.length}`, expected };
  }
  const numbers: number[] = [];
  for (let i = 0; i < vector.length; i++) {
    const entry: unknown = vector[i];
    if (typeof entry !== "number" || !Number.isFinite(entry)) {
      return { kind: "entry", problem: `entry ${i} is ${describeEntry(entry)}` };
    }
    numbers.push(entry);
  }
  return numbers;
}

function embeddingsMessage(label: string, found: VectorProblem): string {
  if (found.kind === "entry") {
    return (
      `The embeddings returned a vector for ${label} whose ${found.problem}: check the embeddings' model ` +
      "(every entry must be a finite number)"
    );
  }
  const what =
    found.kind === "length" ? `a vector of ${found.problem}` : `${found.problem} instead of a vector`;
  return `The embeddings returned ${what} for ${label}, ${found.expected}: check the embeddings' model and dimensions`;
}

function inputMessage(label: string, found: VectorProblem): string {
  if (found.kind === "entry") return `${label}: ${found.problem}; every entry must be a finite number`;
  return `${label} ${found.kind === "length" ? "has" : "is"} ${found.problem}, ${found.expected}`;
}

/**
 * Checks one vector before a store keeps it or searches with it, and returns a copy (so the
 * caller changing its array later does not change what a store holds): an array of finite
 * numbers, not empty, of the store's length when that is known. Without it, NaN reaches
 * pgvector as a driver error, a short vector makes the in-memory cosine silently ignore the
 * missing entries, and a wrong-length query fails inside SQL. The error names the vector and the
 * entry, and says whose mistake it is (the caller's input or the embeddings' output).
 *
 * @example
 * const vector = checkVector(vectors[i], { label: `vectors[${i}]`, dimensions: 512, source: "input" });
 */
export function checkVector(vector: unknown, options: CheckVectorOptions): number[] {
  const read = readVector(vector, options.dimensions);
  if (Array.isArray(read)) return read;
  if (options.source === "embeddings") throw new InvalidConfigError(embeddingsMessage(options.label, read));
  throw new InvalidInputError(inputMessage(options.label, read));
}
