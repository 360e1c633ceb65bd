/**
 * An environment variable, or undefined where there is no `process` (browsers, some edge
 * runtimes) or the variable is empty.
 */
export function readEnv(name: string): string | undefined {
  const processValue: unknown = Reflect.get(globalThis, "process");
  if (typeof processValue !== "object" || processValue === null) return undefined;
  const environment: unknown = Reflect.get(processValue, "env");
  if (typeof environment !== "object" || environment === null) return undefined;
  const value: unknown = Reflect.get(environment, name);
  return typeof value !== "string" || value.trim() === "" ? undefined : value;
}
