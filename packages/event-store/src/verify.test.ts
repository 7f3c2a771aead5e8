import { randomBytes, randomUUID } from 'node:crypto';
import type { EventRow } from '@chitieu/database';
import { engines } from '@chitieu/testing';
import { type RawBuilder, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { linkHash, rowContentHash, rowPlacement } from './chain.js';
import { lifeExpectancy, note, untilReadable, useStore } from './test-support.js';
import type { NewEvent } from './types.js';
import type { VerifyOptions, VerifyResult } from './verify.js';

const KG = 'kien-giang';

function thaiNguyen2025(indicator: string, value: number, unit: string): NewEvent {
  return {
    type: 'FigureReported',
    data: { indicator, year: 2025, value, unit },
    metadata: { actor: { id: 'officer-tn', role: 'province', province: 'thai-nguyen' } },
  };
}

/** What an attacker who knows the chain's definition would store as the hash of `row`. */
function seal(row: EventRow, prev: Uint8Array): Buffer {
  return linkHash(prev, rowContentHash(row), rowPlacement(row));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(engines)('verify on %s', (engine) => {
  const ctx = useStore(engine);

  /**
   * Kiên Giang seq 1…6 in three appends, interleaved with Thái Nguyên's 2025 figures, so that the
   * tenant's positions have gaps and its chain spans several transactions.
   */
  async function seed() {
    const kg = [
      await ctx.store.append({ tenant: KG, stream: 'plan-132-kh-ubnd', events: [note('Kế hoạch 132/KH-UBND')] }),
    ];
    await ctx.store.append({
      tenant: 'thai-nguyen',
      stream: 'report-tn-2025',
      events: [
        thaiNguyen2025('doctors_per_10000', 17.2, 'per 10,000'),
        thaiNguyen2025('beds_per_10000', 49, 'per 10,000'),
      ],
    });
    kg.push(
      await ctx.store.append({
        tenant: KG,
        stream: 'report-kg-2017',
        events: [lifeExpectancy(74.3, 2017), note('checked'), note('accepted')],
      }),
    );
    await ctx.store.append({
      tenant: 'thai-nguyen',
      stream: 'report-tn-2025',
      events: [thaiNguyen2025('life_expectancy', 74.5, 'years'), thaiNguyen2025('health_insurance', 95.0, '%')],
    });
    kg.push(
      await ctx.store.append({ tenant: KG, stream: 'plan-132-kh-ubnd', events: [note('published'), note('closed')] }),
    );
    return kg.flatMap((result) => result.events);
  }

  const admin = () => ctx.database.admin.db;

  /** Runs a statement as the superuser with the append-only triggers off; returns the rows it touched. */
  async function tamper(query: RawBuilder<unknown>): Promise<number> {
    await sql`ALTER TABLE events DISABLE TRIGGER USER`.execute(admin());
    const result = await query.execute(admin());
    return Number(result.numAffectedRows ?? 0n);
  }

  async function row(seq: number): Promise<EventRow> {
    return admin()
      .selectFrom('events')
      .selectAll()
      .where('tenant_id', '=', KG)
      .where('tenant_seq', '=', BigInt(seq))
      .executeTakeFirstOrThrow();
  }

  async function setHashes(eventId: string, prev: Uint8Array, hash: Uint8Array) {
    await tamper(
      sql`UPDATE events SET prev_hash = decode(${hex(prev)}, 'hex'), hash = decode(${hex(hash)}, 'hex')
          WHERE event_id = ${eventId}`,
    );
  }

  /** Verifies with the default batch and with batches of two, which must agree. */
  async function verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    const result = await ctx.store.verify(KG, options);
    expect(await ctx.store.verify(KG, { ...options, batchSize: 2 })).toEqual(result);
    return result;
  }

  async function expectBroken(kind: string, eventId: string, seq: number) {
    const result = await verify();
    expect(result).toMatchObject({ ok: false, tenant: KG, kind, event: { eventId, tenantSeq: BigInt(seq) } });
    expect(result.ok || result.message).toContain(eventId);
    // Tampering with one tenant's chain says nothing about another's.
    expect((await ctx.store.verify('thai-nguyen')).ok).toBe(true);
  }

  it('verifies an untouched log, naming its head, undisturbed by other tenants', async () => {
    const kg = await seed();
    const progress: Array<[number, number]> = [];
    const result = await verify({ onProgress: (checked, total) => progress.push([checked, total]) });
    const last = kg.at(-1);
    expect(result).toEqual({ ok: true, tenant: KG, checked: 6, head: { tenantSeq: 6n, hash: last?.hash } });
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(await ctx.store.verify('thai-nguyen')).toMatchObject({ ok: true, checked: 4, head: { tenantSeq: 4n } });
    expect(await ctx.store.verify('bac-kan')).toEqual({ ok: true, tenant: 'bac-kan', checked: 0, head: null });
  });

  it.each([
    ['its data (74.3 → 75.3)', 2, sql`data = jsonb_set(data, '{value}', '75.3')`],
    ['its actor', 3, sql`metadata = jsonb_set(metadata, '{actor,id}', '"officer-2"')`],
    ['its recorded time', 4, sql`recorded_at = recorded_at - interval '1 day'`],
    ['its stream', 5, sql`stream_id = 'report-kg-2018'`],
    ['its schema version', 1, sql`schema_version = 2`],
    ['its position', 6, sql`position = position + 1000`],
  ])('reports an event as altered after a change to %s', async (_, seq, change) => {
    await seed();
    const target = await row(seq);
    expect(await tamper(sql`UPDATE events SET ${change} WHERE event_id = ${target.event_id}`)).toBe(1);
    await expectBroken('altered', target.event_id, seq);
  });

  it('reports the altered event when the data change is read back as a different figure', async () => {
    await seed();
    await tamper(
      sql`UPDATE events SET data = jsonb_set(data, '{value}', '75.3') WHERE tenant_seq = 2 AND tenant_id = ${KG}`,
    );
    const read = await ctx.store.readStream({ tenant: KG, stream: 'report-kg-2017' });
    expect(read.events[0]?.data).toMatchObject({ value: 75.3 });
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      kind: 'altered',
      checked: 1,
      event: { eventId: read.events[0]?.eventId },
    });
  });

  it.each([
    ['the first event', [1], 2],
    ['an event in the middle', [3], 4],
    ['two events in a row', [3, 4], 5],
    ['a whole append', [2, 3, 4], 5],
  ])('reports %s removed, naming the event after the gap', async (_, seqs, after) => {
    await seed();
    const next = await row(after);
    const removed = await tamper(
      sql`DELETE FROM events WHERE tenant_id = ${KG} AND tenant_seq IN (${sql.join(seqs.map(String))})`,
    );
    expect(removed).toBe(seqs.length);
    await expectBroken('removed', next.event_id, after);
  });

  it('reports an event removed when the later sequence numbers were closed up to hide the gap', async () => {
    await seed();
    const next = await row(4);
    await tamper(sql`DELETE FROM events WHERE tenant_id = ${KG} AND tenant_seq = 3`);
    await tamper(sql`UPDATE events SET tenant_seq = tenant_seq + 1000 WHERE tenant_id = ${KG} AND tenant_seq > 3`);
    await tamper(sql`UPDATE events SET tenant_seq = tenant_seq - 1001 WHERE tenant_id = ${KG} AND tenant_seq > 1000`);
    await expectBroken('removed', next.event_id, 3);
  });

  it.each([
    ['a hash of its own', 'sealed', 'next'],
    ['a made-up hash', 'random', 'next'],
    ['a position before its predecessor', 'sealed', 'early'],
  ] as const)('reports a forged event inserted in the middle with %s', async (_, hashKind, placement) => {
    await seed();
    const predecessor = await row(2);
    // Make room at seq 3 (in two steps: the unique key is checked row by row).
    await tamper(sql`UPDATE events SET tenant_seq = tenant_seq + 1000 WHERE tenant_id = ${KG} AND tenant_seq >= 3`);
    await tamper(sql`UPDATE events SET tenant_seq = tenant_seq - 999 WHERE tenant_id = ${KG} AND tenant_seq > 1000`);
    const forgedId = randomUUID();
    const position = placement === 'next' ? sql`nextval('events_position_seq')` : sql`0`;
    await tamper(sql`
      INSERT INTO events (position, transaction_id, tenant_id, tenant_seq, stream_id, stream_version, event_id,
          type, schema_version, data, metadata, recorded_at, prev_hash, hash)
      SELECT ${position}, transaction_id, tenant_id, 3, 'report-kg-2017-bis', 1, ${forgedId},
          type, schema_version, jsonb_set(data, '{value}', '76.0'), metadata, recorded_at, hash, hash
      FROM events WHERE event_id = ${predecessor.event_id}`);
    if (hashKind === 'sealed') await setHashes(forgedId, predecessor.hash, seal(await row(3), predecessor.hash));
    else await setHashes(forgedId, predecessor.hash, randomBytes(32));
    expect((await row(3)).event_id).toBe(forgedId);
    await expectBroken('inserted', forgedId, 3);
  });

  it.each([
    ['two events of one append', 3, 4],
    ['events of two appends', 4, 5],
    ['the last two events', 5, 6],
    ['the first and the last event', 1, 6],
  ])('reports %s swapped in the chain as reordered', async (_, a, b) => {
    await seed();
    const later = await row(b);
    await tamper(sql`UPDATE events SET tenant_seq = 1000 WHERE tenant_id = ${KG} AND tenant_seq = ${a}`);
    await tamper(sql`UPDATE events SET tenant_seq = ${a} WHERE tenant_id = ${KG} AND tenant_seq = ${b}`);
    await tamper(sql`UPDATE events SET tenant_seq = ${b} WHERE tenant_id = ${KG} AND tenant_seq = 1000`);
    await expectBroken('reordered', later.event_id, a);
  });

  it('reports two events of one append that swapped positions in the log as reordered', async () => {
    await seed();
    const [first, second] = [await row(3), await row(4)];
    await tamper(sql`UPDATE events SET position = -1 WHERE event_id = ${first.event_id}`);
    await tamper(sql`UPDATE events SET position = ${Number(first.position)} WHERE event_id = ${second.event_id}`);
    await tamper(sql`UPDATE events SET position = ${Number(second.position)} WHERE event_id = ${first.event_id}`);
    await untilReadable(ctx.store);
    const all = await ctx.store.readAll({ tenant: KG });
    expect(all.events.map((event) => event.tenantSeq)).toEqual([1n, 2n, 4n, 3n, 5n, 6n]);
    await expectBroken('reordered', first.event_id, 3);
  });

  it('sees a cut-off tail only against a trusted head obtained earlier', async () => {
    await seed();
    const earlier = await verify();
    if (!earlier.ok || !earlier.head) throw new Error('the untouched log must verify');
    const trustedHead = earlier.head;
    const midway = { tenantSeq: 4n, hash: hex((await row(4)).hash) };

    expect(await tamper(sql`DELETE FROM events WHERE tenant_id = ${KG} AND tenant_seq >= 5`)).toBe(2);
    // Without a trusted head the shorter chain is a perfectly good chain.
    expect(await verify()).toMatchObject({ ok: true, checked: 4, head: midway });
    expect(await verify({ trustedHead })).toMatchObject({ ok: false, kind: 'removed', checked: 4, event: null });
    expect(await verify({ trustedHead: midway })).toMatchObject({ ok: true, checked: 4 });
  });

  it('sees a chain rewritten from an altered event on only against a trusted head', async () => {
    await seed();
    const earlier = await verify();
    if (!earlier.ok || !earlier.head) throw new Error('the untouched log must verify');
    await tamper(
      sql`UPDATE events SET data = jsonb_set(data, '{value}', '75.3') WHERE tenant_id = ${KG} AND tenant_seq = 2`,
    );
    let prev: Uint8Array = (await row(1)).hash;
    for (let seq = 2; seq <= 6; seq++) {
      const current = await row(seq);
      const hash = seal(current, prev);
      await setHashes(current.event_id, prev, hash);
      prev = hash;
    }
    expect(await verify()).toMatchObject({ ok: true, checked: 6 });
    const result = await verify({ trustedHead: earlier.head });
    expect(result).toMatchObject({ ok: false, kind: 'altered', event: { tenantSeq: 6n } });
  });
});
