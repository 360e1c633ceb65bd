/**
 * How values are written on the wire. `langserve` (the default): messages, chunks, documents and
 * prompt values in LangServe's pydantic shapes, which LangServe clients (Python's, and
 * `@langchain/core` 0.3's `RemoteRunnable`) revive. `rivulet`: Rivulet's own lossless shape,
 * each value tagged by its `type` (messages as their `toJSON()`), for Rivulet's client.
 */
export type WireDialect = "langserve" | "rivulet";

/**
 * The request header a client sends to ask for a dialect (`X-Rivulet-Dialect: rivulet`); the
 * response carries the same header naming the dialect it is written in.
 */
export const DIALECT_HEADER = "x-rivulet-dialect";

/** The dialect a request asks for: `rivulet` when its header says so, `langserve` otherwise. */
export function requestDialect(request: Request): WireDialect {
  return dialectOf(request.headers);
}

/** The dialect named by a request's or response's `X-Rivulet-Dialect` header (`langserve` when absent). */
export function dialectOf(headers: Headers): WireDialect {
  return headers.get(DIALECT_HEADER)?.trim().toLowerCase() === "rivulet" ? "rivulet" : "langserve";
}
