// HttpError is an error family of its own (code `request_refused`), kept in src/errors beside the
// status table that reads it; re-exported here so the serving layer imports it from its folder.
export { HttpError, type HttpErrorFields } from "../errors/http-error.js";
