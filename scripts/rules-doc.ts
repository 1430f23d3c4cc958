/**
 * docs/rules.md, made from the rules' own meta (id, scope, category, what it checks in zh and en,
 * its basis, its messages and their wording in both catalogues): the rule set describes itself, as
 * ESLint and stylelint document every rule from the rule. test/rules-doc.test.ts keeps the file
 * current (it rewrites it in a development run, and fails in CI when it is stale).
 */
import { CATALOGUES } from '../src/i18n/index.js';
import type { Rule } from '../src/engine/rule.js';
import { RULES } from '../src/rules/index.js';

function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

function template(locale: 'zh-CN' | 'en', id: string): string {
  return (CATALOGUES[locale] as Record<string, string>)[id] ?? '';
}

function entry(rule: Rule): string[] {
  const m = rule.meta;
  const out = [`## \`${m.id}\``, '', `${m.description.zh}`, '', `*${m.description.en}*`, ''];
  out.push('| | |', '|---|---|');
  out.push(`| scope | ${rule.scope === 'table' ? 'one table at a time' : 'the whole document (tables across each other, the narrative)'} |`);
  out.push(`| category | \`${m.category}\` |`);
  out.push(`| basis | ${cell(m.basis)} |`);
  out.push(`| source | [src/rules/${m.id}.ts](../src/rules/${m.id}.ts), its cases in [${m.id}.test.ts](../src/rules/${m.id}.test.ts) |`);
  out.push('');
  out.push('| message | zh-CN | en |', '|---|---|---|');
  for (const id of m.messages) out.push(`| \`${id}\` | ${cell(template('zh-CN', id))} | ${cell(template('en', id))} |`);
  out.push('');
  return out;
}

/** The text of docs/rules.md. */
export function rulesDoc(rules: readonly Rule[] = RULES): string {
  const head = [
    '# Rules',
    '',
    '<!-- Generated from each rule\'s meta by scripts/rules-doc.ts; `npm test` rewrites it. Do not edit by hand. -->',
    '',
    `${rules.length} rules. Each reports findings with one of three severities — **error** (a contradiction beyond`,
    'rounding), **review** (needs human judgement: scopes that may differ, a cause that cannot be told),',
    '**rounding** (within the band of the printed figures) — and records the checks that held; what it',
    'cannot check it reports as not checked, with the reason. Which severity a finding gets is decided',
    'by the arithmetic and the evidence of all identities (src/engine/tolerance.ts, src/engine/blame.ts),',
    'not by the rule alone.',
    '',
    '| rule | category | checks |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | \`${r.meta.category}\` | ${cell(r.meta.description.zh)} |`),
    '',
  ];
  return [...head, ...rules.flatMap(entry)].join('\n').trimEnd() + '\n';
}
