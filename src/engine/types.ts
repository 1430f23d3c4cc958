/** The finding types live in src/contract (below every floor that speaks of findings); re-exported for the engine's own modules. */
export * from '../contract/types.js';
