import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../context.js';
import { runCommand } from '../run-command.js';
import { demo } from './demo.js';
import { read } from './read.js';
import { verify } from './verify.js';

describe.each(engines)('the CLI on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  const run = (command: Command, args: string[] = [], handle = database.app) => runCommand(command, handle, args);

  it('demo loads the seed data once, replays the log and verifies every chain', async () => {
    const first = await run(demo);
    expect(first.code).toBe(0);
    expect(first.text).toMatch(/Loaded the provinces, the indicator catalogue and the seed documents: \d+ commands/);
    expect(first.text).toContain('not loaded: 000_8f1e2e42d06bed45.txt');
    expect(first.text).toContain('Bắc Kạn ended 2025-06-30, merged into thai-nguyen-2025');
    expect(first.text).toMatch(/kien-giang 21/);
    expect(first.text).toMatch(/all \d+ chains verify/);

    const again = await run(demo);
    expect(again.code).toBe(0);
    expect(again.text).toContain('The seed data was already loaded: nothing appended.');
  });

  it('read prints the log as JSON lines, filtered by tenant and as of an instant', async () => {
    await run(demo);
    const all = await run(read, ['--tenant', 'kien-giang', '--json']);
    const events = all.lines.map((line) => JSON.parse(line));
    expect(events[0].type).toBe('PlanAdopted');
    expect(events[0].data.document.number).toBe('132/KH-UBND');
    expect(events[0].data.baselines[0]).toMatchObject({ indicator: 'life_expectancy', value: 74.3, written: '74,3' });
    expect(events.slice(1).every((event: { type: string }) => event.type === 'PlanTaskAdded')).toBe(true);
    const before = await run(read, ['--as-of', new Date(Date.parse(events[0].recordedAt) - 1).toISOString()]);
    expect(before.lines.filter((line) => line.includes('kien-giang/plan'))).toEqual([]);
    expect((await run(read, ['--tenant', 'atlantis'])).lines).toEqual([]);
  });

  it('verify exits 1 and names the altered event when the log was tampered with', async () => {
    await run(demo);
    expect((await run(verify)).code).toBe(0);
    await sql`ALTER TABLE events DISABLE TRIGGER events_append_only`.execute(database.admin.db);
    await sql`UPDATE events SET data = jsonb_set(data, '{period,to}', '2031') WHERE tenant_id = 'kien-giang' AND tenant_seq = 1`.execute(
      database.admin.db,
    );
    const broken = await run(verify, ['kien-giang']);
    expect(broken.code).toBe(1);
    expect(broken.text).toMatch(/kien-giang: BROKEN \(altered\) after 0 good events/);
  });
});
