import type { JsonPathEvent } from "./json-path-event.js";
import { childPointer } from "./json-pointer.js";
import type { JsonStreamPatchOperation } from "./json-stream-patch-operation.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import type { ValueSink } from "./value-sink.js";

/** What a {@link PartialTree} records besides the value itself. */
export interface PartialTreeOptions {
  /** Hand out copies that later chunks never mutate (copying only the changed path). */
  snapshots: boolean;
  /** Show strings, numbers and literals only once complete. */
  completeValues: boolean;
  /** Record a {@link JsonPathEvent} per completed value. */
  pathEvents: boolean;
  /** Record {@link JsonStreamPatchOperation}s for every visible change. */
  diff: boolean;
}

type Container = JsonValue[] | JsonObject;

/** What every open container records. */
interface FrameState {
  /** JSON Pointer of this container (only maintained in diff mode). */
  readonly pointer: string;
  /** The copy last handed out in snapshot mode, valid while `dirty` is false. */
  snapshot: Container | undefined;
  dirty: boolean;
  /** An object's member keys in first-insertion order (snapshot mode only), so copies need not enumerate it. */
  readonly keys: string[];
}

/** An open array; `slot` is the index of its current (last) element. */
interface ArrayFrame extends FrameState {
  readonly live: JsonValue[];
  readonly isArray: true;
  slot: number;
}

/** An open object; `slot` is the key of its current (last) member. */
interface ObjectFrame extends FrameState {
  readonly live: JsonObject;
  readonly isArray: false;
  slot: string;
}

/** One open object or array, innermost last. */
type Frame = ArrayFrame | ObjectFrame;

/** The frame of a container just opened (same property order for both kinds, one V8 shape). */
function openFrame(live: Container, pointer: string): Frame {
  return Array.isArray(live)
    ? { live, isArray: true, pointer, slot: -1, snapshot: undefined, dirty: true, keys: [] }
    : { live, isArray: false, pointer, slot: "", snapshot: undefined, dirty: true, keys: [] };
}

const NO_LEAF = 0;
const STRING_LEAF = 1;
const NUMBER_LEAF = 2;

