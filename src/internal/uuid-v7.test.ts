import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { createUuidV7, uuidv7 } from "./uuid-v7.js";

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp at the front of an id. */
function msOf(id: string): number {
  return Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}

/** The 16 bytes of an id. */
function bytesOf(id: string): number[] {
  const hex = id.replaceAll("-", "");
  return Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("uuidv7", () => {
  it("has the v7 layout: version 7, RFC variant bits, the given millisecond in front", () => {
    const now = 1_700_000_000_123;
    const generate = createUuidV7();
    for (let i = 0; i < 2_000; i++) {
      const id = generate(now + i);
      expect(id).toMatch(FORMAT);
      expect(msOf(id)).toBe(now + i);
      const bytes = bytesOf(id);
      expect(bytes[6]! >> 4).toBe(0x7);
      expect(bytes[8]! >> 6).toBe(0b10);
    }
    expect(uuidv7()).toMatch(FORMAT);
  });

  it("gives 100,000 distinct ids", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(uuidv7());
    expect(ids.size).toBe(100_000);
  });

  it("stays increasing within one millisecond, past the 12-bit counter, and when the clock goes back", () => {
    const generate = createUuidV7();
    const now = 1_700_000_000_000;
    const ids = [generate(now)];
    for (let i = 0; i < 10_000; i++) ids.push(generate(now));
    for (let i = 0; i < 100; i++) ids.push(generate(now - 5));
    ids.push(generate(now + 10));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    // Wrapping the counter moves the id on to the next millisecond, never back.
    expect(msOf(ids[ids.length - 2]!)).toBeGreaterThan(now);
    expect(msOf(ids.at(-1)!)).toBe(now + 10);
  });

  it("draws random bytes from a pool refilled only when it is used up (9 bytes per id)", () => {
    let fills = 0;
    const fillRandom = (bytes: Uint8Array) => {
      fills++;
      bytes.fill(fills); // each fill's bytes say which fill they came from
    };
    const generate = createUuidV7({ fillRandom, poolBytes: 20 }); // two ids per fill, 2 bytes left over
    const ids = Array.from({ length: 5 }, (_, i) => generate(1_000 + i));
    expect(fills).toBe(3);
    // rand_b's last seven bytes are pool bytes: ids 0-1 from fill 1, 2-3 from fill 2, 4 from fill 3.
    expect(ids.map((id) => bytesOf(id)[15])).toEqual([1, 1, 2, 2, 3]);
    expect(ids.map((id) => bytesOf(id)[8]! & 0x3f)).toEqual([1, 1, 2, 2, 3]);
  });

  it("calls crypto.getRandomValues once per 455 ids with the default 4 KiB pool", () => {
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues");
    const generate = createUuidV7();
    for (let i = 0; i < 455; i++) generate();
    expect(spy).toHaveBeenCalledTimes(1);
    expect((spy.mock.calls[0]![0] as Uint8Array).length).toBe(4096);
    generate();
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("rejects a pool size that cannot hold one id or that getRandomValues cannot fill", () => {
    for (const poolBytes of [8, 65_537, 1.5, Number.NaN, 0]) {
      expect(() => createUuidV7({ poolBytes })).toThrow(InvalidConfigError);
    }
    expect(() => createUuidV7({ poolBytes: 8 })).toThrow(/poolBytes must be from 9/);
    expect(() => createUuidV7({ poolBytes: 9 })).not.toThrow();
    expect(() => createUuidV7({ poolBytes: 65_536 })).not.toThrow();
  });
});

describe("uuidv7 given an odd clock", () => {
  // `now` comes from a caller (CallbackManager.createRun's clock): a fractional millisecond
  // (performance.timeOrigin + performance.now()) wrote a "." into the id, a negative one a "-",
  // NaN and Infinity their names.
  it("gives a well-formed id for a fractional, negative, NaN or infinite now", () => {
    const generate = createUuidV7();
    for (const now of [1_700_000_000_123.75, -5, Number.NaN, Number.POSITIVE_INFINITY, -0]) {
      expect([now, generate(now)]).toMatchObject([now, expect.stringMatching(FORMAT)]);
    }
  });

  it("takes a fractional now's whole millisecond and stays increasing within it", () => {
    const generate = createUuidV7();
    const ids = [1000.2, 1000.7, 1000.9, 1001.1].map((now) => generate(now));
    expect(ids.map(msOf)).toEqual([1000, 1000, 1000, 1001]);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps drawing after a fill that threw: the next id refills the pool", () => {
    let fills = 0;
    const generate = createUuidV7({
      poolBytes: 9,
      fillRandom: (bytes) => {
        fills++;
        if (fills === 2) throw new Error("entropy source failed");
        bytes.fill(fills);
      },
    });
    expect(generate(5)).toMatch(FORMAT);
    expect(() => generate(5)).toThrow("entropy source failed");
    const after = generate(5);
    expect(after).toMatch(FORMAT);
    expect(bytesOf(after).at(-1)).toBe(3);
  });
});
