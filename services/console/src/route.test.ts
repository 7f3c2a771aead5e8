import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, withParams } from './route.js';

describe('route', () => {
  it('reads a province page with its as-of instant and writes it back the same', () => {
    const hash = '#/province/thai-nguyen-2025?asOf=2026-01-01T00%3A00%3A00.000Z';
    const route = parseRoute(hash);
    expect(route).toMatchObject({ page: 'province', province: 'thai-nguyen-2025' });
    expect(route.params.get('asOf')).toBe('2026-01-01T00:00:00.000Z');
    expect(formatRoute(route)).toBe(hash);
  });

  it('sends anything it does not know to the sign-in page', () => {
    expect(parseRoute('#/nowhere').page).toBe('sign-in');
    expect(parseRoute('').page).toBe('sign-in');
  });

  it('sets and removes parameters without touching the others', () => {
    const route = withParams(parseRoute('#/ministry?year=2025&geo=current'), { geo: 'pre_merger', year: undefined });
    expect(formatRoute(route)).toBe('#/ministry?geo=pre_merger');
  });
});
