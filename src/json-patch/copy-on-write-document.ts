import { formatJsonPointer } from "./format-json-pointer.js";
import { isContainer, isPlainContainer, type JsonContainer, readChild, setOwn } from "./json-container.js";
import { fail } from "./patch-step-failure.js";

/**
 * Internal: the document a patch is being applied to. Without `mutate`, a container is
 * copied (shallowly) the first time an op writes into it or below it, and the copy is
 * remembered so later ops of the same patch write into it directly: k ops cost the paths
 * they touch, untouched subtrees stay shared with the input, and the input is never
 * changed. With `mutate`, every container is written in place.
 */
export class CopyOnWriteDocument {
  root: unknown;
  private readonly mutate: boolean;
  private readonly copies = new WeakSet<object>();

  constructor(root: unknown, mutate: boolean) {
    this.root = root;
    this.mutate = mutate;
  }

  /** The value at `segments` (read-only). */
  get(segments: readonly string[]): unknown {
    let value = this.root;
    for (let i = 0; i < segments.length; i++) {
      const at = formatJsonPointer(segments.slice(0, i + 1));
      if (!isContainer(value)) fail("path_not_found", `${at}: its parent is ${describeType(value)}`);
      value = readChild(value, segments[i]!, at);
    }
    return value;
  }

  /**
   * The container that holds the last of `segments` (which must not be empty), made
   * writable: every container from the root down to it is copied if it is still shared.
   */
  writableParent(segments: readonly string[]): JsonContainer {
    let container = this.writable(this.root, "");
    this.root = container;
    for (let i = 0; i < segments.length - 1; i++) {
      const token = segments[i]!;
      const at = formatJsonPointer(segments.slice(0, i + 1));
      const child = readChild(container, token, at);
      const writableChild = this.writable(child, at);
      if (writableChild !== child) {
        if (Array.isArray(container)) container[Number(token)] = writableChild;
        else setOwn(container, token, writableChild);
      }
      container = writableChild;
    }
    return container;
  }

  private writable(value: unknown, at: string): JsonContainer {
    const where = at === "" ? "the document root" : at;
    if (!isContainer(value))
      fail("path_not_found", `${where} is ${describeType(value)}, not an object or array`);
    // Class instances (message chunks, Documents) are values to a patch: copying one would
    // lose its prototype and private state, and writing into one would change the caller's.
    if (!isPlainContainer(value)) {
      fail(
        "type_mismatch",
        `${where} is a class instance; a patch can only write into plain objects and arrays`,
      );
    }
    if (this.mutate || this.copies.has(value)) return value;
    const copy = shallowCopy(value);
    this.copies.add(copy);
    return copy;
  }
}

function shallowCopy(container: JsonContainer): JsonContainer {
  if (Array.isArray(container)) return container.slice();
  // Spread keeps an own "__proto__" member as data; a null-prototype object stays one.
  return Object.getPrototypeOf(container) === null
    ? Object.assign(Object.create(null), container)
    : { ...container };
}

/** "a string", "null", "an array"...: for messages about a location of the wrong type. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
