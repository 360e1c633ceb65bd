/**
 * An environment variable, or undefined where there is no `process` (browsers, some edge
 * runtimes) or the variable is empty.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}
