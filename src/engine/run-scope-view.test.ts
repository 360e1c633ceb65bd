import { Runnable, type RunScope } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** Records the scope its implementation receives. */
class Spy extends Runnable<string, string> {
  scope: RunScope | undefined;
  override async _invoke(input: string, scope: RunScope): Promise<string> {
    this.scope = scope;
    return input;
  }
}

describe("the RunScope an implementation receives", () => {
  it("has no lifecycle: an implementation cannot start, end or fail its own run", async () => {
    const spy = new Spy();
    await spy.invoke("x", { callbacks: [new RunRecorder()] });
    const scope: object = spy.scope!;
    for (const member of ["start", "end", "fail", "setInput", "childrenClosed", "run", "manager"]) {
      expect(member in scope, member).toBe(false);
    }
  });

  it("has the run's config, signal, id and child config, under invoke and stream", async () => {
    const spy = new Spy();
    const controller = new AbortController();
    const runId = "0190a4b2-0000-7000-8000-000000000002";
    await spy.invoke("x", { callbacks: [new RunRecorder()], runId, signal: controller.signal, tags: ["t"] });
    expect(spy.scope!.runId).toBe(runId);
    expect(spy.scope!.observed).toBe(true);
    expect(spy.scope!.config.tags).toEqual(["t"]);
    expect(spy.scope!.signal).toBe(controller.signal);
    expect(spy.scope!.childConfig().signal).toBe(controller.signal);
    await toArray(spy.stream("y"));
    expect(spy.scope!.observed).toBe(false);
    expect(spy.scope!.runId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
