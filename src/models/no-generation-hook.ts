import { InvalidConfigError } from "../errors/input-errors.js";

/** Thrown by the hooks a model did not implement: the message names the ones to implement. */
export function noGenerationHook(model: string): InvalidConfigError {
  return new InvalidConfigError(
    `${model} implements none of _streamChunks, _streamResponseChunks and _generate: implement one of them (or extend SimpleChatModel and implement _call)`,
  );
}
