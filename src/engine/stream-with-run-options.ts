/** Options of `streamWithRun`. */
export interface StreamWithRunOptions {
  /**
   * The run is the root of a `stream()` (or `transform`, `streamEvents`) call: its chunks are
   * reported to observers even when its output is whole, since they are what the caller reads.
   */
  readonly root?: boolean;
}
