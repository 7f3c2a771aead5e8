// The province registry (stream `national/registry`), for the package index.
export * from './commands.js';
export { decideRegistry, registryDecider } from './decide.js';
export * from './events.js';
export * from './evolve.js';
export * from './load-provinces-csv.js';
export * from './read-provinces-csv.js';
export * from './reference.js';
export { dayBefore, type Validity, validOn } from './validity.js';
