import { ChitieuError } from '@chitieu/errors';

interface DatabaseErrorLike {
  code?: string;
  detail?: string;
  constraint?: string;
  message: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as DatabaseErrorLike).code === 'string';
}

function parseDetail(detail: string | undefined): Record<string, unknown> {
  if (!detail) return {};
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Turns the errors `append_events` and the constraints raise (SQLSTATE class CT, unique violations)
 * into typed errors. Anything else is not ours to explain and is rethrown as it is.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  const details = parseDetail(error.detail);
  switch (error.code) {
    case 'CT404':
      return new ChitieuError('UNKNOWN_TENANT', error.message, details, [{ path: 'tenant', message: error.message }], {
        cause: error,
      });
    case 'CT403':
      return new ChitieuError(
        'STREAM_TENANT_MISMATCH',
        error.message,
        details,
        [{ path: 'stream', message: error.message }],
        {
          cause: error,
        },
      );
    case 'CT409':
      return new ChitieuError(
        'CONCURRENCY_CONFLICT',
        error.message,
        details,
        [{ path: 'expected', message: error.message }],
        {
          cause: error,
        },
      );
    case 'CT422':
      return new ChitieuError(
        'IDEMPOTENCY_CONFLICT',
        error.message,
        details,
        [{ path: 'events', message: error.message }],
        {
          cause: error,
        },
      );
    case 'CT405':
      return new ChitieuError('APPEND_ONLY', error.message, {}, [], { cause: error });
    // The database's own second line (row-level security): an actor writing outside its tenants.
    case '42501':
      if (/row-level security/.test(error.message)) {
        return new ChitieuError(
          'FORBIDDEN',
          'the database refused the write: the recorded actor may not write this tenant',
          {},
          [{ path: 'tenant', message: 'outside the actor’s tenants' }],
          { cause: error },
        );
      }
      return error;
    case '23505':
      if (error.constraint === 'events_stream_version_key') {
        return new ChitieuError('CONCURRENCY_CONFLICT', 'the stream was written concurrently by another tenant', {}, [
          { path: 'stream', message: 'written concurrently' },
        ]);
      }
      if (error.constraint === 'events_event_id_key') {
        return new ChitieuError('IDEMPOTENCY_CONFLICT', 'an event id was used concurrently by another append', {}, [
          { path: 'events', message: 'event id used concurrently' },
        ]);
      }
      return error;
    default:
      return error;
  }
}
