import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption, type NumberOptionKind } from "../internal/check-number-option.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { type ConfigKey, isConfigKey, SNAKE_CASE_KEYS } from "./config-keys.js";
import { RequestValidationError, type ValidationIssue } from "./request-validation-error.js";

const NUMBER_KINDS: Partial<Record<ConfigKey, NumberOptionKind>> = {
  maxConcurrency: "positive-integer",
  recursionLimit: "positive-integer",
  timeout: "duration",
};

/**
 * The part of a client's `config` the server lets through: camelCase and snake_case keys read
 * alike (`recursion_limit` is `recursionLimit`), keys outside `allowed` dropped silently (so
 * `callbacks` or `signal` never arrive), allowed values checked (tags a list of strings,
 * `configurable` and `metadata` objects, numbers in range). A non-empty `configurable` when it is
 * not allowed is refused rather than dropped, so a client does not silently run with defaults.
 * `loc` places the issues (`["body", "config"]`, or with the index for a batch's list).
 *
 * @example
 * filterConfig({ configurable: { user: "a" }, run_name: "x" }, new Set(["configurable"]), ["body", "config"]);
 * // { configurable: { user: "a" } }
 */
export function filterConfig(
  raw: unknown,
  allowed: ReadonlySet<ConfigKey>,
  loc: (string | number)[],
): RunnableConfig {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) throw invalid(loc, "`config` must be an object.", "model_type");
  const config: RunnableConfig = {};
  for (const [wireKey, value] of Object.entries(raw)) {
    const key = SNAKE_CASE_KEYS[wireKey] ?? wireKey;
    if (!isConfigKey(key) || value === undefined || value === null) continue;
    if (!allowed.has(key)) {
      if (key === "configurable" && isPlainObject(value) && Object.keys(value).length > 0) {
        throw invalid(
          [...loc, "configurable"],
          "This server does not accept `configurable` from clients (its `configKeys` option leaves it out).",
          "value_error",
        );
      }
      continue;
    }
    assignChecked(config, key, value, [...loc, wireKey]);
  }
  return config;
}

function assignChecked(
  config: RunnableConfig,
  key: ConfigKey,
  value: unknown,
  loc: (string | number)[],
): void {
  switch (key) {
    case "configurable":
    case "metadata":
      if (!isPlainObject(value)) throw invalid(loc, `\`${key}\` must be an object.`, "model_type");
      config[key] = value;
      return;
    case "tags":
      if (!Array.isArray(value) || !value.every((tag) => typeof tag === "string"))
        throw invalid(loc, "`tags` must be a list of strings.", "list_type");
      config.tags = value;
      return;
    case "runName":
      if (typeof value !== "string") throw invalid(loc, "`runName` must be a string.", "string_type");
      config.runName = value;
      return;
    default:
      config[key] = checkedNumber(key, value, loc);
  }
}

function checkedNumber(key: ConfigKey, value: unknown, loc: (string | number)[]): number {
  const kind = NUMBER_KINDS[key] ?? "number";
  if (typeof value !== "number") throw invalid(loc, `\`${key}\` must be a number.`, "number_type");
  try {
    checkNumberOption(key, value, kind);
  } catch (error) {
    if (!InvalidConfigError.isInstance(error)) throw error;
    throw invalid(loc, error.message, "value_error");
  }
  return value;
}

function invalid(loc: (string | number)[], msg: string, type: string): RequestValidationError {
  const issue: ValidationIssue = { loc, msg, type };
  return new RequestValidationError([issue]);
}
