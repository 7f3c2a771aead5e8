// Comparing provinces across the 2025 merger (docs/progress.md), for the package index.

export { type Combined, type CombineProblem, combineParts, type Part } from './combine.js';
export { type RankRow, rankRows } from './rank.js';
