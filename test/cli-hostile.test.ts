/**
 * The CLI against documents written to attack it (a real `node scripts/crossfoot.mjs` process):
 * - a page whose script reaches for Node (the timers' constructor, process, require, import()),
 *   redefines textContent, frames a local file and sends requests: with every option and every
 *   format, none of it runs or is read or is requested, and the report still has its finding;
 * - output through pipes, in full (the 000-word fixture's JSON; an 18 MB report through a slow
 *   reader), and inert (a formula label in CSV, ESC and BEL in a title);
 * - documents built to exhaust it (a padding bomb, a 5 MB narrative, a 50 MB table file, a page
 *   nested 1,000 deep): a one-line message or a report that says what it left out, never a crash.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/model/limits.js';
import { fixturesAvailable, pageFile, ROOT } from './support/fixtures.js';

const CLI = path.join(ROOT, 'scripts/crossfoot.mjs');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [CLI, ...args], { cwd, maxBuffer: 256 << 20, timeout: 170_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function shell(command: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['-o', 'pipefail', '-c', command], { cwd: ROOT, maxBuffer: 256 << 20, timeout: 170_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const HEAD = '<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>';
const page = (title: string, body: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
/** A 支出决算表 whose 合计 is wrong: 3.00 printed, 1.00 + 1.00 = 2.00. */
const WRONG_TABLE = `<p>支出决算表</p><p>单位：万元</p><table>${HEAD}<tr><td></td><td>合计</td><td>3.00</td><td>1.00</td><td>1.00</td></tr></table>`;

let dir: string;
let beacon: Server;
let beaconHits: string[];
let beaconOrigin: string;

