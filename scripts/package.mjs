// `npm run package`: the store packages, from a fresh build. The Chrome Web Store takes a zip of
// dist/chrome; addons.mozilla.org a zip of dist/firefox made by `web-ext build`. Both are named with
// the version from package.json (which the manifest and src/model/version.ts must equal: a test
// holds them so), and written to artifacts/package/.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, 'artifacts/package');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const webExt = path.join(root, 'node_modules/.bin/web-ext');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
for (const target of ['chrome', 'firefox']) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist', target, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) throw new Error(`dist/${target}/manifest.json says ${manifest.version}, package.json ${version}`);
  const name = `crossfoot-${target}-${version}.zip`;
  execFileSync(webExt, ['build', '--source-dir', path.join(root, 'dist', target), '--artifacts-dir', out, '--filename', name, '--overwrite-dest', '--no-input'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: root,
  });
  if (!existsSync(path.join(out, name))) throw new Error(`${name} was not written`);
  console.log(`packaged artifacts/package/${name}`);
}
