// Runs a TypeScript module of this repository in Node through Vite's SSR loader (no build step).
// Usage: node scripts/run-ts.mjs <module.ts> [args…]   — the module's default export is called with args.
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
let code = 0;
try {
  const mod = await server.ssrLoadModule(path.resolve(root, entry));
  code = (await mod.default(args)) ?? 0;
} finally {
  await server.close();
}
process.exitCode = code;
