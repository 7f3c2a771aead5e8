export {
  parseCsvTable,
  parseJsonTable,
  parseXlsxTable,
  readTable,
  TABLE_FORMATS,
  type TableFormat,
  type TableRow,
} from './read-table.js';
export {
  type IndicatorMatch,
  matchIndicator,
  normalizeName,
  type RowContext,
  type RowIndicator,
  resolveIndicator,
  resolveRow,
} from './resolve-indicator.js';
export {
  type Baseline,
  findColumns,
  type ImportedTargets,
  type TableFault,
  type TargetsFromTableOptions,
  targetsFromTable,
  type YearColumn,
} from './targets-from-table.js';
