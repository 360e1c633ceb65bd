/**
 * A JSON object as providers send and receive it: any object that is not an array, its values
 * not yet checked. Request bodies, JSON Schemas and provider-specific pass-through options
 * (`modelKwargs`, `invocationKwargs`, `options`) have this type.
 */
export type JsonRecord = Record<string, unknown>;
