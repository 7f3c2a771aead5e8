export type { ErrorCode, FieldIssue, IssueParam, RuleCode, ZodIssueCode } from './chitieu-error.js';
export { ChitieuError, isChitieuError } from './chitieu-error.js';
export { fieldIssueOf } from './zod-issue.js';
