/** A source of `items` that counts how many were pulled and records whether it was closed. */
export function countedSource<T>(items: readonly T[], delayMs = 0) {
  const state = { pulls: 0, closed: false };
  async function* source(): AsyncGenerator<T> {
    try {
      for (const item of items) {
        if (delayMs) await new Promise<void>((resolve) => setTimeout(resolve, delayMs));
        state.pulls++;
        yield item;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: source() };
}
