import type { CombinedError } from '@urql/core';
import type { WireIssue } from './localize-issue.js';

/** What a refused form shows: a message per field it names, and the rest above the form. */
export interface FormErrors {
  fields: Record<string, string>;
  /** The refusal's message, or undefined when every issue found its field. */
  message: string | undefined;
  code: string | undefined;
}

/**
 * The gateway's VALIDATION_FAILED issues (`extensions.issues: [{ path, message, code?, params? }]`)
 * by the form's field names, each worded by `localize` (the English message when not given). Paths
 * come as the command sees them (`data.value`, `value`, `data.document.number`): the form's key is
 * the path without the command's envelope (`input.`, `data.`); a path the form has no field for
 * falls back to its last segment, and else to the form's message. That message lists only the
 * unplaced issues: the refusal's own message repeats the first issue, in English.
 */
export function formErrorsOf(
  error: CombinedError | undefined,
  fieldNames: readonly string[],
  localize: (issue: WireIssue) => string = (issue) => issue.message,
): FormErrors {
  if (!error) return { fields: {}, message: undefined, code: undefined };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code as string | undefined;
  const issues = (first?.extensions?.issues ?? []) as WireIssue[];
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^(input\.)?(data\.)?/u, '');
    const last = path.split('.').at(-1) ?? path;
    const field = fieldNames.includes(path) ? path : fieldNames.includes(last) ? last : undefined;
    const worded = localize(issue);
    if (field === undefined) unplaced.push(path ? `${path}: ${worded}` : worded);
    else fields[field] = fields[field] ? `${fields[field]} ${worded}` : worded;
  }
  const message =
    issues.length === 0 ? (first?.message ?? error.message) : unplaced.length > 0 ? unplaced.join(' — ') : undefined;
  return { fields, message, code };
}
