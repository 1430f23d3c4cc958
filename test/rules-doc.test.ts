/**
 * docs/rules.md is made from the rules' meta (scripts/rules-doc.ts). A development run rewrites
 * it when a rule changed; in CI (CI=true) a stale file fails the run, so the committed catalogue is
 * always the rule set's own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesDoc } from '../scripts/rules-doc.js';
import { GROUPS, RULES } from '../src/rules/index.js';
import { ROOT } from './support/fixtures.js';

const FILE = path.join(ROOT, 'docs/rules.md');

describe('docs/rules.md', () => {
  it('is current: every rule, from its own meta', () => {
    const made = rulesDoc();
    let stored = '';
    try {
      stored = readFileSync(FILE, 'utf8');
    } catch {
      stored = '';
    }
    if (stored !== made && process.env.CI !== 'true') {
      writeFileSync(FILE, made);
      stored = made;
    }
    expect(stored).toBe(made);
    for (const r of RULES) expect(made).toContain(`### \`${r.meta.id}\``);
    for (const g of GROUPS) expect(made).toContain(`## ${g.title.en}`);
  });

  it('says each rule’s messages in both languages', () => {
    const made = rulesDoc();
    for (const r of RULES) for (const id of r.meta.messages) expect(made).toMatch(new RegExp(`\\| \`${id}\` \\| [^|\\n]+ \\| [^|\\n]+`, 'u'));
  });
});
