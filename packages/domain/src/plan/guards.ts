import { type FieldIssue, fieldIssueOf } from '@chitieu/errors';
import type { z } from 'zod';
import type { Actor } from '../shared/actor.js';
import { checkFigure, checkProvinceOpen } from '../shared/checks.js';
import { forbidden } from '../shared/errors.js';
import type { Reference } from '../shared/reference.js';
import type { Unit } from '../shared/units.js';

/**
 * The decider's own check of who decides, behind the handler's `authorize`: a province actor of the
 * plan's province, a province actor of its successor (recording for a predecessor; the date rules of
 * `checkOpenOn` then keep that to dates before the merger), or `system`. Anyone else is FORBIDDEN.
 */
export function checkActor(actor: Actor, province: string, reference: Reference): void {
  if (actor.role === 'system') return;
  if (actor.role === 'province' && actor.province !== undefined) {
    if (actor.province === province) return;
    if (reference.province(actor.province)?.predecessors.includes(province)) return;
  }
  const who = actor.role === 'province' ? `a province actor of ${actor.province ?? '(no province)'}` : actor.role;
  throw forbidden(`${who} may not decide on plans of ${province}`, { province, actor: actor.id, role: actor.role });
}

/**
 * Validates command data with the event's schema and returns the parsed data (trimmed, as it will be
 * recorded), or pushes every issue at its path in the data (`targets.3.year`) and returns undefined.
 * The event schema is the one statement of the shape; the command is checked against it before the
 * rules run, so a rule never reads a malformed field.
 */
export function parseData<T>(schema: z.ZodType<T>, data: unknown, issues: FieldIssue[]): T | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push(fieldIssueOf(issue, issue.path.map(String).join('.') || 'data'));
  }
  return undefined;
}

/**
 * Refuses a change dated after the province ended (PROVINCE_MERGED, naming the successor): a merged
 * province issues no documents and its plans change no more. Pushes a VALIDATION_FAILED issue for a
 * date before a successor existed.
 */
export function checkOpenOn(
  reference: Reference,
  province: string,
  date: string,
  path: string,
  issues: FieldIssue[],
): void {
  const issue = checkProvinceOpen(reference, province, { from: date, to: date }, path);
  if (issue) issues.push(issue);
}

/**
 * `checkFigure` for a figure at the root of a command (a revision's `value` and `unit`): the shared
 * check names paths under a prefix, so it runs under a scratch one that is then stripped.
 */
export function checkRootFigure(
  reference: Reference,
  figure: { indicator: string; value?: number | undefined; unit?: Unit | undefined },
  issues: FieldIssue[],
): void {
  const scratch: FieldIssue[] = [];
  checkFigure(reference, figure, '_', scratch);
  for (const issue of scratch) issues.push({ ...issue, path: issue.path.replace(/^_\./, '') });
}

/**
 * Today in Vietnam, as an ISO date. Documents are dated in local time (UTC+7, no daylight saving);
 * a plan signed on the morning of the 14th is still the 13th in UTC.
 */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