/** What the hostile page's script tries, each in its own try: any success leaves a file or a request behind. */
function attackScript(marker: (name: string) => string): string {
  const m = (n: string): string => JSON.stringify(marker(n));
  return `<script>
  try { setTimeout.constructor('return process')().mainModule.require('fs').writeFileSync(${m('timer')}, 'x'); } catch (e) {}
  try { setTimeout.constructor('return process')().getBuiltinModule('child_process').execSync('touch ' + ${m('exec')}); } catch (e) {}
  try { globalThis.process.mainModule.require('fs').writeFileSync(${m('process')}, 'x'); } catch (e) {}
  try { require('fs').writeFileSync(${m('require')}, 'x'); } catch (e) {}
  try { import('node:fs').then(function (fs) { fs.writeFileSync(${m('import')}, 'x'); }).catch(function () {}); } catch (e) {}
  try { Object.defineProperty(Node.prototype, 'textContent', { get: function () { return ''; }, configurable: true }); } catch (e) {}
  try { Object.defineProperty(CharacterData.prototype, 'data', { get: function () { return '0'; }, configurable: true }); } catch (e) {}
  try { Array.prototype.push = function () { throw new Error('broken'); }; } catch (e) {}
  try { fetch('${beaconOrigin}/fetch').catch(function () {}); } catch (e) {}
  try { navigator.sendBeacon('${beaconOrigin}/beacon', 'x'); } catch (e) {}
  try { new WebSocket('${beaconOrigin.replace('http', 'ws')}/ws'); } catch (e) {}
  try { var i = new Image(); i.src = '${beaconOrigin}/image'; } catch (e) {}
</script>`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-hostile-'));
  beaconHits = [];
  beacon = createServer((req, res) => {
    beaconHits.push(req.url ?? '');
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
  beaconOrigin = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  await mkdir(path.join(dir, 'doc'));
  await mkdir(path.join(dir, 'secret'));
  await mkdir(path.join(dir, 'markers'));
  // a budget table outside the document's folder, with an error of its own: it must never be read
  await writeFile(path.join(dir, 'secret', 'secret.html'), page('SECRET', `<p>支出决算表</p><table>${HEAD}<tr><td></td><td>合计SECRET</td><td>9.00</td><td>1.00</td><td>1.00</td></tr></table>`));
  const frames = [
    `<iframe src="../secret/secret.html"></iframe>`,
    `<iframe src="${new URL(`file://${path.join(dir, 'secret', 'secret.html')}`).href}"></iframe>`,
    `<iframe src="file:///etc/passwd"></iframe>`,
    `<iframe src="${beaconOrigin}/frame"></iframe>`,
    `<link rel="stylesheet" href="${beaconOrigin}/style.css"><img src="${beaconOrigin}/img">`,
  ].join('');
  await writeFile(path.join(dir, 'doc', 'hostile.html'), page('攻击页', WRONG_TABLE + frames + attackScript((n) => path.join(dir, 'markers', n))));
});

afterAll(async () => {
  await new Promise<void>((resolve) => beacon?.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('crossfoot CLI on hostile documents', () => {
  for (const scripts of [false, true]) {
    it(`runs nothing of the page in Node, reads nothing outside it, requests nothing${scripts ? ' (--scripts: in headless Chromium)' : ''}`, { timeout: 240_000 }, async () => {
      const file = path.join(dir, 'doc', 'hostile.html');
      for (const format of ['text', 'json', 'md', 'csv']) {
        const r = await cli([file, '--format', format, ...(scripts ? ['--scripts'] : []), '--lang', 'en'], path.join(dir, 'doc'));
        expect(r.code, `${format}: ${r.stderr}`).toBe(0);
        expect(r.stdout).not.toContain('SECRET');
        if (format === 'json') {
          const report = JSON.parse(r.stdout) as { findings: Array<{ severity: string; stated: string | null; expected: string | null }> };
          expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'error', stated: '3.00', expected: '2.00' }));
        } else expect(r.stdout).toContain('3.00');
      }
      expect(await readdir(path.join(dir, 'markers'))).toEqual([]);
      expect(beaconHits).toEqual([]);
    });
  }

  it.skipIf(!fixturesAvailable())('writes the whole report into a pipe: the 000-word fixture as JSON, parsed by the reader', async () => {
    const r = await shell(
      `node scripts/crossfoot.mjs '${pageFile('000', 'word')}' --format json | node -e "let s='';process.stdin.setEncoding('utf8').on('data',(d)=>(s+=d)).on('end',()=>console.log(JSON.parse(s).findings.length))"`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(0);
  });

  it('writes an 18 MB report through a pipe whose reader is slow, in full', { timeout: 240_000 }, async () => {
    const folder = path.join(dir, 'many');
    await mkdir(folder);
    const rows: string[] = [];
    for (let i = 0; i < 6000; i++) rows.push(`<tr><td>2010301</td><td>行政运行${i}</td><td>${(3.5 + i / 100).toFixed(2)}</td><td>1.00</td><td>2.00</td></tr>`);
    await writeFile(path.join(folder, 'a.html'), page('多', `<p>支出决算表</p><p>单位：万元</p><table>${HEAD}${rows.join('')}</table>`));
    for (const name of ['b', 'c', 'd']) await copyFile(path.join(folder, 'a.html'), path.join(folder, `${name}.html`));
    const r = await shell(
      `node scripts/crossfoot.mjs '${folder}' --format json | (sleep 2; node -e "let n=0,s='';process.stdin.setEncoding('utf8').on('data',(d)=>{s+=d;n+=Buffer.byteLength(d)}).on('end',()=>console.log(n, JSON.parse(s).length))")`,
    );
    expect(r.code, r.stderr).toBe(0);
    const [bytes, reports] = r.stdout.trim().split(' ').map(Number);
    expect(reports).toBe(4);
    expect(bytes).toBeGreaterThan(18_000_000);
  });

  it('says that the output was cut when the reader goes away (exit 4), never silently', async () => {
    const file = path.join(dir, 'long.html');
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) rows.push(`<tr><td>2010301</td><td>行政运行${i}</td><td>${(3.5 + i / 100).toFixed(2)}</td><td>1.00</td><td>2.00</td></tr>`);
    await writeFile(file, page('长', `<p>支出决算表</p><p>单位：万元</p><table>${HEAD}${rows.join('')}</table>`));
    // the reader takes 10 bytes of about 400 KB and leaves
    const r = await shell(`node scripts/crossfoot.mjs '${file}' --format json | (sleep 1; head -c 10 > /dev/null)`);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^crossfoot: the output could not be written in full/m);
  });

  it('neutralises a formula in CSV and drops ESC and BEL from titles and labels', async () => {
    const file = path.join(dir, 'inert.html');
    const label = "=cmd|' /C calc'!A0";
    await writeFile(
      file,
      page(
        `报告\u001b[2J\u0007标题`,
        `<p>支出决算表\u001b]0;x\u0007</p><p>单位：万元</p><table>${HEAD}<tr><td></td><td>合计</td><td>3.00</td><td>1.00</td><td>1.00</td></tr><tr><td>2010301</td><td>${label}</td><td>5.00</td><td>1.00</td><td>1.00</td></tr></table>`,
      ),
    );
    const csv = await cli([file, '--format', 'csv'], ROOT);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.some((c) => c.includes('cmd|'))).toBe(true);
    for (const c of cells) expect(c, c).not.toMatch(/^\s*[=+@]|^\s*-(?!\d)/);
    for (const format of ['text', 'md', 'json', 'csv']) {
      const out = (await cli([file, '--format', format], ROOT)).stdout;
      expect(out, format).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      if (format !== 'csv') expect(out.replace(/\\/g, ''), format).toContain('报告[2J标题');
    }
  });

  it('ends with a one-line message or a report that says what it left out, never a crash', { timeout: 600_000 }, async () => {
    const cases: Array<{ name: string; html: () => string; expect: (r: Run) => void }> = [
      {
        name: 'padding bomb (one colspan=1000 row over 20,000 one-cell rows)',
        html: () => page('bomb', `<p>支出决算表</p><table><tr><td colspan=1000>合计 1.00</td></tr>${'<tr><td>x</td></tr>'.repeat(20_000)}</table>`),
        expect: (r) => expect(r.stdout).toContain(`${LIMITS.grid.maxCells}`),
      },
      {
        name: 'a 5 MB narrative',
        html: () => page('narrative', `<h3>三、支出决算情况说明</h3><p>${'本年支出合计 25.00 万元，其中：基本支出 4.00 万元，项目支出 8.00 万元。'.repeat(60_000)}</p>${WRONG_TABLE}`),
        expect: (r) => expect(r.stdout).toMatch(/超出读取上限/u),
      },
      {
        name: 'nested 1,000 deep',
        html: () => page('nested', `${'<table><tr><td>'.repeat(1000)}${WRONG_TABLE}${'</td></tr></table>'.repeat(1000)}`),
        expect: (r) => expect(r.stdout).toContain('3.00'),
      },
      {
        name: 'a 50 MB table file',
        html: () => page('big', `<p>支出决算表</p><table>${HEAD}${'<tr><td>2010301</td><td>行政运行</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>\n'.repeat(660_000)}</table>`),
        expect: (r) => expect(r.stderr).toMatch(/^crossfoot: cannot read .* more than the 32\.0 MB Crossfoot reads from one document\n$/),
      },
    ];
    for (const c of cases) {
      const file = path.join(dir, 'pathological.html');
      await writeFile(file, c.html());
      const r = await cli([file], ROOT);
      expect([0, 2], `${c.name}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr, c.name).not.toMatch(/internal error|RangeError|heap|at .*\(/);
      expect(r.stderr.split('\n').filter((l) => l !== '').length, c.name).toBeLessThanOrEqual(1);
      c.expect(r);
    }
  });

  it('a URL whose body stalls, or never ends: one line, exit 2', { timeout: 120_000 }, async () => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (req.url === '/stall')
        res.write(page('慢', '<p>支出决算表</p><table>')); // and nothing more, ever
      else {
        // endless: 64 KB chunks for as long as the reader takes them
        const chunk = Buffer.alloc(65_536, '<p>x</p>');
        const push = (): void => {
          while (res.write(chunk)) {
            /* until the socket is full */
          }
          res.once('drain', push);
        };
        push();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const stalled = await cli([`http://127.0.0.1:${port}/stall`, '--timeout', '2'], ROOT);
      expect(stalled.code).toBe(2);
      expect(stalled.stderr).toMatch(/^crossfoot: cannot read http:\/\/127\.0\.0\.1:\d+\/stall: no complete answer within 2 s\n$/);
      const endless = await cli([`http://127.0.0.1:${port}/endless`, '--timeout', '60'], ROOT);
      expect(endless.code).toBe(2);
      expect(endless.stderr).toMatch(/^crossfoot: cannot read .*larger than the 32\.0 MB Crossfoot reads from one document\n$/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
