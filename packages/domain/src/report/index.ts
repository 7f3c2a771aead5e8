// The report aggregate (stream `<tenant>/report/<indicator>/<period>`), for the package index.

export { parseCommand } from '../shared/parse-command.js';
export {
  type CorrectReport,
  type CorrectReportData,
  correctReportDataSchema,
  type ReportCommand,
  type ReportIndicator,
  type ReportIndicatorData,
  reportIndicatorDataSchema,
} from './commands.js';
export { decideReport, reportDecider } from './decide.js';
export * from './events.js';
export {
  currentVersion,
  evolveReport,
  type IdentifiedReportEvent,
  initialReportState,
  type ReportFigure,
  type ReportState,
  type ReportVersion,
} from './evolve.js';
