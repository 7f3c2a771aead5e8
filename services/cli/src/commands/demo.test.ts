import { createLogger } from '@chitieu/logging';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../context.js';
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

  async function run(command: typeof demo, args: string[] = [], handle = database.app) {
    const lines: string[] = [];
    const code = await command({
      handle,
      location: { engine, where: 'test' },
      logger: createLogger('test', 'silent'),
      signal: new AbortController().signal,
      args,
      out: (line) => lines.push(line),
    } satisfies CommandContext);
    return { code, lines, text: lines.join('\n') };
  }

  it('demo appends Kiên Giang 2017 baselines once, replays them and verifies the chain', async () => {
    const first = await run(demo);
    expect(first.code).toBe(0);
    expect(first.text).toContain('Appended 6 events to kien-giang/baselines/132-KH-UBND (version 6)');
    expect(first.text).toContain('"value":74.3');
    expect(first.text).toContain('under 132/KH-UBND');
    expect(first.text).toMatch(/ok: 6 events, head 6:[0-9a-f]{64}/);

    const again = await run(demo);
    expect(again.code).toBe(0);
    expect(again.text).toContain('already in the log: the retry wrote nothing');
    expect(again.text).toMatch(/6 events replayed/);
  });

  it('read prints the log as JSON lines, filtered by tenant and as of an instant', async () => {
    await run(demo);
    const all = await run(read, ['--tenant', 'kien-giang', '--json']);
    const events = all.lines.map((line) => JSON.parse(line));
    expect(events.map((event) => event.data.written)).toEqual(['74,3', '83,14', '99,5%', '18,47‰', '12,33‰', '21,5%']);
    const before = await run(read, ['--as-of', new Date(Date.parse(events[0].recordedAt) - 1).toISOString()]);
    expect(before.lines).toEqual([]);
    expect((await run(read, ['--tenant', 'thai-nguyen'])).lines).toEqual([]);
  });

  it('verify exits 1 and names the altered event when the log was tampered with', async () => {
    await run(demo);
    expect((await run(verify)).code).toBe(0);
    await sql`ALTER TABLE events DISABLE TRIGGER events_append_only`.execute(database.admin.db);
    await sql`UPDATE events SET data = jsonb_set(data, '{value}', '75.3') WHERE tenant_seq = 1`.execute(
      database.admin.db,
    );
    const broken = await run(verify, ['kien-giang']);
    expect(broken.code).toBe(1);
    expect(broken.text).toMatch(/kien-giang: BROKEN \(altered\) after 0 good events/);
  });
});
