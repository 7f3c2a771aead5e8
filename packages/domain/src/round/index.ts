// The round aggregate (stream `<tenant>/round/<id>`), for the package index.
export * from './commands.js';
export { decideRound, LEVEL_ORDER, roundDecider } from './decide.js';
export * from './events.js';
export { evolveRound, initialRoundState, type RoundState } from './evolve.js';
export { type ExpectedUnits, type LevelReportStatus, lateOrMissing, lateReports } from './late-reports.js';
