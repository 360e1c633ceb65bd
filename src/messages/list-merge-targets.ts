/** An item that can join a list merge: an object, with `index`, `id` and `type` read if present. */
type Item = { readonly index?: unknown; readonly id?: unknown; readonly type?: unknown };

function isObject(value: unknown): value is Item {
  return typeof value === "object" && value !== null;
}

/** The `index` that links streamed pieces of one item: a number or a string, else none. */
function mergeIndex(item: Item): number | string | undefined {
  const index = item.index;
  return typeof index === "number" || typeof index === "string" ? index : undefined;
}

/** An `id` that can link pieces: anything but missing, `null` or `""`. */
function hasMergeId(item: Item): boolean {
  return item.id !== undefined && item.id !== null && item.id !== "";
}

/** `text` and `text_delta` are one kind; `text` and `thinking` are two blocks that share an index. */
function typesDiffer(left: Item, right: Item): boolean {
  if (typeof left.type !== "string" || typeof right.type !== "string") return false;
  return left.type.replace(/_delta$/, "") !== right.type.replace(/_delta$/, "");
}

/**
 * Finds which earlier item of a list a streamed item continues, by `@langchain/core`'s rule for
 * merging lists (content blocks, arrays inside `additional_kwargs`): when both have an `index`
 * (a number or a string), the first item with the same index whose type does not differ and whose
 * id, when both have one, is the same; when neither has an index, the first with the same id;
 * otherwise none. Positions are kept by index and by id so that a merge stays linear in the
 * lengths of both lists, apart from items that share an index (blocks of different types).
 *
 * @example
 * const targets = new ListMergeTargets([{ type: "text", text: "a", index: 0 }]);
 * targets.find({ type: "text", text: "b", index: 0 }); // 0
 * targets.find({ type: "thinking", thinking: "t", index: 0 }); // -1: a block of its own
 */
export class ListMergeTargets {
  readonly #items: readonly unknown[];
  readonly #byIndex = new Map<number | string, number[]>();
  readonly #byId = new Map<unknown, number[]>();

  /** `items` is the list being built; {@link add} is called for each item pushed to it. */
  constructor(items: readonly unknown[]) {
    this.#items = items;
    for (let position = 0; position < items.length; position++) this.add(items[position], position);
  }

  /** Records the item now at `position`, so later items can continue it. */
  add(item: unknown, position: number): void {
    if (!isObject(item)) return;
    const index = mergeIndex(item);
    if (index !== undefined) push(this.#byIndex, index, position);
    else if (hasMergeId(item)) push(this.#byId, item.id, position);
  }

  /** The position of the item that `item` continues, or -1 when it starts an item of its own. */
  find(item: unknown): number {
    if (!isObject(item)) return -1;
    const index = mergeIndex(item);
    if (index !== undefined) {
      for (const position of this.#byIndex.get(index) ?? []) {
        const left = this.#items[position];
        // The live item is read: a merge may have given it an id since it was recorded.
        if (!isObject(left) || left.index !== index || typesDiffer(left, item)) continue;
        if (hasMergeId(left) && hasMergeId(item) && left.id !== item.id) continue;
        return position;
      }
      return -1;
    }
    if (!hasMergeId(item)) return -1;
    for (const position of this.#byId.get(item.id) ?? []) {
      const left = this.#items[position];
      if (isObject(left) && left.id === item.id) return position;
    }
    return -1;
  }
}

function push<K>(map: Map<K, number[]>, key: K, position: number): void {
  const positions = map.get(key);
  if (positions === undefined) map.set(key, [position]);
  else positions.push(position);
}

/** An item `@langchain/core` leaves out of a merged list when it continues nothing: empty `text`. */
export function isEmptyTextItem(item: unknown): boolean {
  return isObject(item) && "text" in item && item.text === "";
}
