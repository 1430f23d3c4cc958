// @vitest-environment jsdom
/**
 * Findings do not depend on markup noise: one table printed as clean HTML and as the HTML that Word,
 * Excel and CMS editors produce (numbers split over spans, &nbsp; and full-width spaces, <br> in
 * labels, wrapping <p>/<font>, comments, zero-height spacer rows) gives the same findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDom } from '../../src/extract/dom.js';
import { runEngine } from '../../src/pipeline/run.js';
import { figureText } from '../../src/contract/figure.js';
import type { Finding } from '../../src/contract/types.js';
import type { CaseTable } from '../support/rule-tester.js';
import { params, seedNote } from '../support/property.js';
import { changeDigit, consistentTable } from '../support/random-tables.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Noise {
  readonly split: number;
  readonly pad: string;
  readonly wrap: 'none' | 'word' | 'font';
  readonly br: boolean;
  readonly comment: boolean;
  readonly spacer: boolean;
}

const noise: fc.Arbitrary<Noise> = fc.record({
  split: fc.integer({ min: 0, max: 6 }),
  pad: fc.constantFrom('', '&nbsp;', ' ', '\u3000', '\n  '),
  wrap: fc.constantFrom<Noise['wrap']>('none', 'word', 'font'),
  br: fc.boolean(),
  comment: fc.boolean(),
  spacer: fc.boolean(),
});

function cellHtml(text: string, n: Noise | null): string {
  if (!n) return escape(text);
  let body = escape(text);
  if (/^[\d,.]+$/.test(text) && n.split > 0 && text.length > 1) {
    const at = Math.min(n.split, text.length - 1);
    body = `<span>${escape(text.slice(0, at))}</span><span style="font-family:宋体">${escape(text.slice(at))}</span>`;
  } else if (n.br && /^[\u4e00-\u9fa5]{4,}$/.test(text)) {
    body = `${escape(text.slice(0, 2))}<br>${escape(text.slice(2))}`;
  }
  body = `${n.pad}${body}${n.pad}`;
  if (n.comment) body = `<!--[if gte mso 9]><xml></xml><![endif]-->${body}`;
  if (n.wrap === 'word') return `<p class="MsoNormal" align="center"><span lang="EN-US" style="font-size:9.0pt">${body}</span><o:p></o:p></p>`;
  if (n.wrap === 'font') return `<font face="宋体" size="2">${body}</font>`;
  return body;
}

function html(t: CaseTable, n: Noise | null): string {
  const rows = t.rows.map((r, i) => {
    const tr = `<tr>${r.map((c) => `<td>${cellHtml(c, n)}</td>`).join('')}</tr>`;
    return n?.spacer && i === 1 ? `<tr height="0" style="display:none"><td></td></tr>${tr}` : tr;
  });
  return `<p>${escape(t.title ?? '')}</p><p>单位：万元</p><table border="1">${rows.join('')}</table>`;
}

function findings(markup: string): string[] {
  document.body.innerHTML = markup; // test fixture markup only
  const doc = extractDom(document, { source: 'property' }).document;
  return runEngine(doc).findings.map((f: Finding) => `${f.rule} ${f.severity} ${f.cells.map((c) => `${c.row},${c.col}`).join(' ')} ${figureText(f.stated)}→${figureText(f.expected)}`);
}

describe(`markup noise (${seedNote()})`, () => {
  it('gives the same findings as the clean table', () => {
    fc.assert(
      fc.property(consistentTable, fc.nat(), fc.nat(), fc.nat(8), noise, (t, pick, position, to, n) => {
        const changed = changeDigit(t, pick, position, to);
        if (!changed) return;
        const clean = findings(html(changed.table, null));
        expect(clean.length).toBeGreaterThan(0);
        expect(findings(html(changed.table, n))).toEqual(clean);
      }),
      params(120),
    );
  });
});
