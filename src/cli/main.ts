/**
 * crossfoot CLI: `crossfoot <file.html | file.pdf | file.xlsx | folder | http(s) URL> [options]`.
 * Bad input ends with a one-line message and a non-zero exit code, never a stack trace. The
 * options are read first; the readers and the engine are loaded only when there is something to
 * check, so `--help` and `--version` answer at once.
 */
import { HelpRequested, parseArgs, USAGE, VERSION_LINE, VersionRequested, type Args } from './args.js';
import { fail, OutputError, write } from './output.js';
import type { ScriptRenderer } from './render.js';
import { isMainThread, workerData } from 'node:worker_threads';

export { writeAll } from './output.js';

// a worker of the pool runs this same bundle: it serves files instead of reading a command line
if (!isMainThread && (workerData as { crossfootWorker?: boolean } | null)?.crossfootWorker) void import('./worker.js').then((w) => w.serveWorker());

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    try {
      if (e instanceof HelpRequested) return (write(USAGE), 0);
      if (e instanceof VersionRequested) return (write(VERSION_LINE), 0);
    } catch {
      return 4;
    }
    fail(e instanceof Error ? e.message : String(e));
    return 2;
  }
  let renderer: ScriptRenderer | undefined;
  try {
    const [{ run }, { setWorkerEntry }] = await Promise.all([import('./run.js'), import('./pool.js')]);
    setWorkerEntry(new URL(import.meta.url));
    return await run(args, (r) => (renderer = r));
  } catch (e) {
    if (e instanceof OutputError) {
      fail(`the output could not be written in full (${e.message})`);
      return 4;
    }
    throw e;
  } finally {
    await renderer?.close();
  }
}

export default main;
