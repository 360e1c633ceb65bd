/** Closes an input (a no-op promise-free call when it was already closed or never started). */
export function closeQuietly(
  close: (() => Promise<void> | undefined) | undefined,
): Promise<void> | undefined {
  return close?.()?.catch(() => {});
}

/** Closes an iterator; a failure while closing is not the run's error (that is reported elsewhere). */
export async function returnQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // The stream failed while closing.
  }
}
