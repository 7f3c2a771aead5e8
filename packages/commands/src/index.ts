export { authorize } from './authorize.js';
export { type Command, type CommandBus, createCommandBus } from './command-bus.js';
export { type CommandOptions, type CommandResult, type Evolving, handleCommand, type Route } from './handle-command.js';
export { createReferenceLoader } from './load-reference.js';
export { loadSeeds, SEED_ACTOR, type SeedSummary, seedDocumentCommands } from './load-seeds.js';
export { catalogueRoute, planRoute, registryRoute, reportRoute, roundRoute } from './routes.js';
