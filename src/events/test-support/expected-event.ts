// Test support (not part of the public API): expected stream events for transcript tests,
// written out field by field and compared with `toStrictEqual` against `normalizeIds(...)`.

/** One expected stream event; `parent_ids` is absent in the v1 shape. */
export interface ExpectedEvent {
  event: string;
  name: string;
  run_id: string;
  parent_ids?: string[];
  tags: string[];
  metadata: Record<string, unknown>;
  data: unknown;
}

/** One expected v2 event, every field written out (metadata `{}`) so order and shape are both checked. */
export function ev(
  event: string,
  name: string,
  run_id: string,
  parent_ids: string[],
  tags: string[],
  data: unknown,
): ExpectedEvent {
  return { event, name, run_id, parent_ids, tags, metadata: {}, data };
}

/** The same expected event without `parent_ids` (the v1 shape). */
export function v1(e: ExpectedEvent): ExpectedEvent {
  const { parent_ids: _, ...rest } = e;
  return rest;
}

/** The placeholders `normalizeIds` puts for run ids, in order of first appearance: the root, then the others. */
export const [R, S1, S2, S3, S4] = ["<id:0>", "<id:1>", "<id:2>", "<id:3>", "<id:4>"] as const;
