import { HttpError, RunnableGenerator, RunnableLambda } from "rivulet";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { frames, get, post } from "./test-support/requests.js";

const echo = () => new RunnableLambda({ func: async (input: unknown) => ({ echoed: input }) });

function app() {
  return serve({ "/echo": echo() }, { runs: { store: memoryRunStore() } });
}

/** A 4xx with a JSON body that says what to fix, within a second (never a 500, never a hang). */
async function expectClear4xx(pending: Promise<Response>, status: number, says: RegExp) {
  const response = await Promise.race([
    pending,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("hung")), 1_000)),
  ]);
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  expect(text).toMatch(says);
}

async function finishedRun(served: ReturnType<typeof app>) {
  const response = await post(served, "/echo/runs", { input: "hi" });
  const { run_id } = (await response.json()) as { run_id: string };
  await (await get(served, `/echo/runs/${run_id}/stream`)).text();
  return run_id;
}

describe("serve run routes under attack: bad input", () => {
  it("bad cursors are 422 naming the header or query field", async () => {
    const served = app();
    const runId = await finishedRun(served);
    const path = `/echo/runs/${runId}/stream`;
    for (const bad of ["-1", "1e3", "abc", "1.5", "0x10", "9".repeat(16), "٣", "x".repeat(10_000)]) {
      await expectClear4xx(get(served, `${path}?after=${encodeURIComponent(bad)}`), 422, /after/);
      // A header is bytes: fetch itself refuses a non-Latin-1 one before it is sent.
      if (/^[\x20-\x7e]*$/.test(bad)) {
        await expectClear4xx(get(served, path, { "last-event-id": bad }), 422, /last-event-id/);
      }
    }
    // A space before the number is not the id an SSE client sends back.
    await expectClear4xx(get(served, `${path}?after=%203`), 422, /after/);
  });

  it("a repeated ?after= is refused, not read as its first value", async () => {
    const served = app();
    const runId = await finishedRun(served);
    await expectClear4xx(get(served, `/echo/runs/${runId}/stream?after=1&after=0`), 422, /after/);
  });

  it("a cursor past the end of an ended run is 422, not an empty stream to reconnect to for ever", async () => {
    const served = app();
    const runId = await finishedRun(served);
    const whole = frames(await (await get(served, `/echo/runs/${runId}/stream`)).text());
    const last = whole.length;
    const atEnd = await get(served, `/echo/runs/${runId}/stream`, { "last-event-id": String(last) });
    expect(atEnd.status).toBe(200);
    expect(await atEnd.text()).not.toMatch(/event:/);
    await expectClear4xx(
      get(served, `/echo/runs/${runId}/stream`, { "last-event-id": String(last + 1) }),
      422,
      /past the end/,
    );
  });

  it("on_disconnect values other than cancel | continue are 422", async () => {
    const served = app();
    const runId = await finishedRun(served);
    for (const bad of ["CANCEL", "true", "1", " cancel", "cancel,continue", "x".repeat(10_000)]) {
      await expectClear4xx(
        get(served, `/echo/runs/${runId}/stream?on_disconnect=${encodeURIComponent(bad)}`),
        422,
        /on_disconnect/,
      );
    }
    await expectClear4xx(
      get(served, `/echo/runs/${runId}/stream?on_disconnect=cancel&on_disconnect=continue`),
      422,
      /on_disconnect/,
    );
  });

  it("run ids: unknown, unicode, 10 KB, bad escapes are 404 on every run route; bad run_id bodies 422", async () => {
    const served = app();
    for (const id of ["nope", encodeURIComponent("ünï©ødé"), "x".repeat(10_000), "-1", "%E0%A4%A"]) {
      await expectClear4xx(get(served, `/echo/runs/${id}`), 404, /not|Not/);
      await expectClear4xx(get(served, `/echo/runs/${id}/stream`), 404, /not|Not/);
      await expectClear4xx(post(served, `/echo/runs/${id}/cancel`, {}), 404, /not|Not/);
    }
    for (const runId of ["", " ", "a/b", "ünï", "x".repeat(129), 7, ["a"], { id: "a" }, true]) {
      await expectClear4xx(post(served, "/echo/runs", { input: 1, run_id: runId }), 422, /run_id/);
    }
  });

  it("bodies that are not objects, or not JSON, are 4xx", async () => {
    const served = app();
    for (const body of ["[]", "null", "3", '"input"', "{", "", '{"input": 1}{}']) {
      const response = await post(served, "/echo/runs", body, { "content-type": "application/json" });
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
    await expectClear4xx(post(served, "/echo/runs", { run_id: "x" }), 422, /input/);
    await expectClear4xx(post(served, "/echo/runs", { input: 1, config: "no" }), 422, /config/);
  });
});

describe("serve run routes under attack: authorize", () => {
  it("a refusal answers its status on every run route, and nothing starts", async () => {
    const store = memoryRunStore();
    const open = serve({ "/echo": echo() }, { runs: { store } });
    const runId = await finishedRun(open);
    const refuse = () => {
      throw new HttpError("Not yours", { status: 403 });
    };
    const closed = serve({ "/echo": echo() }, { runs: { store, authorize: refuse } });
    await expectClear4xx(post(closed, "/echo/runs", { input: 1, run_id: "fresh" }), 403, /Not yours/);
    await expectClear4xx(post(closed, "/echo/runs", { input: 1, run_id: runId }), 403, /Not yours/);
    await expectClear4xx(get(closed, `/echo/runs/${runId}`), 403, /Not yours/);
    await expectClear4xx(get(closed, `/echo/runs/${runId}/stream`), 403, /Not yours/);
    await expectClear4xx(post(closed, `/echo/runs/${runId}/cancel`, {}), 403, /Not yours/);
    // The refused start created nothing.
    await expectClear4xx(get(open, "/echo/runs/fresh"), 404, /not|Not/);
  });

  it("two users racing to start one fresh run_id: the one who joins is authorized against the run", async () => {
    let waiting = 0;
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const authorize = async (
      request: Request,
      run: { metadata: Readonly<Record<string, string>> } | undefined,
    ) => {
      const user = request.headers.get("x-user") ?? "";
      if (run === undefined) {
        // Both requests have looked the run up (absent) before either starts it.
        waiting += 1;
        if (waiting === 2) openGate();
        await gate;
        return { user };
      }
      if (run.metadata.user !== user) throw new HttpError("Not your run", { status: 403 });
      return undefined;
    };
    const served = serve({ "/echo": echo() }, { runs: { store: memoryRunStore(), authorize } });
    const answers = await Promise.all(
      ["alice", "bob"].map((user) =>
        post(served, "/echo/runs", { input: 1, run_id: "race" }, { "x-user": user }),
      ),
    );
    expect(answers.map((response) => response.status).sort()).toEqual([202, 403]);
  });
});

describe("serve run routes under attack: a slow reader", () => {
  it("a stream nobody pulls does not hold the run up; the rest is consecutive, then cursor_expired", async () => {
    const many = new RunnableGenerator<unknown, number>({
      generator: async function* () {
        for (let index = 0; index < 5_000; index++) {
          if (index % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
          yield index;
        }
      },
    });
    const served = serve({ "/many": many }, { runs: { store: memoryRunStore({ maxEventsPerRun: 100 }) } });
    const started = await post(served, "/many/runs", { input: 1 });
    const { run_id } = (await started.json()) as { run_id: string };
    const body = (await get(served, `/many/runs/${run_id}/stream`)).body?.getReader();
    const first = await body?.read();
    expect(first?.done).toBe(false);
    // The reader stops pulling: the run still ends.
    let status = "running";
    for (let attempt = 0; attempt < 200 && status === "running"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = ((await (await get(served, `/many/runs/${run_id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("success");
    let text = new TextDecoder().decode(first?.value);
    for (let step = await body?.read(); step !== undefined && !step.done; step = await body?.read())
      text += new TextDecoder().decode(step.value);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    const last = frames(text).at(-1);
    expect(last).toEqual(["error", expect.objectContaining({ code: "cursor_expired", status_code: 410 })]);
    expect(last?.[1]).toMatchObject({ oldest_id: expect.any(Number) });
  });
});
