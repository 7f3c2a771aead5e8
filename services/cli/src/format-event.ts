import type { RecordedEvent } from '@chitieu/event-store';

/** One event on one line for people: where it sits, what it says, who recorded it under what. */
export function formatEvent(event: RecordedEvent): string {
  const document = event.metadata.document?.number ?? 'no document';
  return [
    `#${event.position}`,
    `${event.tenant}/${event.tenantSeq}`,
    `${event.stream}@${event.streamVersion}`,
    event.type,
    JSON.stringify(event.data),
    `by ${event.metadata.actor.id} (${event.metadata.actor.role})`,
    `under ${document}`,
    `at ${event.recordedAt.toISOString()}`,
    `hash ${event.hash.slice(0, 12)}…`,
  ].join('  ');
}

/** One event as a JSON line for programs; bigints as strings. */
export function eventJson(event: RecordedEvent): string {
  return JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}
