import type { BaseMessage, BaseMessageFields } from "./base-message.js";
import { mergeContent } from "./merge-content.js";
import { mergeObjects } from "./merge-objects.js";

/** The first of two optional strings that is set and non-empty ("first set wins" for ids and names). */
export function firstText(left: string | undefined, right: string | undefined): string | undefined {
  return left !== undefined && left !== "" ? left : right;
}

/**
 * The fields every chunk kind merges the same way: content (see `mergeContent`), both metadata
 * records (see `mergeObjects`), and `id` and `name`, where the first set value wins. Chunk classes
 * add their own fields on top. Neither message is changed.
 */
export function mergeMessageFields(left: BaseMessage, right: BaseMessage): BaseMessageFields {
  const merged: BaseMessageFields = {
    content: mergeContent(left.content, right.content),
    additional_kwargs: mergeObjects(left.additional_kwargs, right.additional_kwargs),
    response_metadata: mergeObjects(left.response_metadata, right.response_metadata),
  };
  const id = firstText(left.id, right.id);
  if (id !== undefined) merged.id = id;
  const name = firstText(left.name, right.name);
  if (name !== undefined) merged.name = name;
  return merged;
}
