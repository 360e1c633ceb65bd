/**
 * How values are written on the wire. `langserve` (the default): messages, chunks, documents and
 * prompt values in LangServe's pydantic shapes, which LangServe clients (Python's, and
 * `@langchain/core` 0.3's `RemoteRunnable`) revive. `rivulet`: Rivulet's own lossless shape,
 * each value tagged by its `type` (messages as their `toJSON()`), for Rivulet's client.
 * `langchain`: what `@langchain/core`'s own `JSON.stringify` writes (messages and prompt values in
 * the `lc: 1` constructor form, documents as `{ pageContent, metadata, id }`), for frontends
 * written against LangChain's `streamEvents` output.
 */
export type WireDialect = "langserve" | "rivulet" | "langchain";

const DIALECTS: ReadonlySet<string> = new Set<WireDialect>(["langserve", "rivulet", "langchain"]);

function isWireDialect(value: string): value is WireDialect {
  return DIALECTS.has(value);
}

/**
 * The request header a client sends to ask for a dialect (`X-Rivulet-Dialect: rivulet`); the
 * response carries the same header naming the dialect it is written in.
 */
export const DIALECT_HEADER = "x-rivulet-dialect";

/**
 * The dialect a request asks for by its header, or `fallback` (the server's `serialization`,
 * `langserve` by default) when it names none or one we do not write.
 */
export function requestDialect(request: Request, fallback: WireDialect = "langserve"): WireDialect {
  return dialectOf(request.headers, fallback);
}

/** The dialect named by a request's or response's `X-Rivulet-Dialect` header (`fallback` when absent or unknown). */
export function dialectOf(headers: Headers, fallback: WireDialect = "langserve"): WireDialect {
  const named = headers.get(DIALECT_HEADER)?.trim().toLowerCase();
  return named !== undefined && isWireDialect(named) ? named : fallback;
}
