import { ChitieuError, type FieldIssue } from '@chitieu/errors';

/** VALIDATION_FAILED naming every faulty field; the message is the first issue. */
export function invalid(issues: FieldIssue[] | FieldIssue): ChitieuError {
  const list = Array.isArray(issues) ? issues : [issues];
  const first = list[0] ?? { path: '', message: 'invalid' };
  const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
  return new ChitieuError('VALIDATION_FAILED', `${first.path}: ${first.message}${more}`, {}, list);
}

/** FORBIDDEN: the actor may not do this here. */
export function forbidden(message: string, details: Record<string, unknown> = {}): ChitieuError {
  return new ChitieuError('FORBIDDEN', message, details);
}

/** NOT_FOUND, naming what is missing at which field. */
export function notFound(path: string, message: string, details: Record<string, unknown> = {}): ChitieuError {
  return new ChitieuError('NOT_FOUND', message, details, [{ path, message }]);
}

/** PROVINCE_MERGED: the province ended on `endedOn`; its data now goes to `successor`. */
export function provinceMerged(province: string, successor: string, endedOn: string, path = 'province'): ChitieuError {
  const message = `${province} was merged into ${successor} and ended on ${endedOn}`;
  const params = { province, successor, endedOn };
  return new ChitieuError('PROVINCE_MERGED', message, params, [{ path, message, code: 'province_merged', params }]);
}
