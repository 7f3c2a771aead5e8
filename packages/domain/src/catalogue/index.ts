// The indicator catalogue (stream `national/indicators`), for the package index.
export * from './commands.js';
export { catalogueDecider, decideCatalogue } from './decide.js';
export * from './define-catalogue.js';
export * from './events.js';
export * from './evolve.js';
export * from './indicators.js';
export * from './reference.js';
