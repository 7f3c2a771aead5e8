import { ChitieuError } from '@chitieu/errors';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenKeys, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyToken } from './tokens.js';

const keys = createTokenKeys({ JWT_SECRET: 'a-test-secret-that-is-long-enough-32b' });
const now = new Date('2026-03-01T08:00:00Z');

async function rejection(promise: Promise<unknown>): Promise<ChitieuError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChitieuError);
  const chitieu = error as ChitieuError;
  expect(chitieu.code).toBe('UNAUTHENTICATED');
  return chitieu;
}

/** A token signed with the right key but claims signToken would never write. */
function rawToken(claims: Record<string, unknown>, audience = TOKEN_AUDIENCE): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(keys.secret);
}

describe('createTokenKeys', () => {
  it('uses JWT_SECRET when given', () => {
    const made = createTokenKeys({ JWT_SECRET: 'x'.repeat(40), NODE_ENV: 'production' });
    expect(made.generated).toBe(false);
    expect(made.secret).toHaveLength(40);
  });

  it('generates a random key outside production', () => {
    const a = createTokenKeys({});
    const b = createTokenKeys({ NODE_ENV: 'development' });
    expect(a.generated).toBe(true);
    expect(a.secret).toHaveLength(32);
    expect(Buffer.from(a.secret).equals(Buffer.from(b.secret))).toBe(false);
  });

  it('refuses production without a secret, or with a short one', () => {
    expect(() => createTokenKeys({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => createTokenKeys({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });
});

describe('signToken and verifyToken', () => {
  it('round-trips a province actor', async () => {
    const token = await signToken(keys, { sub: 'u-1', role: 'province', province: 'kien-giang' }, { now });
    expect(await verifyToken(keys, token, now)).toEqual({ id: 'u-1', role: 'province', province: 'kien-giang' });
  });

  it('round-trips a ministry actor without a province', async () => {
    const token = await signToken(keys, { sub: 'm-1', role: 'ministry' }, { now });
    expect(await verifyToken(keys, token, now)).toEqual({ id: 'm-1', role: 'ministry' });
  });

  it('refuses an expired token, saying when it expired', async () => {
    const token = await signToken(keys, { sub: 'u-1', role: 'auditor' }, { now, expiresIn: '30m' });
    const later = new Date(now.getTime() + 31 * 60_000);
    const error = await rejection(verifyToken(keys, token, later));
    expect(error.message).toBe('token expired at 2026-03-01T08:30:00.000Z');
    expect(error.details).toEqual({ reason: 'expired' });
  });

  it('expires after 12 hours by default', async () => {
    const token = await signToken(keys, { sub: 'u-1', role: 'auditor' }, { now });
    await expect(verifyToken(keys, token, new Date(now.getTime() + 11 * 3_600_000))).resolves.toBeDefined();
    await rejection(verifyToken(keys, token, new Date(now.getTime() + 13 * 3_600_000)));
  });

  it('refuses a token signed with another key', async () => {
    const other = createTokenKeys({ JWT_SECRET: 'another-secret-another-secret-xx' });
    const token = await signToken(other, { sub: 'u-1', role: 'ministry' }, { now });
    const error = await rejection(verifyToken(keys, token, now));
    expect(error.message).toBe('token signature is invalid');
  });

  it('refuses a forged payload under a valid signature', async () => {
    const token = await signToken(keys, { sub: 'u-1', role: 'auditor' }, { now });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'u-1', role: 'ministry' })).toString('base64url');
    const error = await rejection(verifyToken(keys, `${header}.${payload}.${signature}`, now));
    expect(error.message).toBe('token signature is invalid');
  });

  it('refuses a malformed token', async () => {
    const error = await rejection(verifyToken(keys, 'not-a-jwt', now));
    expect(error.message).toBe('token is malformed');
  });

  it('refuses a token for another audience', async () => {
    const token = await rawToken({ role: 'ministry' }, 'someone-else');
    const error = await rejection(verifyToken(keys, token, now));
    expect(error.message).toBe('token audience is not chitieu-gateway');
  });

  it("refuses role 'province' without a province", async () => {
    const token = await rawToken({ role: 'province' });
    const error = await rejection(verifyToken(keys, token, now));
    expect(error.message).toBe("invalid token claims: role 'province' needs a province claim");
    expect(error.field).toBe('province');
  });

  it("never accepts role 'system'", async () => {
    const token = await rawToken({ role: 'system' });
    const error = await rejection(verifyToken(keys, token, now));
    expect(error.message).toBe("invalid token claims: role 'system' is never accepted from a token");
    await expect(signToken(keys, { sub: 'x', role: 'system' as 'ministry' })).rejects.toThrow(/system/);
  });

  it('refuses an unknown role', async () => {
    const token = await rawToken({ role: 'admin' });
    const error = await rejection(verifyToken(keys, token, now));
    expect(error.message).toMatch(/unknown role "admin"/);
  });
});
