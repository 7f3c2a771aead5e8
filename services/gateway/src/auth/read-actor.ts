import type { Actor } from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';
import { type TokenKeys, verifyToken } from './tokens.js';

/**
 * The actor named by a request's `Authorization: Bearer <token>` header. No header means an
 * anonymous caller (undefined); a header that is not a valid bearer token throws UNAUTHENTICATED
 * rather than falling back to anonymous, so a client with a broken token learns why at once.
 */
export async function readActor(request: Request, keys: TokenKeys, now?: Date): Promise<Actor | undefined> {
  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) {
    throw new ChitieuError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"', {
      reason: 'malformed',
    });
  }
  return verifyToken(keys, match[1] as string, now);
}
