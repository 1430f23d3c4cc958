/**
 * Questions about rates (category rate-anomaly) are listed and counted apart from contradictions.
 * Kept in a module of its own so that the popup can tell them apart without taking in the engine.
 */
export function isAnomaly(f: { readonly category: string }): boolean {
  return f.category === 'rate-anomaly';
}
