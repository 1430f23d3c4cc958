/**
 * Property tests run with a fixed seed and a bounded number of cases inside `npm test`; `npm run
 * fuzz` (CROSSFOOT_FUZZ=1) runs many more cases with a fresh seed, printed so a failure can be
 * replayed with CROSSFOOT_SEED=<seed>.
 */
import fc from 'fast-check';

export const FUZZ = process.env.CROSSFOOT_FUZZ === '1';
const SEED = process.env.CROSSFOOT_SEED ? Number(process.env.CROSSFOOT_SEED) : FUZZ ? Date.now() % 2 ** 31 : 20261121;

/** fast-check parameters: `runs` cases in npm test, `fuzzRuns` with npm run fuzz. */
export function params(runs: number, fuzzRuns = runs * 20): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: FUZZ ? fuzzRuns : runs, endOnFailure: true, interruptAfterTimeLimit: FUZZ ? 600_000 : 60_000 };
}

export function seedNote(): string {
  return `seed ${SEED}${FUZZ ? ' (fuzz)' : ''}`;
}

/** A deterministic pseudo-random source for sampling (mulberry32). */
export function random(seed = SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
