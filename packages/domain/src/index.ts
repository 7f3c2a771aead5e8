export * from './catalogue/index.js';
export * from './comparison/index.js';
export { domainEvents, domainRegistry } from './events.js';
export * from './figures/index.js';
export * from './import/index.js';
export * from './plan/index.js';
export * from './progress/index.js';
export { buildReference } from './reference.js';
export * from './registry/index.js';
export * from './report/index.js';
export * from './round/index.js';
export * from './seed/fixtures/index.js';
export { type Actor, actorSchema, NATIONAL_TENANT } from './shared/actor.js';
export { checkFigure, checkProvinceOpen } from './shared/checks.js';
export { type Comparator, comparatorSchema, meets } from './shared/comparator.js';
export { type Decider, type DecisionContext, type DomainEvent, fold } from './shared/decider.js';
export { isoDateSchema, legalDocumentSchema, planDocumentKindSchema } from './shared/document.js';
export { forbidden, invalid, notFound, provinceMerged } from './shared/errors.js';
export {
  assertNever,
  type DateInterval,
  overlaps,
  type Period,
  periodBounds,
  periodKey,
  periodSchema,
} from './shared/period.js';
export {
  type Combine,
  combineSchema,
  type Direction,
  directionSchema,
  type IndicatorInfo,
  type ProvinceInfo,
  type Reference,
} from './shared/reference.js';
export { slugify } from './shared/slug.js';
export { streams } from './shared/streams.js';
export { convert, convertible, UNIT_SYMBOLS, type Unit, unitSchema } from './shared/units.js';
