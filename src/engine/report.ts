/**
 * The report's types and pure helpers live in src/contract/report.ts (the contract below the rules);
 * this module re-exports them for the engine's side. Building a report is src/pipeline/report.ts.
 */
export * from '../contract/report.js';
