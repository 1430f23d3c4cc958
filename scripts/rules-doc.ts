/**
 * docs/rules.md, made from the rules themselves: their meta (id, scope, category, what it checks in
 * zh and en, its basis, its messages and their wording in both catalogues), the header comment of
 * each rule's file (how it decides, and so which severity it gives; the sample pages where it finds
 * something) and the invalid cases of its table-driven test (examples of what it reports), grouped
 * by folder as src/rules is. The rule set describes itself, as ESLint and stylelint document every
 * rule from the rule. test/rules-doc.test.ts keeps the file current (it rewrites it in a development
 * run, and fails in CI when it is stale).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUES } from '../src/i18n/index.js';
import type { Rule } from '../src/engine/rule.js';
import { GROUPS, type RuleGroup } from '../src/rules/index.js';

const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/rules');

/** The rule's file header, as paragraphs: how it decides (without its Basis line) and its sample pages. */
function header(group: string, id: string): { how: string; samples: string } {
  const source = readFileSync(path.join(RULES_DIR, group, `${id}.ts`), 'utf8');
  const comment = /^\/\*\*\n([\s\S]*?)\n \*\//u.exec(source)?.[1] ?? '';
  // the body is how it decides; "Basis:" and "Sample pages:" start fields that run to the next one or a blank line
  const how: string[] = [];
  const samples: string[] = [];
  let field: 'how' | 'basis' | 'samples' = 'how';
  for (const raw of comment.split('\n')) {
    const line = raw.replace(/^ \*( |$)/u, '');
    if (/^Basis:/u.test(line)) field = 'basis';
    else if (/^Sample pages?:/u.test(line)) field = 'samples';
    else if (line.trim() === '' && field !== 'how') field = 'how';
    if (field === 'samples') samples.push(line.replace(/^Sample pages?:\s*/u, ''));
    else if (field === 'how') how.push(line);
  }
  // a line at the margin after a list's items ends the list (its items' own lines are indented)
  const ended: string[] = [];
  let inList = false;
  for (const line of how) {
    if (line.startsWith('- ')) inList = true;
    else if (inList && line.trim() !== '' && !line.startsWith(' ')) {
      ended.push('');
      inList = false;
    }
    ended.push(line);
  }
  return { how: ended.join('\n').trim(), samples: samples.join(' ').trim() };
}

/** The descriptions of the invalid cases of the rule's test: what it reports, one line each. */
function examples(group: string, id: string): string[] {
  const source = readFileSync(path.join(RULES_DIR, group, `${id}.test.ts`), 'utf8');
  const invalid = source.slice(Math.max(0, source.search(/\binvalid:\s*\[/u)));
  return [...invalid.matchAll(/\bdescription:\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/gu)].map((m) => m[2] ?? '').slice(0, 4);
}

function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

function template(locale: 'zh-CN' | 'en', id: string): string {
  return (CATALOGUES[locale] as Record<string, string>)[id] ?? '';
}

function entry(group: string, rule: Rule): string[] {
  const m = rule.meta;
  const { how, samples } = header(group, m.id);
  const out = [`### \`${m.id}\``, '', `${m.description.zh}`, '', `*${m.description.en}*`, ''];
  if (how) out.push('**How it decides.** ' + how.replace(/(?<!\n)\n(?!\n|- )/gu, ' '), '');
  out.push('| | |', '|---|---|');
  out.push(`| scope | ${rule.scope === 'table' ? 'one table at a time' : 'the whole document (tables across each other, the narrative)'} |`);
  out.push(`| category | \`${m.category}\` |`);
  out.push(`| basis | ${cell(m.basis).replace(/domain\.md/gu, '[domain.md](domain.md)')} |`);
  if (samples) out.push(`| sample pages | ${cell(samples)} |`);
  out.push(`| source | [src/rules/${group}/${m.id}.ts](../src/rules/${group}/${m.id}.ts), its cases in [${m.id}.test.ts](../src/rules/${group}/${m.id}.test.ts) |`);
  out.push('');
  const cases = examples(group, m.id);
  if (cases.length > 0) out.push('Examples it reports (cases of its test):', '', ...cases.map((c) => `- ${c}`), '');
  out.push('| message | zh-CN | en |', '|---|---|---|');
  for (const id of m.messages) out.push(`| \`${id}\` | ${cell(template('zh-CN', id))} | ${cell(template('en', id))} |`);
  out.push('');
  return out;
}

/** The text of docs/rules.md. */
export function rulesDoc(groups: readonly RuleGroup[] = GROUPS): string {
  const rules = groups.flatMap((g) => g.rules);
  const head = [
    '# Rules',
    '',
    "<!-- Generated from each rule's meta by scripts/rules-doc.ts; `npm test` rewrites it. Do not edit by hand. -->",
    '',
    `${rules.length} rules. Each reports findings with one of three severities — **error** (a contradiction beyond`,
    'rounding), **review** (needs human judgement: scopes that may differ, a cause that cannot be told),',
    '**rounding** (within the band of the printed figures) — and records the checks that held; what it',
    'cannot check it reports as not checked, with the reason. Which severity a finding gets is decided',
    'by the arithmetic and the evidence of all identities (src/engine/tolerance.ts, src/engine/blame.ts),',
    'not by the rule alone.',
    '',
    '| group | rule | category | checks |',
    '|---|---|---|---|',
    ...groups.flatMap((g) => g.rules.map((r) => `| ${g.id} | [\`${r.meta.id}\`](#${r.meta.id}) | \`${r.meta.category}\` | ${cell(r.meta.description.zh)} |`)),
    '',
  ];
  const sections = groups.flatMap((g) => [`## ${g.title.en}`, '', `${g.title.zh} — \`src/rules/${g.id}/\``, '', ...g.rules.flatMap((r) => entry(g.id, r))]);
  return [...head, ...sections].join('\n').trimEnd() + '\n';
}
