/**
 * `--format html`: one self-contained report page that can be mailed or archived. No script, no
 * request: styles inline, a Content-Security-Policy that forbids everything else, every text of the
 * document escaped (a report is hostile input: its title or a quoted sentence may hold markup).
 * Findings are grouped by table (the 情况说明's under its own heading), each with its stated and
 * expected figures, the difference, the cells or the quoted phrase, and its explanation.
 */
import { isAnomaly, type Report, type ReportFinding } from '../contract/report.js';
import { type Locale, message } from '../i18n/index.js';
import { safeLine } from '../export/safe-text.js';
import { reviewOf } from '../export/reviewed.js';
import { statusWord } from '../export/formats.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: nothing in it can become markup. */
export function escapeHtml(text: string): string {
  return safeLine(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const STYLE = `body{font:14px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#1f2328}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #d0d7de}h3{font-size:1em;margin-top:1.5em}
.sum{color:#57606a}table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.error{color:#d1242f;font-weight:600}.review{color:#9a6700;font-weight:600}.rounding{color:#57606a}
q{background:#fff8c5}small{color:#57606a}`;

function findingRow(f: ReportFinding, locale: Locale): string {
  const where = f.quote
    ? `<q>${escapeHtml(f.quote.text)}</q>`
    : f.place
      ? escapeHtml(`${f.place.row} / ${f.place.column}`)
      : escapeHtml(f.cells.map((c) => `R${c.row + 1}C${c.col + 1} ${c.text}`).join('；'));
  const msg = locale === 'en' ? f.message.en : f.message.zh;
  const review = reviewOf(f);
  const decision = review ? `<br><small class="decision">${escapeHtml(`${statusWord(review, locale)}${review.note ? ` — ${review.note}` : ''}`)}</small>` : '';
  return `<tr><td class="${f.severity}">${escapeHtml(message(locale, `severity.${f.severity}`))}</td><td>${where}</td><td class="n">${escapeHtml(f.stated ?? '')}</td><td class="n">${escapeHtml(f.expected ?? '')}</td><td class="n">${escapeHtml(f.difference ?? '')}</td><td>${escapeHtml(msg)}${decision}<br><small>${escapeHtml(`${f.rule} · ${f.id}`)}</small></td></tr>`;
}

function reportSection(r: Report, locale: Locale): string {
  const en = locale === 'en';
  const s = r.summary;
  const head = en ? ['Severity', 'Where', 'Stated', 'Expected', 'Difference', 'Finding'] : ['严重程度', '位置', '所列', '应为', '差额', '说明'];
  const thead = `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const out: string[] = [
    `<h2>${escapeHtml(r.title ?? r.source)}</h2>`,
    `<p class="sum">${escapeHtml(r.source)}<br>${escapeHtml(en ? `${s.tables} tables · ${s.passed} checks held · ${s.findings.error} errors · ${s.findings.review} to review · ${s.findings.rounding} rounding · ${s.anomalies} rate questions · ${s.notChecked} not checked` : `${s.tables} 张表 · 核对相符 ${s.passed} 项 · 错误 ${s.findings.error} · 待核实 ${s.findings.review} · 尾数差异 ${s.findings.rounding} · 比率提示 ${s.anomalies} · 未核对 ${s.notChecked}`)}</p>`,
  ];
  const groups = new Map<string | null, ReportFinding[]>();
  for (const f of r.findings.filter((x) => !isAnomaly(x))) groups.set(f.table, [...(groups.get(f.table) ?? []), f]);
  if (groups.size === 0)
    out.push(`<p>${escapeHtml(s.passed > 0 ? (en ? `${s.passed} checks made, all consistent.` : `核对 ${s.passed} 项，均相符。`) : en ? 'Nothing could be checked.' : '没有可核对的数字。')}</p>`);
  for (const [table, list] of groups) {
    const t = r.tables.find((x) => x.id === table);
    const name = table === null ? message(locale, 'ui.narrative') : `${t?.id ?? table} ${t?.title ?? (t ? (en ? t.kindName.en : t.kindName.zh) : '')}`;
    out.push(`<h3>${escapeHtml(name)}</h3>`, `<table>${thead}${list.map((f) => findingRow(f, locale)).join('')}</table>`);
  }
  const questions = r.findings.filter(isAnomaly);
  if (questions.length > 0) out.push(`<h3>${en ? 'Rates worth a question' : '值得追问的比率'}</h3>`, `<table>${thead}${questions.map((f) => findingRow(f, locale)).join('')}</table>`);
  if (r.notChecked.length > 0)
    out.push(
      `<h3>${en ? 'Not checked' : '未核对'}</h3>`,
      `<ul>${r.notChecked.map((n) => `<li>${escapeHtml(`${n.table ? `${n.table} · ` : ''}${en ? n.message.en : n.message.zh}`)} <small>${escapeHtml(n.rule)}</small></li>`).join('')}</ul>`,
    );
  return out.join('\n');
}

/** A page with no script and no request: inline styles, a policy that forbids anything else. */
export function htmlPage(title: string, locale: Locale, body: string, footer = ''): string {
  return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
${footer}
</body>
</html>
`;
}

export function formatHtml(reports: readonly Report[], locale: Locale): string {
  const title = reports.length === 1 ? `Crossfoot 勾稽 — ${reports[0]?.title ?? reports[0]?.source ?? ''}` : `Crossfoot 勾稽 — ${reports.length} ${locale === 'en' ? 'reports' : '份报告'}`;
  const generator = reports[0]?.generator;
  return htmlPage(
    title,
    locale,
    reports.map((r) => reportSection(r, locale)).join('\n'),
    `<p><small>${escapeHtml(`${generator?.name ?? 'crossfoot'} ${generator?.version ?? ''} · ${new Date().toISOString().slice(0, 10)}`)}</small></p>`,
  );
}
