// Regressions found by a hostile review of the server: each test failed before its fix.
import { RunnableGenerator } from "rivulet";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { frames, post } from "./test-support/requests.js";

describe("serve: hostile review regressions", () => {
  it("a server-side deadline from perRequestConfig ends a stream with an error frame, not a silent cut", async () => {
    const stalls = RunnableGenerator.from(async function* () {
      yield "a";
      await new Promise(() => undefined); // never resolves: only the deadline ends it
    });
    const app = serve(stalls, {
      heartbeat: false,
      generateId: () => "r",
      perRequestConfig: (config) => ({ ...config, signal: AbortSignal.timeout(20) }),
    });
    const text = await (await post(app, "/stream", { input: 1 })).text();
    const sent = frames(text);
    expect(sent.slice(0, 2)).toEqual([
      ["metadata", { run_id: "r" }],
      ["data", "a"],
    ]);
    expect(sent[2]).toMatchObject(["error", { status_code: 504, code: "timeout", run_id: "r" }]);
    expect(sent).toHaveLength(3);
  });
});
