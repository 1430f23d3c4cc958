#!/usr/bin/env node
// The crossfoot command: runs the built CLI (dist/cli/crossfoot.mjs). The build is made by
// `npm run build` and `npm ci`; when a source is newer than it (during development), it is built
// again first, so running the CLI stays one command.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/cli/crossfoot.mjs');

/** Whether the build may be older than the sources: only a checkout with its sources can tell (and rebuild). */
async function ensureBuilt() {
  const hasSources = existsSync(path.join(root, 'src/cli/main.ts'));
  if (!hasSources) return;
  if (existsSync(entry) && process.env.CROSSFOOT_NO_REBUILD === '1') return;
  // buildCli walks src/ for a newer source (a few milliseconds) and loads Vite only to rebuild
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}

try {
  await ensureBuilt();
  const { main } = await import(pathToFileURL(entry).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`crossfoot: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.CROSSFOOT_DEBUG) console.error(e);
  process.exitCode = 70;
}
