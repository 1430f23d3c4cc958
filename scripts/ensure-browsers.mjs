// Makes sure the browsers the tests and the demo drive are installed: Debian's chromium and
// firefox-esr, and fonts-noto-cjk so Chinese renders in screenshots. Installs what is missing with
// apt-get when running as root (CI, fresh machines); otherwise says what to install.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const wanted = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'firefox-esr', present: () => existsSync('/usr/bin/firefox-esr') },
  {
    pkg: 'fonts-noto-cjk',
    present: () => {
      try {
        return /Noto (Sans|Serif) CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
      } catch {
        return existsSync('/usr/share/fonts/opentype/noto');
      }
    },
  },
];
const only = process.argv.slice(2);
const missing = wanted.filter((w) => (only.length === 0 || only.includes(w.pkg)) && !w.present()).map((w) => w.pkg);
if (missing.length === 0) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`crossfoot: please install ${missing.join(', ')} (e.g. sudo apt-get install -y ${missing.join(' ')})`);
  process.exit(1);
}
console.log(`installing ${missing.join(', ')} …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', ...missing],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`crossfoot: apt-get ${args[0]} failed; install ${missing.join(', ')} by hand`);
    process.exit(1);
  }
}
