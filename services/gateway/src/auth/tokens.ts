import { randomBytes } from 'node:crypto';
import type { Actor } from '@chitieu/domain';
import { ChitieuError, fieldIssuesOf } from '@chitieu/errors';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

export const TOKEN_ISSUER = 'chitieu';
export const TOKEN_AUDIENCE = 'chitieu-gateway';
const ALGORITHM = 'HS256';
const DEFAULT_EXPIRY = '12h';
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
const MIN_SECRET_BYTES = 32;

/** The shared secret that signs and verifies the gateway's tokens. */
export interface TokenKeys {
  secret: Uint8Array;
  /** True when no JWT_SECRET was given and a random one was made: tokens die with the process. */
  generated: boolean;
}

/** The roles a token may carry. 'system' is absent on purpose: only the process itself acts as system. */
export type TokenRole = 'ministry' | 'province' | 'auditor';

export interface TokenClaims {
  /** The actor's id (a user or service account). */
  sub: string;
  role: TokenRole;
  /** Required for role 'province': the tenant the actor manages. */
  province?: string;
}

/**
 * The signing key from `JWT_SECRET`. Without one, outside production, a random 32-byte key is made so
 * that development needs no setup; in production a missing or short secret is refused, because a
 * generated key would silently log everyone out on every restart and a short one is guessable.
 */
export function createTokenKeys(env: { JWT_SECRET?: string; NODE_ENV?: string }): TokenKeys {
  const production = env.NODE_ENV === 'production';
  if (env.JWT_SECRET === undefined || env.JWT_SECRET === '') {
    if (production) throw new Error('JWT_SECRET must be set in production (at least 32 bytes)');
    return { secret: new Uint8Array(randomBytes(MIN_SECRET_BYTES)), generated: true };
  }
  const secret = new TextEncoder().encode(env.JWT_SECRET);
  if (production && secret.length < MIN_SECRET_BYTES) {
    throw new Error(`JWT_SECRET is ${secret.length} bytes; production needs at least ${MIN_SECRET_BYTES}`);
  }
  return { secret, generated: false };
}

const roleSchema = z.enum(['ministry', 'province', 'auditor'], {
  error: (issue) =>
    issue.input === 'system'
      ? "role 'system' is never accepted from a token"
      : `unknown role ${JSON.stringify(issue.input)} (expected ministry, province or auditor)`,
});

const claimsSchema = z
  .object({
    sub: z.string().trim().min(1).max(200),
    role: roleSchema,
    province: z.string().min(1).max(63).optional(),
  })
  .superRefine((claims, context) => {
    if (claims.role === 'province' && claims.province === undefined) {
      context.addIssue({ code: 'custom', path: ['province'], message: "role 'province' needs a province claim" });
    }
    if (claims.role !== 'province' && claims.province !== undefined) {
      context.addIssue({ code: 'custom', path: ['province'], message: "only role 'province' may carry a province" });
    }
  });

/**
 * Signs a token for `claims` (HS256, issuer 'chitieu', audience 'chitieu-gateway', 12 h by default).
 * `expiresIn` is a number and a unit: `90s`, `30m`, `12h`, `7d`. `now` is for tests.
 */
export async function signToken(
  keys: TokenKeys,
  claims: TokenClaims,
  options: { expiresIn?: string; now?: Date } = {},
): Promise<string> {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw new Error(`cannot sign token: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const { sub, ...rest } = parsed.data;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + durationSeconds(options.expiresIn ?? DEFAULT_EXPIRY))
    .sign(keys.secret);
}

/**
 * The actor a token names, or UNAUTHENTICATED saying why not (expired, bad signature, malformed,
 * wrong issuer or audience, bad claims). `details.reason` carries the same as a stable word.
 */
export async function verifyToken(keys: TokenKeys, token: string, now?: Date): Promise<Actor> {
  let payload: unknown;
  try {
    const verified = await jwtVerify(token, keys.secret, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp'],
      ...(now ? { currentDate: now } : {}),
    });
    payload = verified.payload;
  } catch (error) {
    throw unauthenticatedFrom(error);
  }
  const parsed = claimsSchema.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const issues = fieldIssuesOf(parsed.error);
    const message = issues.map((issue) => issue.message).join('; ');
    throw new ChitieuError('UNAUTHENTICATED', `invalid token claims: ${message}`, { reason: 'bad_claims' }, issues);
  }
  const { sub, role, province } = parsed.data;
  return province === undefined ? { id: sub, role } : { id: sub, role, province };
}

function unauthenticatedFrom(error: unknown): ChitieuError {
  const fail = (reason: string, message: string) =>
    new ChitieuError('UNAUTHENTICATED', message, { reason }, [], { cause: error });
  if (error instanceof errors.JWTExpired) {
    const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : undefined;
    return fail('expired', exp ? `token expired at ${exp}` : 'token expired');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return fail('bad_signature', 'token signature is invalid');
  if (error instanceof errors.JOSEAlgNotAllowed) return fail('bad_algorithm', `token must be signed with ${ALGORITHM}`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return fail('wrong_audience', `token audience is not ${TOKEN_AUDIENCE}`);
    if (error.claim === 'iss') return fail('wrong_issuer', `token issuer is not ${TOKEN_ISSUER}`);
    if (error.claim === 'nbf') return fail('not_yet_valid', 'token is not valid yet');
    if (error.reason === 'missing') return fail('bad_claims', `token lacks the "${error.claim}" claim`);
    return fail('bad_claims', `token claim "${error.claim}" is invalid`);
  }
  return fail('malformed', 'token is malformed');
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function durationSeconds(text: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  const unit = match ? UNIT_SECONDS[match[2] as string] : undefined;
  if (!match || unit === undefined) throw new Error(`expiresIn must look like 90s, 30m, 12h or 7d, got ${text}`);
  return Number(match[1]) * unit;
}
