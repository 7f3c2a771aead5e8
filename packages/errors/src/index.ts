export type { ErrorCode, FieldIssue } from './chitieu-error.js';
export { ChitieuError, isChitieuError } from './chitieu-error.js';
