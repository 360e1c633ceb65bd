import { InvalidConfigError } from "../../errors/input-errors.js";
import { jsonEqual } from "../../json-patch/json-equal.js";
import { closestName } from "./closest-name.js";

/**
 * How one key of a provider's options is read: an option of its own, or another name for one
 * (`modelName` for `model`), its value converted when the two mean it differently (`streaming:
 * false` is `disableStreaming: true`). A conversion may throw an `InvalidConfigError`, or return
 * `undefined` to set nothing.
 */
export type OptionRule<Key extends string = string> =
  | "option"
  | { readonly aliasOf: Key; readonly convert?: (value: unknown, owner: string) => unknown };

/** A rule for every key of the options type `F`: the compiler fails when a key has none. */
export type OptionTable<F> = { readonly [K in keyof F & string]-?: OptionRule<keyof F & string> };

/** The keys an object-valued option takes (`configuration.baseURL`...), and what to use instead of the others. */
export interface NestedOptions {
  readonly keys: readonly string[];
  readonly unsupported?: Readonly<Record<string, string>> | undefined;
}

/**
 * The options a provider class takes: its name in messages, a rule per key, the LangChain
 * options it does not take with what to do instead, and the keys of its object-valued options.
 * `lenient` lets keys without a rule pass untouched (the public base resolves the common
 * aliases for providers whose keys it does not know).
 */
export interface ProviderOptionSpec<F> {
  readonly owner: string;
  readonly table: OptionTable<F>;
  readonly unsupported: Readonly<Record<string, string>>;
  readonly nested?: Readonly<Record<string, NestedOptions>> | undefined;
  readonly lenient?: boolean | undefined;
}

const FIRST_ARGUMENT = "the model name given as first argument";

function describeKey(key: string): string {
  return key === FIRST_ARGUMENT ? key : `"${key}"`;
}

/** The given entries that set something (an `undefined` value sets nothing, so it is not checked). */
function givenEntries(owner: string, value: unknown): [string, unknown][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidConfigError(
      `${owner} takes an options object (or a model name, then an options object)`,
    );
  }
  return Object.entries(value).filter(([, entry]) => entry !== undefined);
}

function unknownKeyError(
  owner: string,
  key: string,
  valid: readonly string[],
  prefix: string,
): InvalidConfigError {
  const closest = closestName(key, valid);
  const hint = closest === undefined ? "" : `; did you mean "${prefix}${closest}"?`;
  return new InvalidConfigError(`${owner} has no option "${prefix}${key}"${hint}`);
}

/**
 * A LangChain option Rivulet does not take, switched off (`verbose: false`, `logprobs: false`,
 * `checkOrPullModel: false`, often from env-driven code such as `verbose: process.env.DEBUG ===
 * "1"`), does what leaving it out does, in LangChain too: it is skipped like `undefined`
 * instead of refused. Any other value still gets the error that says what to do instead.
 */
function isSwitchedOff(value: unknown): boolean {
  return value === false;
}

function unsupportedError(owner: string, key: string, instead: string): InvalidConfigError {
  return new InvalidConfigError(`${owner} does not take LangChain's option "${key}": ${instead}`);
}

/** Checks the keys of an object-valued option (`configuration`, `clientOptions`). */
function checkNested(spec: ProviderOptionSpec<unknown>, key: string, value: unknown): void {
  const nested = spec.nested?.[key];
  if (nested === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidConfigError(`${spec.owner}'s option "${key}" is an object (${nested.keys.join(", ")})`);
  }
  for (const [inner, innerValue] of Object.entries(value)) {
    if (innerValue === undefined || nested.keys.includes(inner)) continue;
    const instead = nested.unsupported?.[inner];
    if (instead !== undefined && isSwitchedOff(innerValue)) continue;
    if (instead !== undefined) throw unsupportedError(spec.owner, `${key}.${inner}`, instead);
    throw unknownKeyError(spec.owner, inner, nested.keys, `${key}.`);
  }
}

/** The options being read: each canonical value and the key that set it (for conflict messages). */
class ReadOptions {
  readonly values: Record<string, unknown> = {};
  readonly #setBy = new Map<string, string>();
  readonly #owner: string;

  constructor(owner: string) {
    this.#owner = owner;
  }

  /** Sets `target` from `key`; the same option given twice with different values is an error. */
  set(target: string, value: unknown, key: string): void {
    const earlier = this.#setBy.get(target);
    if (earlier === undefined) {
      this.values[target] = value;
      this.#setBy.set(target, key);
      return;
    }
    if (jsonEqual(this.values[target], value)) return;
    throw new InvalidConfigError(
      `${this.#owner} was given ${describeKey(key)} and ${describeKey(earlier)} with different values: ` +
        `they set one option, "${target}"; pass it once`,
    );
  }
}

/**
 * Reads a provider's constructor arguments, `(options)` or `(model, options)` as LangChain's
 * providers take them, into its canonical options: aliases become the option they name
 * (converted where their meaning differs), an alias and its option (or two aliases) given with
 * different values are an `InvalidConfigError`, and so is a key the provider does not take,
 * naming the closest valid one, or what to do instead for a LangChain option Rivulet does not
 * take. Keys whose value is `undefined` set nothing and are skipped, and so are LangChain options
 * Rivulet does not take given `false` (`verbose: false`: switched off, as leaving it out).
 *
 * @example
 * readProviderOptions(CHAT_OPENAI_OPTIONS, { modelName: "gpt-4o", openAIApiKey: "sk-..." });
 * // { model: "gpt-4o", apiKey: "sk-..." }
 */
export function readProviderOptions<F extends object>(
  spec: ProviderOptionSpec<F>,
  modelOrFields: string | F | undefined,
  maybeFields?: F | undefined,
): F {
  const read = new ReadOptions(spec.owner);
  const table: Readonly<Record<string, OptionRule>> = spec.table;
  const valid = Object.keys(table);
  if (typeof modelOrFields === "string") read.set("model", modelOrFields, FIRST_ARGUMENT);
  const fields = typeof modelOrFields === "string" ? maybeFields : modelOrFields;
  const aliases: [string, Exclude<OptionRule, "option">, unknown][] = [];
  for (const [key, value] of givenEntries(spec.owner, fields)) {
    const rule = Object.hasOwn(table, key) ? table[key] : undefined;
    if (rule === "option") {
      checkNested(spec, key, value);
      read.set(key, value, key);
    } else if (rule !== undefined) {
      aliases.push([key, rule, value]);
    } else if (spec.lenient === true) {
      read.values[key] = value;
    } else {
      const instead = Object.hasOwn(spec.unsupported, key) ? spec.unsupported[key] : undefined;
      if (instead !== undefined && isSwitchedOff(value)) continue;
      throw instead === undefined
        ? unknownKeyError(spec.owner, key, valid, "")
        : unsupportedError(spec.owner, key, instead);
    }
  }
  for (const [key, rule, value] of aliases) {
    const converted = rule.convert === undefined ? value : rule.convert(value, spec.owner);
    if (converted === undefined) continue;
    checkNested(spec, rule.aliasOf, converted);
    read.set(rule.aliasOf, converted, key);
  }
  // The keys were checked one by one against F's table above: this object is an F.
  return read.values as F;
}
