/**
 * Long work in small steps. A pipeline stage written as a generator yields between units of work
 * (a table read, a table recognised, a rule run on a table); the CLI drains it at once with
 * `runSync`, the content script runs it in time slices and gives the page a turn between them, so
 * that no task of ours blocks the page for long. A step may yield a label (the rule about to run),
 * which the content script's timings use to say where its longest slice went.
 */
export type Steps<T> = Generator<string | void, T, void>;

/** Runs every step at once and returns the result. */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
