// A globally registered observer sees every root call's runs once, as a handler passed in
// `callbacks` would, and nothing after it is removed.
import { addGlobalObserver, CallbackManager, type Run, RunnableLambda } from "rivulet";
import { afterEach, describe, expect, it } from "vitest";

const removers: Array<() => void> = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

function recorder(): { names: string[]; observer: { onRunStart(run: Run): void } } {
  const names: string[] = [];
  return { names, observer: { onRunStart: (run) => void names.push(`${run.name}<${run.parentIds.length}`) } };
}

describe("addGlobalObserver", () => {
  const double = RunnableLambda.from((value: number) => value * 2).withConfig({ runName: "double" });
  const chain = double.pipe(RunnableLambda.from((value: number) => value + 1).withConfig({ runName: "inc" }));

  it("sees every run of a root call once, the nested ones included", async () => {
    const { names, observer } = recorder();
    removers.push(addGlobalObserver(observer));
    expect(await chain.invoke(1)).toBe(3);
    expect(names).toEqual(["RunnableSequence<0", "double<1", "inc<1"]);
  });

  it("comes before the call's own handlers and does not replace them", async () => {
    const global = recorder();
    const own = recorder();
    removers.push(addGlobalObserver(global.observer));
    await double.invoke(1, { callbacks: [own.observer] });
    expect(global.names).toEqual(["double<0"]);
    expect(own.names).toEqual(["double<0"]);
  });

  it("takes LangChain-style handlers too", async () => {
    const started: string[] = [];
    removers.push(addGlobalObserver({ handleChainStart: (_s, _i, runId) => void started.push(runId) }));
    await double.invoke(1);
    expect(started).toHaveLength(1);
  });

  it("stops seeing runs once removed (removing twice is harmless)", async () => {
    const { names, observer } = recorder();
    const remove = addGlobalObserver(observer);
    await double.invoke(1);
    remove();
    remove();
    await double.invoke(1);
    expect(names).toEqual(["double<0"]);
  });

  it("keeps the root manager shared: calls without handlers allocate none", () => {
    expect(CallbackManager.from(undefined)).toBe(CallbackManager.from([]));
    expect(CallbackManager.from(undefined).observed).toBe(false);
    removers.push(addGlobalObserver(recorder().observer));
    expect(CallbackManager.from(undefined)).toBe(CallbackManager.from(undefined));
    expect(CallbackManager.from(undefined).observed).toBe(true);
  });
});
