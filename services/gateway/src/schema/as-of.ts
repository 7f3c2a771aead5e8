/** A read-model row with the instant it was read as of, so nested fields read at the same instant. */
export type AsOf<T> = T & { asOf: Date | undefined };

export function at<T extends object>(row: T, asOf: Date | undefined): AsOf<T> {
  return Object.assign({}, row, { asOf });
}

export function allAt<T extends object>(rows: readonly T[], asOf: Date | undefined): Array<AsOf<T>> {
  return rows.map((row) => at(row, asOf));
}

/** The `asOf` argument every read takes. */
export const AS_OF_DESCRIPTION =
  'Answer as the platform knew it at this instant (recorded time): before or after a revision or a correction. Now when omitted.';
