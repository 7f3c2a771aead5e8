import type { Client } from '@urql/core';
import { createClient } from '../client.js';
import { type Viewer, whoIs } from './who-is.js';

export const STORAGE_KEY = 'chitieu.token';

/** The token kept from earlier in this tab, its client, and its check with the gateway, under way. */
export interface StoredSession {
  token: string;
  client: Client;
  viewer: Promise<Viewer | string>;
}

/**
 * Starts checking the stored token as the entry runs rather than after the first render, so that
 * the first page's reads can go out beside the check (main.tsx) instead of after it.
 */
export function restoreSession(): StoredSession | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY)?.trim();
  if (!token) return undefined;
  const client = createClient(token);
  return { token, client, viewer: whoIs(client) };
}
