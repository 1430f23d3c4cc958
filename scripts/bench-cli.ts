/**
 * The command-line part of `npm run bench`, each figure measured side by side in this run, as whole
 * `crossfoot` processes (what a user waits for):
 * - start: `crossfoot --help` and `--version`, wall time (median);
 * - the largest fixture page: the whole run's wall time against the engine's own time on the same
 *   document in the same run (from CROSSFOOT_TIMINGS), and where the rest went (start, read, output);
 * - a folder: the fixture pages with `--summary`, reports per minute on the worker pool and on one
 *   thread (CROSSFOOT_WORKERS=1), and the largest resident memory of each.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface CliFigures {
  /** `--help` wall time, ms (median). */
  readonly helpMs: number;
  readonly versionMs: number;
  readonly largest: { readonly page: string; readonly bytes: number; readonly wallMs: number; readonly engineMs: number; readonly readMs: number; readonly startMs: number; readonly ratio: number };
  readonly folder: {
    readonly files: number;
    readonly workers: number;
    readonly wallMs: number;
    readonly perMinute: number;
    readonly oneThreadWallMs: number;
    readonly oneThreadPerMinute: number;
    readonly maxRssKb: number;
    readonly oneThreadMaxRssKb: number;
  };
}

interface Run {
  readonly wallMs: number;
  readonly code: number;
  readonly stderr: string;
  readonly maxRssKb: number;
}

/** One CLI process, timed from spawn to exit; its peak memory from /usr/bin/time where there is one. */
function runCli(root: string, args: string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<Run> {
  return new Promise((resolve) => {
    // the peak memory comes from GNU time where it is installed (Debian's "time" package)
    const useTime = existsSync('/usr/bin/time');
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const argv = useTime ? ['-f', '%M', process.execPath, path.join(root, 'scripts/crossfoot.mjs'), ...args] : [path.join(root, 'scripts/crossfoot.mjs'), ...args];
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, CROSSFOOT_NO_REBUILD: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const done = (code: number): void => {
      clearTimeout(timer);
      const lines = stderr.trim().split('\n');
      const rss = useTime ? Number(lines.at(-1)) : 0;
      resolve({ wallMs: performance.now() - t0, code, stderr: useTime ? lines.slice(0, -1).join('\n') : stderr, maxRssKb: Number.isFinite(rss) ? rss : 0 });
    };
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 137));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function timingsOf(stderr: string): { read: number; engine: number; output: number; total: number; startup: number } | null {
  const line = stderr.split('\n').find((l) => l.startsWith('crossfoot-timings '));
  return line ? (JSON.parse(line.slice('crossfoot-timings '.length)) as { read: number; engine: number; output: number; total: number; startup: number }) : null;
}

export async function benchCli(root: string, pagesDir: string, runs: number): Promise<CliFigures> {
  // the build must exist and be current before anything is timed
  const { buildCli } = (await import(path.join(root, 'scripts/build-cli.mjs'))) as { buildCli: (o?: { force?: boolean }) => Promise<boolean> };
  await buildCli();
  const help: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < Math.max(runs, 5); i++) {
    help.push((await runCli(root, ['--help'])).wallMs);
    version.push((await runCli(root, ['--version'])).wallMs);
  }
  // the largest fixture page, by size
  const names = (await readdir(pagesDir)).filter((f) => f.endsWith('.html'));
  const sizes = await Promise.all(names.map(async (n) => ({ n, bytes: (await stat(path.join(pagesDir, n))).size })));
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const samples: Array<{ wall: number; engine: number; read: number; start: number }> = [];
  for (let i = 0; i < runs; i++) {
    const r = await runCli(root, [path.join(pagesDir, largest.n), '--format', 'json'], { CROSSFOOT_TIMINGS: '1' });
    const t = timingsOf(r.stderr);
    if (r.code !== 0 || !t) throw new Error(`crossfoot on ${largest.n} failed (${r.code}): ${r.stderr.slice(0, 200)}`);
    samples.push({ wall: r.wallMs, engine: t.engine, read: t.read, start: t.startup });
  }
  const wall = median(samples.map((s) => s.wall));
  const engine = median(samples.map((s) => s.engine));
  // the folder: every fixture page, on the pool and on one thread
  const pool: Run[] = [];
  const one: Run[] = [];
  const folderRuns = Math.max(1, Math.min(runs, 3));
  for (let i = 0; i < folderRuns; i++) {
    pool.push(await runCli(root, [pagesDir, '--summary', '--format', 'csv']));
    one.push(await runCli(root, [pagesDir, '--summary', '--format', 'csv'], { CROSSFOOT_WORKERS: '1' }));
  }
  const files = names.length;
  const poolWall = median(pool.map((r) => r.wallMs));
  const oneWall = median(one.map((r) => r.wallMs));
  const { poolSize } = (await import(path.join(root, 'src/cli/pool.ts'))) as { poolSize: (n: number) => number };
  return {
    helpMs: median(help),
    versionMs: median(version),
    largest: {
      page: largest.n,
      bytes: largest.bytes,
      wallMs: wall,
      engineMs: engine,
      readMs: median(samples.map((s) => s.read)),
      startMs: median(samples.map((s) => s.start)),
      ratio: engine > 0 ? wall / engine : 0,
    },
    folder: {
      files,
      workers: poolSize(files),
      wallMs: poolWall,
      perMinute: (files / poolWall) * 60_000,
      oneThreadWallMs: oneWall,
      oneThreadPerMinute: (files / oneWall) * 60_000,
      maxRssKb: Math.max(...pool.map((r) => r.maxRssKb)),
      oneThreadMaxRssKb: Math.max(...one.map((r) => r.maxRssKb)),
    },
  };
}
