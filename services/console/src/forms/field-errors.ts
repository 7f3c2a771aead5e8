import type { CombinedError } from '@urql/core';

/** What a refused form shows: a message per field it names, and the rest above the form. */
export interface FormErrors {
  fields: Record<string, string>;
  /** The refusal's message, or undefined when every issue found its field. */
  message: string | undefined;
  code: string | undefined;
}

/**
 * The gateway's VALIDATION_FAILED issues (`extensions.issues: [{ path, message }]`) by the form's
 * field names. Paths come as the command sees them (`data.value`, `value`, `data.document.number`):
 * the form's key is the path without the command's envelope (`input.`, `data.`); a path the form has
 * no field for falls back to its last segment, and else to the form's message.
 */
export function formErrorsOf(error: CombinedError | undefined, fieldNames: readonly string[]): FormErrors {
  if (!error) return { fields: {}, message: undefined, code: undefined };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code as string | undefined;
  const issues = (first?.extensions?.issues ?? []) as Array<{ path: string; message: string }>;
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^(input\.)?(data\.)?/u, '');
    const last = path.split('.').at(-1) ?? path;
    const field = fieldNames.includes(path) ? path : fieldNames.includes(last) ? last : undefined;
    if (field === undefined) unplaced.push(`${issue.path}: ${issue.message}`);
    else fields[field] = fields[field] ? `${fields[field]} ${issue.message}` : issue.message;
  }
  const placedAll = issues.length > 0 && unplaced.length === 0;
  const message = placedAll ? undefined : [first?.message ?? error.message, ...unplaced].join(' — ');
  return { fields, message, code };
}
