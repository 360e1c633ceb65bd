import { applyPatch } from "../json-patch/apply-patch.js";
import type { JsonPathEvent } from "../json-stream/json-path-event.js";
import type { JsonStreamPatchOperation } from "../json-stream/json-stream-patch-operation.js";
import type { JsonValue } from "../json-stream/json-value.js";
import type { Aggregator } from "../streams/aggregator.js";

/**
 * Folds a diff-mode JSON stream (arrays of patch ops) into the value they build, applying each
 * batch in place to a document only it owns, so the whole stream costs O(ops).
 */
export class JsonPatchAggregator implements Aggregator<JsonStreamPatchOperation[], JsonValue> {
  #doc: JsonValue | undefined = undefined;
  #any = false;

  add(ops: JsonStreamPatchOperation[]): void {
    this.#doc = applyPatch(this.#doc, ops, { mutate: true });
    this.#any = true;
  }

  result(): JsonValue | undefined {
    return this.#any ? this.#doc : undefined;
  }
}

/** Folds a path-event JSON stream into the final value: the root's event (path `[]`), which comes last. */
export class JsonRootEventAggregator implements Aggregator<JsonPathEvent, JsonValue> {
  #root: JsonValue | undefined = undefined;

  add(event: JsonPathEvent): void {
    if (event.path.length === 0) this.#root = event.value;
  }

  result(): JsonValue | undefined {
    return this.#root;
  }
}