/** Sets a member even when the key is `__proto__` (plain assignment would change the prototype). */
function setMember(target: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * The value being built from the tokenizer's reports. It keeps one live (mutable) tree and,
 * in snapshot mode, materialises read-only copies lazily: `snapshot()` copies only the open
 * containers that changed since the last call (always a root-to-leaf path) and shares every
 * other subtree. Closed containers are never mutated again, so sharing them is safe.
 *
 * Cost, and why it cannot be lower with plain values: a snapshot read after a change costs the
 * sum of the widths of the open containers on the changed path (their depth, for a deep path).
 * That is also the least any plain-object snapshot can cost: the previous snapshot must stay
 * as it was, so every open container on the path needs a new object or array holding all its
 * members, and JavaScript cannot make an object or array of W members in fewer than W steps
 * (there is no shared-prefix array or object). So a stream that reads every change of one
 * wide open container is quadratic in that width (K snapshots of up to K members), and a
 * deep open path costs its depth per read; only the constant can be improved. On V8 two
 * constants dominate: objects past 1,020 members are hash tables (see `copyObject`), and any
 * array past 16,384 elements or object past a few thousand members is a large-object
 * allocation (1 to 2 ms each on our 2-core VM). Callers who need linear time on such documents read
 * `value` less often (the copy is made on read, never per chunk) or use in-place, diff or
 * path-event mode, which never copy.
 */
export class PartialTree implements ValueSink {
  /** The value of the top-level JSON, live (`undefined` until something is visible). */
  root: JsonValue | undefined = undefined;
  /** True when the visible value changed since the last `takeChanged()`. */
  private changed = false;
  private readonly frames: Frame[] = [];
  private leafKind = NO_LEAF;
  private leafVisible = false;
  private leafText = "";
  private leafPending = "";
  private leafPointer = "";
  private leafNumber = 0;
  /** The `add` op that made the current leaf visible, while it is still the last op recorded. */
  private leafAddOp: JsonStreamPatchOperation | undefined = undefined;
  private ops: JsonStreamPatchOperation[] = [];
  private events: JsonPathEvent[] = [];

  constructor(private readonly options: PartialTreeOptions) {}

  /** Returns whether the visible value changed since the previous call, and resets the flag. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** Takes the patch ops recorded since the last call. */
  drainOps(): JsonStreamPatchOperation[] {
    const ops = this.ops;
    this.ops = [];
    return ops;
  }

  /** Takes the path events recorded since the last call. */
  drainEvents(): JsonPathEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Makes pending string text visible (called at the end of every chunk). */
  flush(): void {
    if (this.leafKind !== STRING_LEAF || this.leafPending.length === 0) return;
    const added = this.leafPending;
    this.leafText += added;
    this.leafPending = "";
    if (!this.leafVisible) return;
    this.update(this.leafText);
    if (!this.options.diff) return;
    // A string that became visible in this chunk is sent as one `add` with its text so far.
    const addOp = this.leafAddOp;
    if (addOp !== undefined && this.ops[this.ops.length - 1] === addOp) addOp.value = this.leafText;
    else this.ops.push({ op: "append", path: this.leafPointer, value: added });
  }

  /** The current value as a snapshot nothing will mutate (snapshot mode), or the live value. */
  snapshot(): JsonValue | undefined {
    const frames = this.frames;
    if (!this.options.snapshots || frames.length === 0) return this.root;
    for (let d = frames.length - 1; d >= 0; d -= 1) {
      const frame = frames[d]!;
      if (!frame.dirty) continue;
      const child = frames[d + 1];
      frame.snapshot = copyWithChild(frame, child?.snapshot);
      frame.dirty = false;
    }
    return frames[0]!.snapshot;
  }

  openContainer(isArray: boolean): void {
    const live: Container = isArray ? [] : {};
    const parent = this.frames[this.frames.length - 1];
    this.attach(live, isArray ? [] : {});
    const pointer = this.options.diff ? this.currentPointer(parent) : "";
    this.frames.push(openFrame(live, pointer));
  }

  closeContainer(): void {
    const frame = this.frames.pop()!;
    let final: Container = frame.live;
    if (this.options.snapshots && !frame.dirty && frame.snapshot !== undefined) {
      // Put the copy already handed out in place of the live container (same content), so
      // later snapshots share it with earlier ones instead of holding two equal trees.
      final = frame.snapshot;
      this.replaceCurrent(final);
    }
    if (this.options.pathEvents) this.events.push({ path: this.currentPath(), value: final });
  }

  setKey(key: string): void {
    const top = this.frames[this.frames.length - 1]!;
    // The tokenizer reports keys inside objects only.
    if (!top.isArray) top.slot = key;
  }

  beginString(): void {
    this.startLeaf(STRING_LEAF);
    if (!this.options.completeValues) this.showLeaf("");
  }

  appendString(text: string): void {
    this.leafPending += text;
  }

  endString(): void {
    this.flush();
    if (!this.leafVisible) this.showLeaf(this.leafText);
    this.endLeaf(this.leafText);
  }

  beginNumber(): void {
    this.startLeaf(NUMBER_LEAF);
  }

  numberProgress(value: number): void {
    if (!this.options.completeValues) this.setNumber(value);
  }

  endNumber(value: number): void {
    this.setNumber(value);
    this.endLeaf(value);
  }

  literal(value: boolean | null): void {
    this.startLeaf(NO_LEAF);
    this.showLeaf(value);
    this.endLeaf(value);
  }

  /**
   * Forgets everything read so far (text first read as bare JSON turned out to be prose
   * before a fence): the value becomes `undefined` again, and ops and events not yet drained
   * are dropped. Values already handed out are not touched. In diff mode the next value's
   * first op is an `add` at the root, which replaces whatever earlier ops built.
   */
  reset(): void {
    if (this.root !== undefined) this.changed = true;
    this.root = undefined;
    this.frames.length = 0;
    this.startLeaf(NO_LEAF);
    this.leafAddOp = undefined;
    this.ops = [];
    this.events = [];
  }

  private startLeaf(kind: number): void {
    this.leafKind = kind;
    this.leafVisible = false;
    this.leafText = "";
    this.leafPending = "";
  }

  private setNumber(value: number): void {
    if (!this.leafVisible) {
      this.leafNumber = value;
      this.showLeaf(value);
      return;
    }
    if (Object.is(this.leafNumber, value)) return;
    this.leafNumber = value;
    this.update(value);
    if (this.options.diff) this.ops.push({ op: "replace", path: this.leafPointer, value });
  }

  private showLeaf(value: JsonValue): void {
    this.leafVisible = true;
    this.attach(value, value);
    if (this.options.diff) {
      this.leafPointer = this.currentPointer(this.frames[this.frames.length - 1]);
      this.leafAddOp = this.ops[this.ops.length - 1];
    }
  }

  private endLeaf(value: JsonValue): void {
    this.leafKind = NO_LEAF;
    this.leafAddOp = undefined;
    if (this.options.pathEvents) this.events.push({ path: this.currentPath(), value });
  }

  /** Places a new value at the current position; `opValue` is what the patch op carries. */
  private attach(value: JsonValue, opValue: JsonValue): void {
    const top = this.frames[this.frames.length - 1];
    if (top === undefined) this.root = value;
    else if (top.isArray) {
      top.slot = top.live.length;
      top.live.push(value);
    } else {
      const { live, slot: key } = top;
      if (this.options.snapshots && !Object.hasOwn(live, key)) top.keys.push(key);
      setMember(live, key, value);
    }
    this.touch();
    if (this.options.diff) this.ops.push({ op: "add", path: this.currentPointer(top), value: opValue });
  }

  /** Replaces the value at the current position (a growing string or number). */
  private update(value: JsonValue): void {
    this.replaceCurrent(value);
    this.touch();
  }

  private replaceCurrent(value: JsonValue): void {
    const top = this.frames[this.frames.length - 1];
    if (top === undefined) this.root = value;
    else if (top.isArray) top.live[top.slot] = value;
    else setMember(top.live, top.slot, value);
  }

  /** Marks the open containers stale; stops at the first stale one (all above it are stale too). */
  private touch(): void {
    this.changed = true;
    if (!this.options.snapshots) return;
    for (let d = this.frames.length - 1; d >= 0; d -= 1) {
      const frame = this.frames[d]!;
      if (frame.dirty) return;
      frame.dirty = true;
    }
  }

  private currentPointer(top: Frame | undefined): string {
    return top === undefined ? "" : childPointer(top.pointer, top.slot);
  }

  private currentPath(): (string | number)[] {
    return this.frames.map((frame) => frame.slot);
  }
}

/** A shallow copy of an open container, with its open child replaced by that child's snapshot. */
function copyWithChild(frame: Frame, child: Container | undefined): Container {
  if (frame.isArray) {
    const copy = frame.live.slice();
    if (child !== undefined) copy[frame.slot] = child;
    return copy;
  }
  const copy = copyObject(frame.live, frame.keys);
  if (child !== undefined) setMember(copy, frame.slot, child);
  return copy;
}

/**
 * Widest object copied with a spread. V8 keeps an object in fast mode (a property array that a
 * spread copies wholesale, 2 to 5 ns per member) only up to 1,020 members (in this parser it
 * switches at about 900); wider, it is a hash table, and spreading one rebuilds it member by
 * member through V8's generic path (160 to 650 ns per member), three to four times slower than
 * inserting the members into a fresh hash-table object (measured on Node 20).
 */
const SPREAD_MAX_KEYS = 1020;

/**
 * A plain copy of `live` whose own keys are `keys`, in that order. Wide objects are built as
 * V8 hash-table objects from the start: created without a prototype (so V8 picks that
 * representation, and a `__proto__` key is an ordinary own member), filled, then given
 * `Object.prototype`, so the result is indistinguishable from an object literal.
 */
function copyObject(live: JsonObject, keys: readonly string[]): JsonObject {
  if (keys.length <= SPREAD_MAX_KEYS) return { ...live };
  const copy: JsonObject = Object.create(null);
  for (const key of keys) {
    const value = live[key];
    if (value !== undefined) copy[key] = value;
  }
  Object.setPrototypeOf(copy, Object.prototype);
  return copy;
}
