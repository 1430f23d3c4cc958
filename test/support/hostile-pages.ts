/**
 * Pages written to exhaust a checker, shared by the end-to-end hardening tests and the benchmark.
 * Each carries a page script that counts its own timer ticks (`__ticks`, and their times in `__at`),
 * so the page's pace can be compared with and without the extension.
 */
import { LIMITS } from '../../src/model/limits.js';

export const TICKER = '<script>window.__ticks = 0; window.__at = []; setInterval(() => { window.__ticks++; window.__at.push(performance.now()); }, 20);</script>';

const HEAD = '<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>';

export function hostilePage(title: string, body: string, script = TICKER): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script}</body></html>`;
}

/** A consistent 支出决算表 of `rows` lines. */
export function bigTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`<tr><td>2010301</td><td>行政运行${i}</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>`);
  return `<p>支出决算表</p><p>单位：万元</p><table border="1">${HEAD}<tr><td></td><td>合计</td><td>${(3 * rows).toFixed(2)}</td><td>${rows.toFixed(2)}</td><td>${(2 * rows).toFixed(2)}</td></tr>${lines.join('')}</table>`;
}

/** name → page, and the reader note each must give (null: none expected). */
export const HOSTILE_PAGES: ReadonlyArray<{ readonly name: string; readonly html: () => string; readonly note: string | null }> = [
  { name: 'rows-10000.html', html: () => hostilePage('一万行', bigTable(10_000)), note: null },
  { name: 'rows-over.html', html: () => hostilePage('超过上限', bigTable(LIMITS.grid.maxRows + 5)), note: 'truncated-rows' },
  {
    // the HTML parser flattens trees deeper than 512 elements: the page nests its 500 tables by script
    name: 'nested-500.html',
    html: () =>
      hostilePage(
        '嵌套',
        `<div id="host"></div><template id="report">${bigTable(3)}</template><script>(() => { let at = document.getElementById('host'); for (let i = 0; i < 500; i++) { const t = document.createElement('table'); const td = t.insertRow().insertCell(); at.appendChild(t); at = td; } at.appendChild(document.getElementById('report').content.cloneNode(true)); })();</script>`,
      ),
    note: null,
  },
  { name: 'megabyte-cell.html', html: () => hostilePage('长单元格', bigTable(3).replace('行政运行0', '很长的说明'.repeat(200_000))), note: 'truncated-text' },
  {
    name: 'padding-bomb.html',
    html: () => hostilePage('填充', `<p>支出决算表</p><table border="1"><tr><td colspan=1000>合计 1.00</td></tr>${'<tr><td>x</td></tr>'.repeat(20_000)}</table>${bigTable(3)}`),
    note: 'truncated-cells',
  },
  {
    name: 'narrative-5mb.html',
    html: () =>
      hostilePage(
        '长说明',
        `${bigTable(3)}<h3>三、支出决算情况说明</h3>${'<p>本年支出合计 25.00 万元，比上年增加 3.00 万元，增长 13.64%，其中：基本支出 4.00 万元，占 16.00%；项目支出 8.00 万元。</p>'.repeat(45_000)}`,
      ),
    note: 'truncated-narrative',
  },
];
