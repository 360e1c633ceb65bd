import { RunLog, RunLogPatch } from "rivulet";
import { describe, expect, it } from "vitest";

describe("RunLogPatch and RunLog JSON", () => {
  it("serialise as { ops } and { ops, state }, never the shared op storage", () => {
    const first = new RunLogPatch({
      ops: [
        {
          op: "replace",
          path: "",
          value: {
            id: "1",
            name: "a",
            type: "chain",
            streamed_output: [],
            final_output: undefined,
            logs: {},
          },
        },
      ],
    });
    const second = new RunLogPatch({ ops: [{ op: "add", path: "/streamed_output/-", value: "x" }] });
    const log = first.concat(second);
    const earlier = log;
    const later = log.concat(
      new RunLogPatch({ ops: [{ op: "add", path: "/streamed_output/-", value: "y" }] }),
    );

    expect(JSON.parse(JSON.stringify(second))).toEqual({
      ops: [{ op: "add", path: "/streamed_output/-", value: "x" }],
    });
    // The earlier log shares its store with the later one; its JSON still holds only its own ops.
    const earlierJson = JSON.parse(JSON.stringify(earlier));
    expect(Object.keys(earlierJson)).toEqual(["ops", "state"]);
    expect(earlierJson.ops).toHaveLength(2);
    expect(earlierJson.state.streamed_output).toEqual(["x"]);
    expect(JSON.parse(JSON.stringify(later)).ops).toHaveLength(3);
    expect(later).toBeInstanceOf(RunLog);
  });
});
