/** The output stream of one run, as `streamWithRun` hands it out. */
export type RunOutputStream<C> = AsyncIterableIterator<C> & {
  return(value?: unknown): Promise<IteratorResult<C>>;
};
