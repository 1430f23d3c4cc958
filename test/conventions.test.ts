/**
 * Keeps the rule set honest (after ESLint's checkRuleFiles and refined-github's features test):
 * every rule file is registered, named after its id, has a table-driven test beside it, cites its
 * basis, and every message id it reports exists in every catalogue; the catalogues agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS, RULES } from '../src/rules/index.js';
import { CATALOGUES, LOCALES, message } from '../src/i18n/index.js';
import { TABLE_KINDS } from '../src/recognise/kind.js';
import { ROOT } from './support/fixtures.js';

const RULES_DIR = path.join(ROOT, 'src/rules');
/** Rule files as group/id.ts: every file in a group's folder that is not a test. */
const files = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(RULES_DIR, d.name))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `${d.name}/${f}`),
  );
const groupOf = new Map(GROUPS.flatMap((g) => g.rules.map((r) => [r.meta.id, g.id] as const)));

describe('rules', () => {
  it('every rule file is registered in the group of its folder, and the registry is sorted by id', () => {
    expect(RULES.map((r) => `${groupOf.get(r.meta.id)}/${r.meta.id}.ts`).sort()).toEqual([...files].sort());
    expect(readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'))).toEqual(['index.ts']);
    expect(RULES.length).toBe(GROUPS.reduce((n, g) => n + g.rules.length, 0));
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has a test, a description, a basis and catalogued messages', (id, rule) => {
    const dir = path.join(RULES_DIR, groupOf.get(id) ?? '?');
    const test = path.join(dir, `${id}.test.ts`);
    const source = readFileSync(test, 'utf8');
    expect(source).toMatch(/ruleTester\(rule,/);
    expect(rule.meta.description.zh.length).toBeGreaterThan(4);
    expect(rule.meta.description.en.length).toBeGreaterThan(4);
    expect(rule.meta.basis.length).toBeGreaterThan(4);
    expect(rule.meta.messages.length).toBeGreaterThan(0);
    for (const locale of LOCALES) for (const m of rule.meta.messages) expect(CATALOGUES[locale], `${locale}: ${m}`).toHaveProperty(m);
    // every message id the rule's source reports is declared
    const code = readFileSync(path.join(dir, `${id}.ts`), 'utf8');
    for (const used of code.matchAll(/messageId: (?:\w+ \? )?'([\w-]+)'(?: : '([\w-]+)')?/g)) {
      for (const m of [used[1], used[2]].filter(Boolean)) expect(rule.meta.messages, `${id} reports ${m}`).toContain(m);
    }
  });
});

describe('docs/domain.md', () => {
  const domain = readFileSync(path.join(ROOT, 'docs/domain.md'), 'utf8');
  const defined = new Set([...domain.matchAll(/^\| ([JXPNK]\d{2}) \|/gmu)].map((m) => m[1]));
  const sections = new Set([...domain.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gmu)].map((m) => `§${m[1]}`));
  const expand = (ref: string): string[] => {
    const range = /^([JXPNK])(\d{2})[–-][JXPNK]?(\d{2})$/u.exec(ref);
    if (!range) return [ref];
    const out: string[] = [];
    for (let n = Number(range[2]); n <= Number(range[3]); n++) out.push(`${range[1]}${String(n).padStart(2, '0')}`);
    return out;
  };

  it('defines every identity and section a rule cites', () => {
    expect(defined.size).toBeGreaterThan(40);
    for (const f of files) {
      const source = readFileSync(path.join(RULES_DIR, f), 'utf8');
      const cited = [...source.matchAll(/domain\.md ([^'\n]*)/gu)].map((m) => m[1] ?? '');
      for (const c of cited) {
        for (const id of c.match(/\b[JXPNK]\d{2}(?:[–-][JXPNK]?\d{2})?/gu) ?? []) for (const one of expand(id)) expect(defined, `${f} cites ${one}`).toContain(one);
        for (const sec of c.match(/§\d+(?:\.\d+)?/gu) ?? []) expect(sections, `${f} cites ${sec}`).toContain(sec);
      }
    }
  });
});

describe('catalogues', () => {
  it('have the same keys in every locale, and the same parameters in each message', () => {
    const zh = CATALOGUES['zh-CN'];
    for (const locale of LOCALES) {
      const c = CATALOGUES[locale];
      expect(Object.keys(c).sort()).toEqual(Object.keys(zh).sort());
      for (const [k, v] of Object.entries(zh)) {
        const params = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
        expect(params(c[k as keyof typeof c]), `${locale} ${k}`).toEqual(params(v));
      }
    }
  });

  it('name every table kind', () => {
    for (const kind of TABLE_KINDS) for (const locale of LOCALES) expect(CATALOGUES[locale], `${locale} ${kind}`).toHaveProperty(`kind.${kind}`);
  });

  it('resolve "@key" parameters to the word of the message\'s own language', () => {
    expect(message('zh-CN', 'reason.table-missing', { table: '@kind.D05' })).toContain('一般公共预算财政拨款支出决算表');
    expect(message('en', 'reason.table-missing', { table: '@kind.D05' })).toContain('General public budget appropriation expenditure');
  });

  it('every not-checked reason the code gives has a message', () => {
    const reasons = new Set<string>();
    const scan = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) scan(p);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/notChecked\((?:[^,()]+, )?'([\w-]+)'/g)) reasons.add(m[1] as string);
      }
    };
    scan(path.join(ROOT, 'src'));
    expect(reasons.size).toBeGreaterThan(3);
    for (const r of reasons) expect(CATALOGUES['zh-CN'], r).toHaveProperty(`reason.${r}`);
  });
});

describe('safety rules of the lint configuration', () => {
  it('forbids markup and code from strings wherever the extension runs', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: ROOT });
    const cases: Array<[string, string]> = [
      ['content-scripts/probe.ts', 'export function f(el: Element, s: string): void { el.innerHTML = s; }'],
      ['content-scripts/probe.ts', 'export function f(el: Element, s: string): void { el.outerHTML = s; }'],
      ['popup/probe.ts', 'export function f(el: Element, s: string): void { el.insertAdjacentHTML("beforeend", s); }'],
      ['content-scripts/probe.ts', 'export function f(s: string): void { document.write(s); }'],
      ['src/engine/probe.ts', 'export function f(s: string): unknown { return eval(s); }'],
      ['src/engine/probe.ts', 'export function f(s: string): unknown { return new Function(s); }'],
      ['content-scripts/probe.ts', 'export function f(): unknown { return setTimeout("window.x = 1", 0); }'],
    ];
    for (const [file, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
      expect(result?.errorCount ?? 0, `${file}: ${code}`).toBeGreaterThan(0);
    }
  });
});

describe('version', () => {
  it('is said in one place: package.json, the manifest, the report and the CLI agree with src/model/version.ts', async () => {
    const { VERSION } = await import('../src/model/version.js');
    const { GENERATOR } = await import('../src/contract/report.js');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(pkg.version).toBe(VERSION);
    expect(manifest.version).toBe(VERSION);
    expect(GENERATOR.version).toBe(VERSION);
  });
});
