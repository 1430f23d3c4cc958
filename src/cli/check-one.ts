/**
 * One document checked: loaded, read and run through the engine, with the time each took. What a
 * worker thread does for each file of a folder, and what the CLI does itself for a single file.
 */
import { type Report } from '../contract/report.js';
import { checkDocument } from '../pipeline/report.js';
import type { Thresholds } from '../engine/settings.js';
import { InputError, loadOne, type LoadOptions } from './load.js';

export type Outcome =
  | { readonly ok: true; readonly source: string; readonly notes: string[]; readonly report: Report; readonly read: number; readonly engine: number }
  /** `input`: bad input (a message and an exit code for the user); otherwise an internal error. */
  | { readonly ok: false; readonly message: string; readonly code: number; readonly input: boolean };

export async function checkOne(file: string, options: LoadOptions, thresholds: Thresholds): Promise<Outcome> {
  try {
    const t0 = performance.now();
    const loaded = await loadOne(file, options);
    const t1 = performance.now();
    const report = checkDocument(loaded.document, loaded.source, { thresholds });
    return { ok: true, source: loaded.source, notes: loaded.notes, report, read: t1 - t0, engine: performance.now() - t1 };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, message: e.message, code: e.code, input: true };
    if (process.env.CROSSFOOT_DEBUG) console.error(e);
    return { ok: false, message: e instanceof Error ? e.message : String(e), code: 70, input: false };
  }
}
