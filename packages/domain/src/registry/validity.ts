/** A province's validity: `from` null means "before anything recorded", `to` absent means open. */
export interface Validity {
  validFrom: string | null;
  validTo?: string | undefined;
}

/** True when the province exists on `date` (ISO dates compare as strings). */
export function validOn(validity: Validity, date: string): boolean {
  return (
    (validity.validFrom === null || validity.validFrom <= date) &&
    (validity.validTo === undefined || date <= validity.validTo)
  );
}

/** True when the two validities share at least one day. */
export function validitiesOverlap(a: Validity, b: Validity): boolean {
  const aStartsBeforeBEnds = b.validTo === undefined || a.validFrom === null || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = a.validTo === undefined || b.validFrom === null || b.validFrom <= a.validTo;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** The ISO date of the day before `date`: a merger effective on 2025-07-01 ends its predecessors on 2025-06-30. */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
