// Helpers for decider tests in given/when/then style. Imported by tests only; generic, so that
// round/ uses them too (candidates for shared/ once other aggregates want them).
import { ChitieuError, type ErrorCode } from '@chitieu/errors';
import { expect } from 'vitest';
import type { Actor } from '../shared/actor.js';
import { type Decider, type DecisionContext, type DomainEvent, fold } from '../shared/decider.js';
import type { Reference } from '../shared/reference.js';
import { testReference } from '../shared/test-reference.js';

/** Deterministic UUIDs (`…-000000000001`, `…-000000000002` …): event ids that `z.uuid()` accepts. */
export function uuidSequence(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

/** A province actor of `province`. */
export function provinceActor(province: string): Actor {
  return { id: `officer@${province}`, role: 'province', province };
}

/** A decision context over the test reference data, with fresh deterministic ids. */
export function testContext(actor: Actor, now = '2026-01-15T08:00:00Z'): DecisionContext<Reference> {
  return { actor, now: new Date(now), newId: uuidSequence(), reference: testReference() };
}

/** Runs `run`, expects a ChitieuError with `code` (and a first issue at `path`), returns it. */
export function expectError(run: () => unknown, code: ErrorCode, path?: string): ChitieuError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the decision to fail').toBeInstanceOf(ChitieuError);
  const error = caught as ChitieuError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  if (path !== undefined) expect(error.issues.map((issue) => issue.path)).toContain(path);
  return error;
}

/**
 * `spec(decider).given(events).when(command, context)` then `.thenEmits(expected)`, `.thenFails(code, path)` or
 * `.events()` (to inspect them): the state is folded from `given` exactly as a handler folds a stream.
 */
export function spec<C, S, E extends DomainEvent, R>(decider: Decider<C, S, E, R>) {
  return {
    given: (events: readonly E[]) => ({
      when: (command: C, context: DecisionContext<R>) => {
        const decide = () => decider.decide(command, fold(decider, events), context);
        return {
          thenEmits: (expected: E[]) => expect(decide()).toEqual(expected),
          events: () => decide(),
          thenFails: (code: ErrorCode, path?: string) => expectError(decide, code, path),
        };
      },
    }),
  };
}
