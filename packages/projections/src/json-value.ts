/**
 * `value` as it comes back from a jsonb column: what `JSON.parse(JSON.stringify(value))` gives for
 * the plain data the projections store (undefined members dropped, undefined array items and
 * non-finite numbers null, -0 as 0, dates as ISO strings), without building the text in between: a
 * rebuild normalises every derived row this way.
 */
export function jsonValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : jsonValue(item)));
  if (value instanceof Date) return value.toJSON();
  if (typeof value === 'object') {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && typeof member !== 'function') object[key] = jsonValue(member);
    }
    return object;
  }
  return undefined;
}
