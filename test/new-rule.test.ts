/**
 * `npm run new:rule [GROUP/]NAME` (scripts/new-rule.mjs), run on a copy of the sources: it writes
 * the rule and its test in the group's folder, registers the rule in sorted place and adds its
 * message to each catalogue; it refuses a name that is not kebab-case, an unknown group and a rule
 * that exists. The scaffold's test fails until its TODOs are filled, and passes once they are.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
    for (const f of ['src', 'test/support', 'package.json', 'tsconfig.json', '.prettierrc.json'])
      await cp(path.join(ROOT, f), path.join(dir, f), { recursive: true, filter: (p) => !p.endsWith('.test.ts') && !p.endsWith('.test.tsx') });
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the rule and its test, registers it sorted, and gives its message a line in each catalogue', async () => {
    const r = await scaffold('fund-example');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('src/rules/in-table/fund-example.ts');
    const rule = await readFile(path.join(dir, 'src/rules/in-table/fund-example.ts'), 'utf8');
    expect(rule).toContain("id: 'fund-example'");
    expect(rule).toContain("messages: ['fund-example']");
    expect(rule).toMatch(/TODO/u);
    expect(rule).toContain('defineTableRule');
    const test = await readFile(path.join(dir, 'src/rules/in-table/fund-example.test.ts'), 'utf8');
    expect(test).toMatch(/ruleTester\(rule, \{/u);
    const index = await readFile(path.join(dir, 'src/rules/index.ts'), 'utf8');
    const imports = [...index.matchAll(/^import \w+ from '\.\/[a-z-]+\/([a-z0-9-]+)\.js';$/gmu)].map((m) => m[1]);
    const at = imports.indexOf('fund-example');
    expect(imports.slice(at - 1, at + 2)).toEqual(['fund-balance', 'fund-example', 'misplaced-value']);
    expect(index).toContain("import fundExample from './in-table/fund-example.js';");
    const list = (/id: 'in-table',[\s\S]*?rules: \[([^\]]*)\]/u.exec(index)?.[1] ?? '').split(',').map((l) => l.trim());
    expect(list[list.indexOf('fundExample') - 1]).toBe('fundBalance');
    expect(list[list.indexOf('fundExample') + 1]).toBe('misplacedValue');
    for (const f of ['src/i18n/zh-CN.ts', 'src/i18n/en.ts']) expect(await readFile(path.join(dir, f), 'utf8')).toMatch(/^ {2}'fund-example': 'TODO/mu);
  });

  it('scaffolds a document rule in a group that reads the whole document', async () => {
    const r = await scaffold('narrative/text-example');
    expect(r.code).toBe(0);
    const rule = await readFile(path.join(dir, 'src/rules/narrative/text-example.ts'), 'utf8');
    expect(rule).toContain('defineDocumentRule');
    expect(rule).not.toContain('applies:');
    const index = await readFile(path.join(dir, 'src/rules/index.ts'), 'utf8');
    expect(/id: 'narrative',[\s\S]*?rules: \[([^\]]*)\]/u.exec(index)?.[1]).toMatch(/textCompletion,\s+textComponents,\s+textEconItems,\s+textExample,\s+textGrowth,/u);
  });

  it('refuses a rule that exists, a name that is not kebab-case, and an unknown group', async () => {
    expect((await scaffold('fund-example')).code).toBe(2);
    expect((await scaffold('across-tables/fund-example')).code).toBe(2);
    for (const bad of ['Fund_Example', 'tables/fund-x']) {
      const r = await scaffold(bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run new:rule/u);
    }
  });

  it('gives a test that fails until its TODOs are filled, and passes once they are', async () => {
    const vitest = async (): Promise<number> => {
      try {
        await promisify(execFile)(path.join(dir, 'node_modules/.bin/vitest'), ['run', 'src/rules/in-table/fund-example.test.ts', '--root', dir], { cwd: dir });
        return 0;
      } catch (e) {
        return (e as { code: number }).code;
      }
    };
    expect(await vitest()).not.toBe(0);
    // the TODOs filled: a 合计 row that is the sum of the two rows above it, in a list's 金额 column
    const ruleFile = path.join(dir, 'src/rules/in-table/fund-example.ts');
    const rule = await readFile(ruleFile, 'utf8');
    await writeFile(
      ruleFile,
      rule
        .replace("applies: (t) => t.kind === 'D01',", "applies: (t) => t.table.grid[3]?.[0]?.text === '合计',")
        .replace('void ctx;', "ctx.checkSum({ target: { row: 3, col: 1 }, plus: [{ row: 1, col: 1 }, { row: 2, col: 1 }], messageId: 'fund-example' });"),
    );
    const table = (total: string) => `{ title: '政府采购支出表', rows: [['项目', '金额'], ['货物', '10.00'], ['服务', '20.00'], ['合计', '${total}']] }`;
    await writeFile(
      path.join(dir, 'src/rules/in-table/fund-example.test.ts'),
      `import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './fund-example.js';

ruleTester(rule, {
  valid: [{ description: 'the 合计 is the sum of its rows', tables: [${table('30.00')}] }],
  invalid: [{ description: 'a 合计 one yuan off', tables: [${table('31.00')}], findings: [{ messageId: 'fund-example', severity: 'error', cells: ['r3c1'], stated: '31.00', expected: '30.00' }] }],
});
`,
    );
    expect(await vitest()).toBe(0);
  });
});
