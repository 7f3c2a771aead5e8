import type { FieldIssue } from '@chitieu/errors';
import { LIMITS } from './limits.js';

/**
 * Checks that `value` survives JSON and jsonb unchanged, recording every place it would not:
 * non-finite numbers (JSON.stringify silently writes null), bigint, functions, class instances,
 * NUL characters and lone surrogates (jsonb rejects them), too deep nesting. Properties whose value is
 * `undefined` are absent in JSON and are accepted as absent.
 */
export function collectJsonIssues(value: unknown, path: string, issues: FieldIssue[], depth = 0): void {
  if (depth > LIMITS.maxDepth) {
    issues.push({ path, message: `nested deeper than ${LIMITS.maxDepth} levels` });
    return;
  }
  switch (typeof value) {
    case 'string':
      checkString(value, path, issues);
      return;
    case 'number':
      if (!Number.isFinite(value)) issues.push({ path, message: `${value} is not a JSON number` });
      return;
    case 'boolean':
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item === undefined) issues.push({ path: `${path}.${index}`, message: 'undefined is not JSON' });
          else collectJsonIssues(item, `${path}.${index}`, issues, depth + 1);
        });
        return;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        issues.push({ path, message: `a ${value.constructor?.name ?? 'non-plain'} object is not JSON` });
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        checkString(key, `${path}.${key}`, issues);
        if (item !== undefined) collectJsonIssues(item, `${path}.${key}`, issues, depth + 1);
      }
      return;
    default:
      issues.push({ path, message: `a ${typeof value} is not JSON` });
  }
}

function checkString(value: string, path: string, issues: FieldIssue[]): void {
  if (value.includes('\u0000')) issues.push({ path, message: 'contains a NUL character' });
  else if (!value.isWellFormed()) issues.push({ path, message: 'contains a lone surrogate' });
}

/** The value as it will be read back: what is hashed must be exactly what is stored. */
export function normaliseJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
