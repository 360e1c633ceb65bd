/**
 * Any value `JSON.parse` can return: the type of every partial and final value the streaming
 * JSON parser produces.
 *
 * @example
 * const v: JsonValue = { countries: [{ name: "France", population: 67391582 }] };
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object: string keys to JSON values (the object case of {@link JsonValue}). */
export type JsonObject = { [key: string]: JsonValue };
