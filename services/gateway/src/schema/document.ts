import type { LegalDocument } from '@chitieu/event-store';
import { builder } from '../graphql/builder.js';

/** The legal document behind a change: `132/KH-UBND`, `202/2025/QH15`. */
export const LegalDocumentType = builder.objectRef<LegalDocument>('LegalDocument').implement({
  description: 'A legal document as it cites itself: number, kind, issuer, date, title.',
  fields: (t) => ({
    number: t.exposeString('number'),
    kind: t.exposeString('kind', { nullable: true }),
    issuer: t.exposeString('issuer', { nullable: true }),
    issuedOn: t.field({ type: 'Date', nullable: true, resolve: (document) => document.issuedOn ?? null }),
    title: t.exposeString('title', { nullable: true }),
  }),
});

/** Reads a jsonb document column (or null) as a LegalDocument. */
export function asDocument(value: unknown): LegalDocument | null {
  return value && typeof value === 'object' && 'number' in value ? (value as LegalDocument) : null;
}
