import type { Database, EventRow } from '@chitieu/database';
import type { Kysely } from 'kysely';
import { genesisHash, linkHash, rowContentHash, rowPlacement } from './chain.js';

/** How the chain was broken at the first place it breaks. */
export type TamperKind = 'altered' | 'removed' | 'inserted' | 'reordered';

export interface ChainHead {
  tenantSeq: bigint;
  hash: string;
}

export type VerifyResult =
  | { ok: true; tenant: string; checked: number; head: ChainHead | null }
  | {
      ok: false;
      tenant: string;
      checked: number;
      kind: TamperKind;
      /** The first event found wrong (for `removed`: the event right after the gap). */
      event: { eventId: string; position: bigint; tenantSeq: bigint } | null;
      message: string;
    };

export interface VerifyOptions {
  batchSize?: number;
  /**
   * A head obtained earlier from a trusted place (a published digest, an auditor's notes). Without
   * one, a rewrite of the whole chain from some point on, or a cut-off tail, cannot be told apart
   * from the real thing; with one, both can.
   */
  trustedHead?: ChainHead;
  onProgress?: (checked: number, total: number) => void;
}

type ChainRow = Pick<EventRow, 'event_id' | 'position' | 'transaction_id' | 'tenant_seq' | 'prev_hash' | 'hash'>;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Walks a tenant's hash chain in tenant-sequence order and names the first event that was altered,
 * removed, inserted or reordered. Reads the chain twice: once for the links alone (to know which
 * hashes exist and which are pointed at), once with content to recompute every hash.
 */
export async function verifyTenant(
  db: Kysely<Database>,
  tenant: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 2000;
  const links: ChainRow[] = [];
  for await (const rows of pages(db, tenant, batchSize, false)) links.push(...(rows as ChainRow[]));
  const indexOfHash = new Map(links.map((row, index) => [hex(row.hash), index]));
  const pointedAt = new Set(links.map((row) => hex(row.prev_hash)));
  const genesis = genesisHash(tenant);
  const total = links.length;

  const fail = (kind: TamperKind, row: ChainRow | undefined, checked: number, message: string): VerifyResult => ({
    ok: false,
    tenant,
    checked,
    kind,
    event: row ? { eventId: row.event_id, position: row.position, tenantSeq: row.tenant_seq } : null,
    message,
  });

  const linkedPast = (row: ChainRow, index: number) =>
    fail('inserted', row, index, `event ${row.event_id} is not part of the chain: the next event links past it`);

  let index = 0;
  let previous: EventRow | undefined;
  for await (const rows of pages(db, tenant, batchSize, true)) {
    for (const row of rows as EventRow[]) {
      const expectedPrev = previous ? previous.hash : genesis;
      const content = rowContentHash(row);
      const placement = rowPlacement(row);
      const selfConsistent = linkHash(row.prev_hash, content, placement).equals(row.hash);
      const linked = Buffer.from(row.prev_hash).equals(expectedPrev);
      const next = links[index + 1];
      // Nothing was chained after this event, and the next one was chained after its predecessor:
      // the store never wrote it where it stands.
      const skipped = next && Buffer.from(next.prev_hash).equals(expectedPrev) && !pointedAt.has(hex(row.hash));

      if (!selfConsistent) {
        if (skipped) {
          return linkedPast(row, index);
        }
        // An event that matches its hash once given another event's place in the log was moved there.
        const owner = links.find(
          (other) =>
            other.event_id !== row.event_id &&
            linkHash(row.prev_hash, content, {
              ...placement,
              position: other.position,
              transactionId: other.transaction_id,
            }).equals(row.hash),
        );
        if (owner) {
          return fail(
            'reordered',
            row,
            index,
            `event ${row.event_id} was chained at position ${owner.position} but stands at ${row.position}`,
          );
        }
        return fail(
          'altered',
          row,
          index,
          `event ${row.event_id} (tenant seq ${row.tenant_seq}) no longer matches its hash`,
        );
      }
      if (!linked) {
        const prevKey = hex(row.prev_hash);
        const predecessor = indexOfHash.get(prevKey);
        if (predecessor !== undefined && predecessor > index) {
          return fail('reordered', row, index, `event ${row.event_id} comes before the event it was chained after`);
        }
        if (previous && !pointedAt.has(hex(previous.hash)) && predecessor !== undefined) {
          return fail(
            'inserted',
            previous,
            index - 1,
            `event ${previous.event_id} was not chained by the store: nothing links to it`,
          );
        }
        if (predecessor === undefined && !Buffer.from(row.prev_hash).equals(genesis)) {
          return fail(
            'removed',
            row,
            index,
            `the event chained before ${row.event_id} (tenant seq ${row.tenant_seq}) is missing`,
          );
        }
        return fail('reordered', row, index, `event ${row.event_id} is out of its chain order`);
      }
      if (skipped) {
        return linkedPast(row, index);
      }
      if (row.tenant_seq !== BigInt(index + 1)) {
        return fail(
          row.tenant_seq > BigInt(index + 1) ? 'removed' : 'inserted',
          row,
          index,
          `tenant seq ${row.tenant_seq} found where ${index + 1} was expected`,
        );
      }
      if (previous && row.position <= previous.position) {
        return fail('reordered', row, index, `event ${row.event_id} has a position before its predecessor's`);
      }
      previous = row;
      index++;
    }
    options.onProgress?.(index, total);
  }

  const head = previous ? { tenantSeq: previous.tenant_seq, hash: hex(previous.hash) } : null;
  if (options.trustedHead) {
    const trusted = options.trustedHead;
    const atTrusted = links[Number(trusted.tenantSeq) - 1];
    if (!atTrusted || hex(atTrusted.hash) !== trusted.hash) {
      return fail(
        atTrusted ? 'altered' : 'removed',
        atTrusted,
        index,
        `the chain does not pass through the trusted head (tenant seq ${trusted.tenantSeq})`,
      );
    }
  }
  return { ok: true, tenant, checked: index, head };
}

async function* pages(db: Kysely<Database>, tenant: string, batchSize: number, full: boolean) {
  let after: { seq: bigint; position: bigint } = { seq: -1n, position: -1n };
  for (;;) {
    const query = db
      .selectFrom('events')
      .where('tenant_id', '=', tenant)
      .where((eb) =>
        eb.or([
          eb('tenant_seq', '>', after.seq),
          eb.and([eb('tenant_seq', '=', after.seq), eb('position', '>', after.position)]),
        ]),
      )
      .orderBy('tenant_seq')
      .orderBy('position')
      .limit(batchSize);
    const rows = full
      ? await query.selectAll().execute()
      : await query.select(['event_id', 'position', 'transaction_id', 'tenant_seq', 'prev_hash', 'hash']).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1) as ChainRow;
    after = { seq: last.tenant_seq, position: last.position };
    if (rows.length < batchSize) return;
  }
}
