import { InvalidConfigError } from "../errors/input-errors.js";

/** The config keys a client may send when the server allows them (`configKeys`). */
export type ConfigKey =
  | "configurable"
  | "tags"
  | "metadata"
  | "runName"
  | "maxConcurrency"
  | "recursionLimit"
  | "timeout";

const CONFIG_KEYS: readonly ConfigKey[] = [
  "configurable",
  "tags",
  "metadata",
  "runName",
  "maxConcurrency",
  "recursionLimit",
  "timeout",
];

/** snake_case spellings (the Python client's) of the camelCase keys (the JS client's). */
export const SNAKE_CASE_KEYS: Readonly<Record<string, ConfigKey>> = {
  run_name: "runName",
  max_concurrency: "maxConcurrency",
  recursion_limit: "recursionLimit",
};

/** Keys that never come from the wire, whatever `configKeys` says: they are not data, or the server owns them. */
const NEVER_FROM_WIRE: ReadonlySet<string> = new Set(["callbacks", "signal", "runId", "run_id"]);

/** Whether `key` is one of the {@link ConfigKey}s. */
export function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(key);
}

/**
 * Checks the `configKeys` option once, when the server is built: each entry a config key a
 * client may set (camelCase or snake_case), never `callbacks`, `signal` or `runId`.
 */
export function resolveConfigKeys(keys: readonly string[] | undefined): ReadonlySet<ConfigKey> {
  if (keys === undefined) return new Set(["configurable"]);
  if (!Array.isArray(keys))
    throw new InvalidConfigError("serve: `configKeys` must be an array of config key names.");
  const resolved = new Set<ConfigKey>();
  for (const key of keys) {
    if (typeof key === "string" && NEVER_FROM_WIRE.has(key)) {
      throw new InvalidConfigError(
        `serve: \`configKeys\` must not contain ${JSON.stringify(key)}: callbacks, signals and run ids never come from the wire. ` +
          "Set them on the server, in a `perRequestConfig` hook.",
      );
    }
    const camel = typeof key === "string" ? (SNAKE_CASE_KEYS[key] ?? key) : key;
    if (typeof camel !== "string" || !isConfigKey(camel)) {
      throw new InvalidConfigError(
        `serve: unknown config key ${JSON.stringify(key)} in \`configKeys\`; allowed: ${CONFIG_KEYS.join(", ")}.`,
      );
    }
    resolved.add(camel);
  }
  return resolved;
}
