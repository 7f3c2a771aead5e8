export { decideAdoptPlan } from './adopt.js';
export * from './commands.js';
export { decidePlan, planDecider } from './decide.js';
export * from './events.js';
export * from './evolve.js';
export * from './inheritance.js';
export * from './targets.js';
