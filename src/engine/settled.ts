/**
 * Awaits a notification that returns a promise only when an observer asked to be awaited;
 * `undefined` (nobody waits) costs no promise here.
 */
export async function settled(pending: void | Promise<void>): Promise<void> {
  if (pending !== undefined) await pending;
}
