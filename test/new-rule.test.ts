/**
 * `npm run new:rule NAME` (scripts/new-rule.mjs), run on a copy of the registry and the catalogues:
 * it writes the rule and its test, registers the rule in sorted place and adds its message to each
 * catalogue; it refuses a name that is not kebab-case and a rule that exists.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/fixtures.js';

let dir = '';

async function scaffold(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [path.join(ROOT, 'scripts/new-rule.mjs'), ...args, '--root', dir]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run new:rule', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crossfoot-new-rule-'));
    for (const f of ['src/rules/index.ts', 'src/i18n/zh-CN.ts', 'src/i18n/en.ts']) {
      await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await copyFile(path.join(ROOT, f), path.join(dir, f));
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the rule and its test, registers it sorted, and gives its message a line in each catalogue', async () => {
    const r = await scaffold('fund-example');
    expect(r.code).toBe(0);
    const rule = await readFile(path.join(dir, 'src/rules/fund-example.ts'), 'utf8');
    expect(rule).toContain("id: 'fund-example'");
    expect(rule).toContain("messages: ['fund-example']");
    expect(rule).toMatch(/TODO/u);
    const test = await readFile(path.join(dir, 'src/rules/fund-example.test.ts'), 'utf8');
    expect(test).toMatch(/ruleTester\(rule, \{/u);
    const index = await readFile(path.join(dir, 'src/rules/index.ts'), 'utf8');
    const imports = [...index.matchAll(/^import \w+ from '\.\/([a-z0-9-]+)\.js';$/gmu)].map((m) => m[1]);
    const at = imports.indexOf('fund-example');
    expect(imports.slice(at - 1, at + 2)).toEqual(['fund-balance', 'fund-example', 'misplaced-value']);
    const list = (/export const RULES: readonly Rule\[\] = \[\n([\s\S]*?)\n\];/u.exec(index)?.[1] ?? '').split('\n').map((l) => l.trim().replace(/,$/u, ''));
    expect(list[list.indexOf('fundExample') - 1]).toBe('fundBalance');
    expect(list[list.indexOf('fundExample') + 1]).toBe('misplacedValue');
    for (const f of ['src/i18n/zh-CN.ts', 'src/i18n/en.ts']) expect(await readFile(path.join(dir, f), 'utf8')).toMatch(/^ {2}'fund-example': 'TODO/mu);
  });

  it('refuses a rule that exists, and a name that is not kebab-case', async () => {
    expect((await scaffold('fund-example')).code).toBe(2);
    const bad = await scaffold('Fund_Example');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run new:rule/u);
  });
});
