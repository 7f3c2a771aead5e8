export type { ErrorCode, FieldIssue, IssueParam, RuleCode, ZodIssueCode } from './chitieu-error.js';
export { ChitieuError, isChitieuError, RULE_CODES, ZOD_ISSUE_CODES } from './chitieu-error.js';
export { fieldIssueOf, fieldIssuesOf } from './zod-issue.js';
