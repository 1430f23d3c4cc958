import { describe, expect, it } from 'vitest';
import type { Report, ReportFinding } from '../contract/report.js';
import { applyReviews, decide, recordOf, reportKey, reportName, withReview } from './model.js';

function finding(id: string, severity: ReportFinding['severity'], fingerprint: string, category: ReportFinding['category'] = 'table-sum'): ReportFinding {
  return {
    id,
    rule: 'column-sum',
    severity,
    category,
    table: 't1',
    cells: [],
    related: [],
    quote: null,
    stated: '1.00',
    expected: '2.00',
    difference: '-1.00',
    messageId: 'x',
    message: { zh: '', en: '' },
    cause: null,
    reason: null,
    consequences: [],
    place: { row: '合计', column: '本年支出' },
    fingerprint,
  };
}

function report(findings: ReportFinding[]): Report {
  const count = (s: ReportFinding['severity']): number => findings.filter((f) => f.severity === s && f.category !== 'rate-anomaly').length;
  return {
    schema: 'crossfoot.report/1',
    generator: { name: 'crossfoot', version: '0.1.0' },
    source: 'x',
    title: '某局2024年度部门决算',
    summary: {
      tables: 1,
      findings: { error: count('error'), review: count('review'), rounding: count('rounding') },
      anomalies: 0,
      notChecked: 0,
      passed: 3,
      narrative: { figures: 0, statements: 0, budget: false },
    },
    tables: [],
    findings,
    notChecked: [],
  };
}

describe('reportName and reportKey', () => {
  it.each([
    ['吉林省政务服务和数字化建设管理局（本级）2024年度部门决算', '吉林省政务服务和数字化建设管理局（本级）2024年度部门决算'],
    ['吉林省政务服务和数字化建设管理局（本级）2024年度部门决算_财政预决算_吉林省政务服务和数字化建设管理局', '吉林省政务服务和数字化建设管理局（本级）2024年度部门决算'],
    ['吉林省政务服务和数字化建设管理局（本级）2024年度部门决算 - 吉林省政务服务和数字化建设管理局', '吉林省政务服务和数字化建设管理局（本级）2024年度部门决算'],
    ['吉林省政务服务和数字化建设管理局（本级）2024年度部门决算 | 吉林省政务服务和数字化建设管理局', '吉林省政务服务和数字化建设管理局（本级）2024年度部门决算'],
    ['吉林省政务服务和数字化建设管理局（本级）2024年度部门决算（正文）', '吉林省政务服务和数字化建设管理局（本级）2024年度部门决算'],
    ['首页 - 某区司法局2026年部门预算', '某区司法局2026年部门预算'],
  ])('%s → the report name', (title, name) => {
    expect(reportName(title)).toBe(name);
  });

  it('gives every skin of a report on one site the same key, another site or report another', () => {
    const a = reportKey('http://a.gov.cn/x/1.html?v=2#top', '某局2024年度部门决算_财政预决算_某局');
    expect(reportKey('http://a.gov.cn/y/2.html', '某局2024年度部门决算 - 某局').key).toBe(a.key);
    expect(reportKey('http://b.gov.cn/x/1.html', '某局2024年度部门决算').key).not.toBe(a.key);
    expect(reportKey('http://a.gov.cn/x/1.html', '某局2025年度部门决算').key).not.toBe(a.key);
    expect(a.site).toBe('a.gov.cn');
  });

  it('keys an untitled page by its address without query and fragment; the viewer by its document', () => {
    expect(reportKey('http://a.gov.cn/x/1.html?q=1#f', null).key).toBe('a.gov.cn|http://a.gov.cn/x/1.html');
    expect(reportKey('chrome-extension://abc/viewer/index.html?src=https%3A%2F%2Fa.gov.cn%2Fr.pdf', null).key).toBe('a.gov.cn|https://a.gov.cn/r.pdf');
  });
});

describe('decisions', () => {
  const fs = [finding('a', 'error', 'fp-a'), finding('b', 'error', 'fp-b'), finding('c', 'review', 'fp-c'), finding('d', 'rounding', 'fp-d')];
  const r = report(fs);
  const at = new Date('2026-12-07T10:00:00Z');

  it('a dismissed finding leaves the counts and is listed apart; a confirmed one stays counted', () => {
    let rec = withReview(null, r, 'http://a.gov.cn/1.html', fs[0] as ReportFinding, decide('confirmed', '', at), at);
    rec = withReview(rec, r, 'http://a.gov.cn/1.html', fs[1] as ReportFinding, decide('dismissed', '口径不同', at), at);
    const applied = applyReviews(r, rec.entries);
    expect(applied.counts).toEqual({ error: 1, review: 1, rounding: 1 });
    expect(applied.confirmed).toBe(1);
    expect(applied.dismissed.map((f) => f.id)).toEqual(['b']);
    expect(applied.review(fs[1] as ReportFinding)).toMatchObject({ status: 'dismissed', note: '口径不同' });
    expect(rec.entries['fp-b']).toMatchObject({ label: '合计 / 本年支出', rule: 'column-sum', stated: '1.00' });
  });

  it('without decisions the counts are the report’s own', () => {
    expect(applyReviews(r).counts).toEqual(r.summary.findings);
  });

  it('restoring removes the decision; a note alone is kept without a status', () => {
    let rec = withReview(null, r, 'u', fs[2] as ReportFinding, decide('dismissed', 'x', at), at);
    rec = withReview(rec, r, 'u', fs[2] as ReportFinding, decide(null, '', at), at);
    expect(rec.entries).toEqual({});
    rec = withReview(rec, r, 'u', fs[2] as ReportFinding, decide(null, '  待问财务科  ', at), at);
    expect(rec.entries['fp-c']).toMatchObject({ status: null, note: '待问财务科' });
    expect(applyReviews(r, rec.entries).counts.review).toBe(1);
  });

  it('keeps the addresses a report was seen at, most recent first, once each', () => {
    let rec = withReview(null, r, 'http://a.gov.cn/1.html', fs[0] as ReportFinding, decide('confirmed', '', at), at);
    rec = withReview(rec, r, 'http://a.gov.cn/2.html', fs[1] as ReportFinding, decide('confirmed', '', at), at);
    rec = withReview(rec, r, 'http://a.gov.cn/1.html', fs[2] as ReportFinding, decide('confirmed', '', at), at);
    expect(rec.urls).toEqual(['http://a.gov.cn/1.html', 'http://a.gov.cn/2.html']);
  });

  it('reads back what it stored, and refuses what is not a record (another schema, damaged entries)', () => {
    const rec = withReview(null, r, 'u', fs[0] as ReportFinding, decide('dismissed', 'x'.repeat(900), at), at);
    expect(rec.entries['fp-a']?.note.length).toBe(500);
    expect(recordOf(JSON.parse(JSON.stringify(rec)))).toEqual(rec);
    expect(recordOf({ ...rec, schema: 'other/1' })).toBeNull();
    expect(recordOf(null)).toBeNull();
    const damaged = recordOf({ ...rec, entries: { x: { status: 'maybe', note: 3 }, y: 'no', 'fp-a': rec.entries['fp-a'] } });
    expect(Object.keys(damaged?.entries ?? {})).toEqual(['fp-a']);
  });
});
