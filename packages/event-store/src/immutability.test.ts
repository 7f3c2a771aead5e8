import type { Database } from '@chitieu/database';
import { ChitieuError } from '@chitieu/errors';
import { engines } from '@chitieu/testing';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { mapDatabaseError } from './map-database-error.js';
import { lifeExpectancy, note, untilReadable, useStore } from './test-support.js';

type Statement = (db: Kysely<Database>) => Promise<unknown>;

async function caught(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'the statement should have been refused').toBeInstanceOf(Error);
  return error as { code?: string; message: string };
}

const changesToEvents: Array<[string, Statement]> = [
  [
    'UPDATE of one event',
    (db) =>
      db
        .updateTable('events')
        .set({ data: sql`jsonb_set(data, '{value}', '75.3')` })
        .where('tenant_seq', '=', 1n)
        .execute(),
  ],
  // The triggers are per statement: even a change that matches nothing is refused.
  ['UPDATE matching nothing', (db) => db.updateTable('events').set({ type: 'X' }).where('type', '=', 'None').execute()],
  ['DELETE of one event', (db) => db.deleteFrom('events').where('tenant_seq', '=', 2n).execute()],
  ['DELETE of everything', (db) => db.deleteFrom('events').execute()],
  ['TRUNCATE', (db) => sql`TRUNCATE events`.execute(db)],
];

const changesToTenants: Array<[string, Statement]> = [
  ['DELETE of a tenant', (db) => db.deleteFrom('tenants').where('id', '=', 'bac-kan').execute()],
  ['TRUNCATE', (db) => sql`TRUNCATE tenants`.execute(db)],
];

describe.each(engines)('immutability on %s', (engine) => {
  const ctx = useStore(engine);

  async function seed() {
    await ctx.store.append({
      tenant: 'kien-giang',
      stream: 'report-kg-2017',
      events: [lifeExpectancy(74.3, 2017), note('132/KH-UBND')],
    });
    await ctx.store.append({ tenant: 'thai-nguyen', stream: 'plan-tn-2025', events: [note('49 beds per 10,000')] });
  }

  /** Everything in the log and the tenant list, as the superuser sees it. */
  async function snapshot() {
    const db = ctx.database.admin.db;
    const events = await db.selectFrom('events').selectAll().orderBy('position').execute();
    const tenants = await db.selectFrom('tenants').selectAll().orderBy('id').execute();
    return { events, tenants };
  }

  it.each(changesToEvents)('refuses %s on events even for the superuser, as APPEND_ONLY', async (_, statement) => {
    await seed();
    const before = await snapshot();
    const error = await caught(statement(ctx.database.admin.db));
    expect(error.code).toBe('CT405');
    const mapped = mapDatabaseError(error);
    expect(mapped).toBeInstanceOf(ChitieuError);
    expect(mapped).toMatchObject({ code: 'APPEND_ONLY', message: expect.stringContaining('append-only') });
    expect(await snapshot()).toEqual(before);
    expect((await ctx.store.verify('kien-giang')).ok).toBe(true);
  });

  it.each(changesToTenants)('refuses %s on tenants even for the superuser', async (_, statement) => {
    await seed();
    const before = await snapshot();
    const error = await caught(statement(ctx.database.admin.db));
    expect(mapDatabaseError(error)).toMatchObject({ code: 'APPEND_ONLY' });
    expect(await snapshot()).toEqual(before);
  });

  it('still appends and reads after refused changes', async () => {
    await seed();
    for (const [, statement] of changesToEvents) await caught(statement(ctx.database.admin.db));
    await ctx.store.append({ tenant: 'kien-giang', stream: 'report-kg-2017', expected: 2, events: [note('later')] });
    const read = await ctx.store.readStream({ tenant: 'kien-giang', stream: 'report-kg-2017' });
    expect(read.events.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(await ctx.store.verify('kien-giang')).toMatchObject({ ok: true, checked: 3 });
  });

  // On PGlite the application runs as the superuser; only the server has a role to take rights from.
  describe.skipIf(engine !== 'postgres')('as the application role', () => {
    const refusedToApp: Array<[string, Statement]> = [
      ...changesToEvents,
      ...changesToTenants.map(([name, statement]): [string, Statement] => [`${name} of tenants`, statement]),
      ['UPDATE of a tenant name', (db) => db.updateTable('tenants').set({ name: 'Atlantis' }).execute()],
      ['DROP TABLE', (db) => sql`DROP TABLE events`.execute(db)],
      ['ALTER TABLE … ADD COLUMN', (db) => sql`ALTER TABLE events ADD COLUMN note text`.execute(db)],
      ['DISABLE TRIGGER', (db) => sql`ALTER TABLE events DISABLE TRIGGER events_append_only`.execute(db)],
      ['DROP TRIGGER', (db) => sql`DROP TRIGGER events_append_only ON events`.execute(db)],
      [
        'replacing the trigger function',
        (db) =>
          sql`CREATE OR REPLACE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql
              AS $$ BEGIN RETURN NULL; END $$`.execute(db),
      ],
      // A replica session skips ordinary triggers; only superusers may start one.
      ['SET session_replication_role', (db) => sql`SET session_replication_role = replica`.execute(db)],
      ['setval on the position sequence', (db) => sql`SELECT setval('events_position_seq', 1)`.execute(db)],
    ];

    it.each(refusedToApp)('denies %s with insufficient privilege', async (_, statement) => {
      await seed();
      const before = await snapshot();
      const error = await caught(statement(ctx.database.app.db));
      expect(error.code).toBe('42501');
      // Not one of the store's own refusals: it passes through unexplained.
      expect(mapDatabaseError(error)).toBe(error);
      expect(await snapshot()).toEqual(before);
    });

    it('leaves the triggers enabled and lets the application append and read', async () => {
      await seed();
      for (const [, statement] of refusedToApp) await caught(statement(ctx.database.app.db));
      const triggers = await sql<{ tgname: string; tgenabled: string }>`
        SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`.execute(ctx.database.app.db);
      expect(triggers.rows).toEqual([
        { tgname: 'events_append_only', tgenabled: 'O' },
        { tgname: 'events_no_truncate', tgenabled: 'O' },
        { tgname: 'tenants_keep', tgenabled: 'O' },
      ]);
      const appended = await ctx.store.append({ tenant: 'bac-kan', stream: 'plan-bk', events: [note('appended')] });
      expect(appended.events.map((event) => event.tenantSeq)).toEqual([1n]);
      await untilReadable(ctx.store);
      const all = await ctx.store.readAll();
      expect(all.events.map((event) => event.tenant)).toEqual(['kien-giang', 'kien-giang', 'thai-nguyen', 'bac-kan']);
      const user = await sql<{ user: string }>`SELECT current_user AS user`.execute(ctx.database.app.db);
      expect(user.rows[0]?.user).toBe('chitieu_app');
    });
  });
});
