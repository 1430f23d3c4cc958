/**
 * A folder is checked on a pool of worker threads, one per core (at most one per file): each takes
 * the next file, loads, reads and checks it, answers with its report and lets the document go
 * before the next, so memory stays bounded by the pool's size, not the folder's. Results come back
 * in the order of the files whatever order they finish in. A single file, a run with --scripts (one
 * browser for the run) or a machine with one core is checked in this thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Thresholds } from '../engine/settings.js';
import { checkOne, type Outcome } from './check-one.js';
import type { LoadOptions } from './load.js';

/** The entry module's URL (set by main.ts): a worker runs the same bundle. */
let entry: URL | null = null;

export function setWorkerEntry(url: URL): void {
  entry = url;
}

/** Workers for `files` files: the cores the machine gives this process, at most one per file (CROSSFOOT_WORKERS overrides). */
export function poolSize(files: number): number {
  const wanted = Number(process.env.CROSSFOOT_WORKERS);
  const cores = Number.isInteger(wanted) && wanted > 0 ? wanted : typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, files, 16));
}

export interface WorkerTask {
  readonly id: number;
  readonly file: string;
  readonly options: Omit<LoadOptions, 'renderer'>;
  readonly thresholds: Thresholds;
}

/** Checks every file; `done` is called as each finishes (for a progress line). */
export async function checkAll(files: readonly string[], options: LoadOptions, thresholds: Thresholds, done: (finished: number, file: string) => void): Promise<Outcome[]> {
  const size = options.scripts || options.renderer ? 1 : poolSize(files.length);
  const results: Outcome[] = new Array<Outcome>(files.length);
  let finished = 0;
  if (size <= 1 || entry === null) {
    for (const [i, file] of files.entries()) {
      results[i] = await checkOne(file, options, thresholds);
      done(++finished, file);
    }
    return results;
  }
  const plain: Omit<LoadOptions, 'renderer'> = {
    ...(options.fetchTimeout !== undefined ? { fetchTimeout: options.fetchTimeout } : {}),
    ...(options.scriptTimeout !== undefined ? { scriptTimeout: options.scriptTimeout } : {}),
  };
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = new Worker(entry as URL, { workerData: { crossfootWorker: true } });
        workers.push(worker);
        let dead = false;
        while (next < files.length && !dead) {
          const id = next++;
          const file = files[id] as string;
          results[id] = await new Promise<Outcome>((resolve) => {
            const onMessage = (m: { id: number; outcome: Outcome }): void => {
              if (m.id !== id) return;
              cleanup();
              resolve(m.outcome);
            };
            // a worker that dies (out of memory on a monstrous file) fails its file, not the run
            const onError = (e: unknown): void => {
              dead = true;
              cleanup();
              resolve({ ok: false, message: `${file}: ${e instanceof Error ? e.message : String(e)}`, code: 70, input: false });
            };
            const cleanup = (): void => {
              worker.off('message', onMessage);
              worker.off('error', onError);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            const task: WorkerTask = { id, file, options: plain, thresholds };
            worker.postMessage(task);
          });
          done(++finished, file);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // files no worker was left to take (every worker died): checked here
  for (const [i, file] of files.entries()) if (!results[i]) results[i] = await checkOne(file, options, thresholds);
  return results;
}
