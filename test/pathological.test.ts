// @vitest-environment jsdom
/**
 * Pathological pages through the same reader and engine the content script runs: a 10,000-row
 * table, tables nested 500 deep, ragged rows, colspan=1000, rowspan=0, a cell of 1 MB of text,
 * values like 1e309 or 9,9,9, more rows than the reader takes. Each finishes in a bounded number of
 * small steps (the content script runs them in slices), and the report says what it left out.
 * Speed is the benchmark's business (npm run bench); here nothing is timed.
 */
import { describe, expect, it } from 'vitest';
import { extractDomSteps } from '../src/extract/dom.js';
import { GRID_LIMITS } from '../src/extract/grid.js';
import { type Report } from '../src/contract/report.js';
import { buildReportSteps } from '../src/pipeline/report.js';
import { runEngineSteps } from '../src/pipeline/run.js';
import type { Steps } from '../src/model/steps.js';

/** Runs steps to the end, counting them. */
function drain<T>(steps: Steps<T>): { value: T; steps: number } {
  let n = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, steps: n };
    n++;
  }
}

function check(html: string): { report: Report; steps: number } {
  document.body.innerHTML = html; // test fixture markup only
  const ex = drain(extractDomSteps(document, { source: 'pathological' }));
  const engine = drain(runEngineSteps(ex.value.document));
  const report = drain(buildReportSteps(engine.value, 'pathological'));
  return { report: report.value, steps: ex.steps + engine.steps + report.steps };
}

const HEAD = '<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>';

function rowsTable(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(`<tr><td>2010301</td><td>行政运行${i}</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>`);
  return `<p>支出决算表</p><p>单位：万元</p><table>${HEAD}<tr><td></td><td>合计</td><td>${(3 * n).toFixed(2)}</td><td>${n.toFixed(2)}</td><td>${(2 * n).toFixed(2)}</td></tr>${rows.join('')}</table>`;
}

describe('pathological pages', () => {
  it('reads a 10,000-row table whole, in many small steps, without a false finding', () => {
    const { report, steps } = check(rowsTable(10_000));
    expect(report.tables[0]?.rows).toBe(10_002);
    expect(steps).toBeGreaterThan(50); // the work was split: the page gets turns
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 120_000);

  it('says so when a table has more rows than the reader takes', () => {
    const { report } = check(rowsTable(GRID_LIMITS.maxRows + 10));
    const note = report.notChecked.find((n) => n.reason === 'truncated-rows');
    expect(note?.message.zh).toContain(`${GRID_LIMITS.maxRows}`);
    expect(note?.message.en).toMatch(/rows/);
  }, 180_000);

  it('follows tables nested 500 deep to the one inside', () => {
    const open = '<table><tr><td>'.repeat(500);
    const close = '</td></tr></table>'.repeat(500);
    const { report } = check(
      `${open}<p>支出决算表</p><table>${HEAD}<tr><td></td><td>合计</td><td>3.00</td><td>1.00</td><td>2.00</td></tr><tr><td>2010301</td><td>行政运行</td><td>3.00</td><td>1.00</td><td>2.00</td></tr></table>${close}`,
    );
    expect(report.tables).toHaveLength(1);
    expect(report.findings).toEqual([]);
  });

  it('takes ragged rows, colspan=1000 and rowspan=0 without breaking the grid', () => {
    const { report } = check(
      `<p>支出决算表</p><table>${HEAD}<tr><td colspan="1000">合计</td></tr><tr><td rowspan="0">2010301</td><td>行政运行</td><td>3.00</td></tr><tr><td>x</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr><tr></tr></table>`,
    );
    const t = report.tables[0];
    expect(t?.cols).toBeLessThanOrEqual(GRID_LIMITS.maxCols);
    expect(report.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
  });

  it('cuts a cell of 1 MB of text short, and says so', () => {
    const { report } = check(`<p>支出决算表</p><table>${HEAD}<tr><td>2010301</td><td>${'很长的说明'.repeat(200_000)}</td><td>3.00</td><td>1.00</td><td>2.00</td></tr></table>`);
    expect(report.notChecked.find((n) => n.reason === 'truncated-text')?.message.zh).toContain('1000000');
  });

  it('treats 1e309, 9,9,9 and 30-digit figures as text, not as numbers, and invents nothing', () => {
    const { report } = check(
      `<p>支出决算表</p><table>${HEAD}<tr><td></td><td>合计</td><td>1e309</td><td>9,9,9</td><td>123456789012345678901234567890</td></tr><tr><td>2010301</td><td>行政运行</td><td>NaN</td><td>Infinity</td><td>-0</td></tr></table>`,
    );
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.notChecked.filter((n) => n.reason === 'internal-error')).toEqual([]);
  });
});
