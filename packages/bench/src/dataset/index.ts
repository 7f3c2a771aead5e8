// A deterministic dataset of ~100× the seed documents, and its loader, for benchmarks over realistic data.
export { countByType, type DatasetOptions, DEFAULT_SEED, type GeneratedCommand, generateDataset } from './generate.js';
export { decideDataset, nationalReference } from './in-memory.js';
export { type LoadOptions, type LoadSummary, loadDataset } from './load.js';
