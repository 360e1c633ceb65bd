import {
  awaitAllCallbacks,
  type CallbackHandler,
  consumeCallback,
  RunnableLambda,
  type RunObserver,
} from "rivulet";
import { afterEach, describe, expect, it, vi } from "vitest";

const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

/** A promise settled from outside, and a flag saying whether it has been. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Lets queued microtasks and one macrotask run. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("awaitAllCallbacks", () => {
  it("resolves at once when nothing runs in the background", async () => {
    await expect(awaitAllCallbacks()).resolves.toBe(true);
  });

  it("stops waiting for a handler that never settles when its signal aborts, and says so", async () => {
    const { opened, open } = gate();
    const handler: CallbackHandler = { name: "stalled", handleChainEnd: () => opened };
    try {
      await double.invoke(1, { callbacks: [handler] });
      const controller = new AbortController();
      const waiting = awaitAllCallbacks({ signal: controller.signal });
      await tick();
      controller.abort();
      await expect(waiting).resolves.toBe(false);
      await expect(awaitAllCallbacks({ signal: AbortSignal.abort() })).resolves.toBe(false);
    } finally {
      open();
    }
    await expect(awaitAllCallbacks({ signal: AbortSignal.timeout(5000) })).resolves.toBe(true);
  });

  it("waits for a LangChain-style handler's async work that the run did not wait for", async () => {
    const { opened, open } = gate();
    const done: string[] = [];
    const handler: CallbackHandler = {
      name: "slow",
      handleChainEnd: async () => {
        await opened;
        done.push("end");
      },
    };
    await double.invoke(1, { callbacks: [handler] });
    let settled = false;
    const all = awaitAllCallbacks().then(() => {
      settled = true;
    });
    await tick();
    expect(settled).toBe(false);
    open();
    await all;
    expect(done).toEqual(["end"]);
  });

  it("waits for a native observer that is not awaited", async () => {
    const { opened, open } = gate();
    const done: string[] = [];
    const observer: RunObserver = {
      onRunEnd: async (run) => {
        await opened;
        done.push(run.name);
      },
    };
    await double.invoke(1, { callbacks: [observer] });
    expect(done).toEqual([]);
    const all = awaitAllCallbacks();
    open();
    await all;
    expect(done).toEqual(["double"]);
  });

  it("also waits for background work started while it waits", async () => {
    const first = gate();
    const second = gate();
    const done: string[] = [];
    await consumeCallback(async () => {
      await first.opened;
      done.push("first");
      await consumeCallback(async () => {
        await second.opened;
        done.push("second");
      }, false);
    }, false);
    const all = awaitAllCallbacks();
    first.open();
    await tick();
    second.open();
    await all;
    expect(done).toEqual(["first", "second"]);
  });

  it("waits for a handler's thenable that is not a native Promise, and reports its failure", async () => {
    const log: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // A PromiseLike as another promise library or realm makes it: it settles once `then` is called.
    const later = (line: string, failure?: Error): PromiseLike<void> => ({
      // biome-ignore lint/suspicious/noThenProperty: the test needs a thenable that is not a Promise
      then: (onDone, onFailed) =>
        tick()
          .then(() => {
            log.push(line);
            if (failure !== undefined) throw failure;
          })
          .then(onDone, onFailed),
    });
    const handler: CallbackHandler = {
      name: "thenable",
      handleChainStart: () => later("start done"),
      handleChainEnd: () => later("end failed", new Error("upload failed")),
    };
    await double.invoke(1, { callbacks: [handler] });
    await awaitAllCallbacks();
    expect(log).toEqual(["start done", "end failed"]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("upload failed"));
  });

  it("never rejects: a failing background handler is reported once", async () => {
    const warnings: unknown[] = [];
    vi.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(message));
    const handler: CallbackHandler = {
      name: "broken",
      handleChainStart: async () => {
        throw new Error("upload failed");
      },
    };
    await double.invoke(1, { callbacks: [handler] });
    await expect(awaitAllCallbacks()).resolves.toBe(true);
    expect(warnings).toEqual(["Error in handler broken, handleChainStart: Error: upload failed"]);
  });
});

describe("consumeCallback", () => {
  it("awaits the work when asked to wait", async () => {
    const done: string[] = [];
    await consumeCallback(async () => {
      await tick();
      done.push("work");
    }, true);
    expect(done).toEqual(["work"]);
  });

  it("otherwise returns first and runs the work in the background, failures logged", async () => {
    const warnings: unknown[] = [];
    vi.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(message));
    const { opened, open } = gate();
    const done: string[] = [];
    await consumeCallback(async () => {
      await opened;
      done.push("work");
      throw new Error("nope");
    }, false);
    expect(done).toEqual([]);
    open();
    await awaitAllCallbacks();
    expect(done).toEqual(["work"]);
    expect(warnings).toEqual(["A background callback failed: Error: nope"]);
  });

  it("propagates the failure of awaited work", async () => {
    await expect(
      consumeCallback(() => {
        throw new Error("boom");
      }, true),
    ).rejects.toThrow("boom");
  });
});
