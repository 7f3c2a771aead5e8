import type { EventMetadata } from '@chitieu/event-store';
import { engines } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countEvents, refused, useSeededCommands } from './seeded-test-support.js';

const reported = (province: string, actor: EventMetadata['actor']) => ({
  type: 'IndicatorReported',
  data: {
    province,
    indicator: 'doctors_per_10000',
    period: { kind: 'year', year: 2024 },
    value: 12.5,
    unit: 'per_10000',
    status: 'final',
    source: 'test: appended straight to the store, past the command handler',
  },
  metadata: { actor },
});

// The handler's `authorize` is the first line; these appends skip it, as a bug in it would, and meet
// the database's row-level security, which holds for the application role (on PGlite, whose one
// connection is a superuser that bypasses it, the test switches to that role).
describe.each(engines)('the database refuses writes outside the recorded actor’s tenants on %s', (engine) => {
  const context = useSeededCommands(engine);
  beforeEach(async () => {
    if (engine === 'pglite') await sql`SET ROLE chitieu_app`.execute(context.store.handle.db);
  });
  afterEach(async () => {
    if (engine === 'pglite') await sql`RESET ROLE`.execute(context.store.handle.db);
  });
  const append = (tenant: string, actor: EventMetadata['actor'], stream = `${tenant}/report/doctors_per_10000/2024`) =>
    context.store.append({ tenant, stream, events: [reported(tenant, actor)] });

  it('refuses a province writing another province, the ministry writing a province, an auditor writing', async () => {
    const laiChau = { id: 'officer@lai-chau', role: 'province' as const, province: 'lai-chau' };
    for (const [tenant, actor] of [
      ['thai-nguyen-2025', laiChau],
      ['bac-kan', laiChau],
      ['thai-nguyen-2025', { id: 'analyst@moh', role: 'ministry' as const }],
      ['thai-nguyen-2025', { id: 'auditor@sav', role: 'auditor' as const }],
    ] as const) {
      const error = await refused(context.store, () => append(tenant, actor));
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('lets a province write its own tenant and a merged predecessor’s, and nothing else', async () => {
    const thaiNguyen = { id: 'officer@thai-nguyen', role: 'province' as const, province: 'thai-nguyen-2025' };
    const before = await countEvents(context.store);
    await append('thai-nguyen-2025', thaiNguyen);
    await append('bac-kan', thaiNguyen);
    expect(await countEvents(context.store)).toBe(before + 2);
    const error = await refused(context.store, () => append('kien-giang', thaiNguyen));
    expect(error.code).toBe('FORBIDDEN');
  });
});
