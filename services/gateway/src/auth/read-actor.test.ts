import { ChitieuError } from '@chitieu/errors';
import { describe, expect, it } from 'vitest';
import { readActor } from './read-actor.js';
import { createTokenKeys, signToken } from './tokens.js';

const keys = createTokenKeys({ JWT_SECRET: 'read-actor-test-secret-0123456789' });

function request(authorization?: string): Request {
  return new Request('http://localhost/graphql', authorization ? { headers: { authorization } } : {});
}

describe('readActor', () => {
  it('is anonymous without an Authorization header', async () => {
    expect(await readActor(request(), keys)).toBeUndefined();
  });

  it('reads the actor of a bearer token', async () => {
    const token = await signToken(keys, { sub: 'p-1', role: 'province', province: 'lai-chau' });
    expect(await readActor(request(`Bearer ${token}`), keys)).toEqual({
      id: 'p-1',
      role: 'province',
      province: 'lai-chau',
    });
  });

  it('refuses a bad token instead of treating the caller as anonymous', async () => {
    await expect(readActor(request('Bearer nope'), keys)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'token is malformed',
    });
  });

  it('refuses another scheme', async () => {
    const error = await readActor(request('Basic dXNlcjpwYXNz'), keys).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChitieuError);
    expect((error as ChitieuError).message).toBe('Authorization header must be "Bearer <token>"');
  });
});
