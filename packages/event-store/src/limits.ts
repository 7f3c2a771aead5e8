/** Documented limits of one append (docs/event-store.md). Changing them is a product decision. */
export const LIMITS = {
  /** Canonical JSON of one event's data plus metadata, in bytes. */
  maxEventBytes: 64 * 1024,
  maxEventsPerAppend: 1000,
  maxStreamIdLength: 200,
  maxTypeLength: 100,
  /** Nesting depth of data. */
  maxDepth: 32,
} as const;

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
// Printable, no control characters: stream ids end up in logs, URLs and error messages.
export const STREAM_ID_PATTERN = /^[^\p{Cc}\s][^\p{Cc}]*$/u;
export const EVENT_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
