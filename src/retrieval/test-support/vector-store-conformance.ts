// Test support (not part of the public API): the one conformance suite every vector store runs,
// so stores agree on filters, on what a failed write leaves behind and on which inputs they refuse.
import type { VectorStoreFactory } from "./conformance-fixtures.js";
import { describeFilterConformance } from "./filter-conformance.js";
import { describeInputCheckConformance } from "./input-check-conformance.js";
import { describeWriteConformance } from "./write-conformance.js";

export type { VectorStoreFactory } from "./conformance-fixtures.js";

/** Registers every conformance test for one store kind, over stores made by `factory`. */
export function describeVectorStoreConformance(factory: VectorStoreFactory): void {
  describeFilterConformance(factory);
  describeWriteConformance(factory);
  describeInputCheckConformance(factory);
}
