import type { EventRow } from '@chitieu/database';
import { ChitieuError } from '@chitieu/errors';
import { parseCheckpoint } from '@chitieu/event-store';
import { sql } from 'kysely';
import type { ReadScope } from './scope.js';

export interface EventFilter {
  tenant?: string | undefined;
  stream?: string | undefined;
  types?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  actor?: string | undefined;
  document?: string | undefined;
}

/**
 * The raw log in commit order, filtered, a page after a `"<transactionId>:<position>"` cursor; as of
 * the scope's instant, only what had been recorded by then (an event counts from its append).
 * Row-level security of the scope applies: a province would see only its own tenants.
 */
export async function auditEvents(scope: ReadScope, filter: EventFilter, page: { after?: string; first: number }) {
  const after = page.after ? cursor(page.after) : undefined;
  return scope.trx
    .selectFrom('events')
    .selectAll()
    .$if(after !== undefined, (query) =>
      query.where(
        sql<boolean>`(transaction_id, position) > (${after?.transactionId.toString()}::xid8, ${after?.position.toString()}::bigint)`,
      ),
    )
    .$if(filter.tenant !== undefined, (query) => query.where('tenant_id', '=', filter.tenant as string))
    .$if(filter.stream !== undefined, (query) => query.where('stream_id', '=', filter.stream as string))
    .$if(filter.types !== undefined && filter.types.length > 0, (query) =>
      query.where('type', 'in', [...(filter.types as string[])]),
    )
    .$if(filter.from !== undefined, (query) => query.where('recorded_at', '>=', filter.from as Date))
    .$if(filter.to !== undefined, (query) => query.where('recorded_at', '<=', filter.to as Date))
    .$if(scope.asOf !== undefined, (query) => query.where('recorded_at', '<=', scope.asOf as Date))
    .$if(filter.actor !== undefined, (query) =>
      query.where(sql<boolean>`metadata->'actor'->>'id' = ${filter.actor as string}`),
    )
    .$if(filter.document !== undefined, (query) =>
      query.where(sql<boolean>`metadata->'document'->>'number' = ${filter.document as string}`),
    )
    .orderBy('transaction_id')
    .orderBy('position')
    .limit(page.first + 1)
    .execute();
}

export type AuditEventRow = EventRow;

function cursor(text: string) {
  try {
    return parseCheckpoint(text);
  } catch {
    const message = 'a cursor of the events list is a position, "<transactionId>:<position>"';
    throw new ChitieuError('VALIDATION_FAILED', message, { after: text }, [{ path: 'after', message }]);
  }
}
