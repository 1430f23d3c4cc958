#!/usr/bin/env node
// The crossfoot command: loads the TypeScript CLI (src/cli/main.ts) through Vite's SSR module
// loader, so a fresh clone runs it without a build step.
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let server;
try {
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const { main } = await server.ssrLoadModule(path.join(root, 'src/cli/main.ts'));
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`crossfoot: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.CROSSFOOT_DEBUG) console.error(e);
  process.exitCode = 70;
} finally {
  await server?.close();
}
