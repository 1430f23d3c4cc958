// Builds the command-line tool into dist/cli (crossfoot.mjs and its chunks), bundling the
// project's TypeScript for Node; dependencies stay in node_modules. Run by `npm run build`, by
// `npm ci` (the `prepare` step) and by scripts/crossfoot.mjs when a source is newer than the build.
// Several processes may ask at once (tests run the CLI in parallel): one builds under a lock file,
// the others wait for it; the entry file is written last, by a rename, so no process ever loads a
// half-written build.
import { build } from 'vite';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, 'dist/cli');
export const ENTRY = path.join(OUT, 'crossfoot.mjs');
const LOCK = path.join(ROOT, 'dist/cli.lock');
/** What the build is made of: a newer file here makes it stale. */
const SOURCES = ['src', 'package.json', 'package-lock.json', 'scripts/build-cli.mjs'];

function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const name of readdirSync(p)) if (!name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) m = Math.max(m, newest(path.join(p, name)));
  return m;
}

/** Whether dist/cli is missing or older than a source. */
export function stale() {
  if (!existsSync(ENTRY)) return true;
  const built = statSync(ENTRY).mtimeMs;
  return SOURCES.some((s) => newest(path.join(ROOT, s)) > built);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Takes the build lock (waiting while another process builds); null when the build became fresh meanwhile. */
function lock() {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 50) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      return true;
    } catch {
      // a lock left by a build that died is taken over after two minutes
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) unlinkSync(LOCK);
      } catch {
        /* gone already */
      }
      Atomics.wait(pause, 0, 0, 50);
      if (waited > 1000 && !stale()) return null;
    }
  }
}

export async function buildCli({ force = false } = {}) {
  if (!force && !stale()) return false;
  if (lock() === null) return false;
  try {
    if (!force && !stale()) return false;
    const tmp = path.join(ROOT, `dist/.cli-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: true,
        outDir: tmp,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        reportCompressedSize: false,
        rollupOptions: {
          input: { crossfoot: path.join(ROOT, 'src/cli/main.ts') },
          output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
        },
      },
      ssr: { target: 'node' },
    });
    mkdirSync(path.join(OUT, 'chunks'), { recursive: true });
    // chunks have content-hashed names: put them first, the entry last (atomically)
    for (const name of readdirSync(path.join(tmp, 'chunks'))) renameSync(path.join(tmp, 'chunks', name), path.join(OUT, 'chunks', name));
    renameSync(path.join(tmp, 'crossfoot.mjs'), ENTRY);
    rmSync(tmp, { recursive: true, force: true });
    // chunks of earlier builds that no process can still be loading
    for (const name of readdirSync(path.join(OUT, 'chunks'))) {
      const f = path.join(OUT, 'chunks', name);
      if (Date.now() - statSync(f).mtimeMs > 600_000) rmSync(f, { force: true });
    }
    writeFileSync(path.join(OUT, 'package.json'), '{ "type": "module" }\n');
    return true;
  } finally {
    rmSync(LOCK, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli({ force: true });
  console.log('built dist/cli');
}
