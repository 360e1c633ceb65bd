/** One shipped file's casts and physical lines. */
export interface FileCasts {
  readonly path: string;
  readonly casts: number;
  readonly lines: number;
}

/** The casts under a folder: the total, the lines, the rate per 1,000 lines and each file's figures. */
export interface CastCount {
  readonly casts: number;
  readonly lines: number;
  readonly perThousandLines: number;
  readonly files: readonly FileCasts[];
}

/** The casts (`as T` and `<T>x`, `as const` left out) in one TypeScript source text. */
export function countCastsInText(fileName: string, text: string): number;

/** Counts the casts in the shipped .ts files under `folder` (default "src"), tests and test support left out. */
export function countCasts(folder?: string): CastCount;
