// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageStatus } from '../src/messages/protocol.js';

const state: { url: string; status: PageStatus | null; sent: unknown[]; stored: Record<string, unknown>; executed: number } = {
  url: 'https://www.example.gov.cn/a.html',
  status: null,
  sent: [],
  stored: {},
  executed: 0,
};

vi.mock('../src/platform/browser.js', () => ({
  default: {
    tabs: {
      query: async () => [{ id: 7, url: state.url }],
      get: async () => ({ id: 7, url: state.url }),
      sendMessage: async (_id: number, m: { type: string }) => {
        state.sent.push(m);
        if (!state.status) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (m.type === 'crossfoot:reveal') return { found: true };
        if (m.type === 'crossfoot:set-overlay') return { overlay: false };
        return state.status;
      },
    },
    storage: { local: { get: async () => state.stored, set: async (v: Record<string, unknown>) => Object.assign(state.stored, v) } },
    runtime: {
      getManifest: () => ({ content_scripts: [{ js: ['content-scripts/index.js'], css: ['content-scripts/overlay.css'] }] }),
      getURL: (p: string) => `chrome-extension://crossfoot/${p}`,
      // no viewer tab is open: nothing answers for the tab
      sendMessage: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    scripting: {
      insertCSS: async () => undefined,
      executeScript: async () => {
        state.executed++;
        state.status = { state: 'no-tables', tablesSeen: 0 };
        return [];
      },
    },
  },
}));

// the settings module talks to the browser's own API (page-api.ts): the same stub, as `browser`
(globalThis as unknown as { browser: unknown }).browser = {
  runtime: { sendMessage: async () => undefined, onMessage: { addListener: () => undefined, removeListener: () => undefined } },
  storage: {
    local: { get: async () => state.stored, set: async (v: Record<string, unknown>) => Object.assign(state.stored, v) },
    onChanged: { addListener: () => undefined, removeListener: () => undefined },
  },
};

const { App } = await import('./App.js');
const { checkDocument } = await import('../src/pipeline/report.js');
const { documentOf } = await import('../test/support/rule-tester.js');

function reportWithFindings() {
  const doc = documentOf([
    {
      title: '支出决算表',
      rows: [
        ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
        ['栏次', '', '1', '2', '3'],
        ['合计', '', '10.02', '5.00', '5.00'],
        ['201', '一般公共服务支出', '5.01', '5.00', ''],
        ['<img src=x onerror=alert(1)>', '', '5.00', '', '5.00'],
      ],
    },
  ]);
  return checkDocument(doc, 'https://www.example.gov.cn/a.html');
}

/** A report with a finding about a sentence of the narrative and a question about a rate. */
function reportWithNarrative() {
  const doc = documentOf(
    [
      {
        title: '支出决算表',
        rows: [
          ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
          ['合计', '', '10.00', '5.00', '5.00'],
          ['201', '一般公共服务支出', '10.00', '5.00', '5.00'],
        ],
      },
    ],
    [
      '三、支出决算情况说明',
      '2024 年度本年支出合计 12.00 万元。',
      '五、一般公共预算财政拨款支出决算情况说明',
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）年初预算为1776.1万元，支出决算为1901.97万元，完成年初预算的107.1%。决算数大于预算数的主要原因是：追加经费。',
    ],
  );
  return checkDocument(doc, 'https://www.example.gov.cn/b.html');
}

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => {
    render(<App />, root);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
  return root;
}

describe('popup', () => {
  beforeEach(() => {
    state.url = 'https://www.example.gov.cn/a.html';
    state.status = null;
    state.sent = [];
    state.stored = {};
    state.executed = 0;
  });

  it('says when the browser does not let extensions read the page', async () => {
    state.url = 'chrome://extensions/';
    const root = await mount();
    expect(root.querySelector('[data-state="restricted"]')?.textContent).toMatch(/浏览器不允许扩展读取此页面/u);
  });

  it('offers the viewer on a tab showing a PDF, where the page reader finds no table', async () => {
    state.url = 'https://www.example.gov.cn/attach/2024jsgk.pdf';
    state.status = { state: 'no-tables', tablesSeen: 0 };
    const root = await mount();
    expect(root.querySelector('[data-state="document"]')?.textContent).toMatch(/PDF 或 Excel/u);
    expect(root.querySelector('[data-action="open-viewer"]')?.textContent).toBe('在 Crossfoot 中核对');
  });

  it('offers to check a page the script did not run on, and runs it there', async () => {
    state.url = 'https://example.com/report.html';
    const root = await mount();
    const button = root.querySelector<HTMLButtonElement>('[data-action="check-this-page"]');
    expect(button?.textContent).toBe('核对此页');
    await act(async () => {
      button?.click();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(state.executed).toBe(1);
    expect(root.querySelector('[data-state="no-tables"]')?.textContent).toMatch(/本页没有发现预决算表格/u);
  });

  it('opened while a government page is still loading: says it is checking, and ends on the report once it arrives', async () => {
    const root = await mount();
    expect(root.querySelector('.state')?.textContent).toBe('正在核对……');
    expect(root.querySelector('[data-state="not-run"]')).toBeNull();
    // the content script starts, checks, and answers
    state.status = { state: 'checking' };
    await act(async () => {
      await new Promise((r) => setTimeout(r, 450));
    });
    expect(root.querySelector('.state')?.textContent).toBe('正在核对……');
    const report = reportWithFindings();
    state.status = { state: 'done', report, url: state.url, overlay: true };
    await act(async () => {
      await new Promise((r) => setTimeout(r, 450));
    });
    expect(root.querySelector('[data-count="error"]')?.textContent).toBe(String(report.summary.findings.error));
  });

  it('shows counts per severity, findings by table, and filters; page text stays text', async () => {
    const report = reportWithFindings();
    state.status = { state: 'done', report, url: state.url, overlay: true };
    const root = await mount();
    expect(root.querySelector('[data-count="error"]')?.textContent).toBe(String(report.summary.findings.error));
    expect(root.querySelector('[data-count="rounding"]')?.textContent).toBe(String(report.summary.findings.rounding));
    const errors = root.querySelectorAll('.finding.error');
    expect(errors.length).toBe(report.summary.findings.error);
    expect(root.querySelectorAll('.finding.rounding').length).toBe(0); // rounding hidden by default
    expect(root.querySelector('img')).toBeNull(); // a label holding markup is shown as text
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-severity="rounding"]')?.click();
    });
    expect(root.querySelectorAll('.finding.rounding').length).toBe(report.summary.findings.rounding);
    await act(async () => {
      (errors[0] as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(state.sent).toContainEqual({ type: 'crossfoot:reveal', finding: report.findings.find((f) => f.severity === 'error')?.id });
  });

  it('a page with only the narrative: what was checked, clean said as "N checks held", never as nothing found', async () => {
    const clean = checkDocument(
      documentOf([], ['三、支出决算情况说明', '2024年度本年支出合计766.4万元，其中：基本支出465.33万元，占60.72%；项目支出301.07万元，占39.28%。'], '某乡2024年部门决算'),
      'https://www.example.gov.cn/c.html',
    );
    expect(clean.tables.length).toBe(0);
    expect(clean.findings.filter((f) => f.category !== 'rate-anomaly')).toEqual([]);
    state.status = { state: 'done', report: clean, url: state.url, overlay: true };
    const root = await mount();
    expect(root.querySelector('[data-state="narrative-only"]')?.textContent).toMatch(/只有情况说明/u);
    expect(root.querySelector('[data-state="clean"]')?.textContent).toBe(`核对 ${clean.summary.passed} 项，均相符。`);
    expect(clean.summary.passed).toBeGreaterThan(0);
    expect(root.querySelector('[data-checked]')?.textContent).toContain(`情况说明数字 ${clean.summary.narrative.figures} 个`);
  });

  it('a budget page with nothing that could be checked says so, not "clean"', async () => {
    const nothing = checkDocument(documentOf([], ['2024年度部门决算公开', '本年收入合计100万元。'], '某乡2024年部门决算'), 'https://www.example.gov.cn/d.html');
    expect(nothing.summary.passed).toBe(0);
    state.status = { state: 'done', report: nothing, url: state.url, overlay: true };
    const root = await mount();
    expect(root.querySelector('[data-state="clean"]')).toBeNull();
    expect(root.querySelector('[data-state="nothing-checked"]')?.textContent).toMatch(/本页没有可核对的数字/u);
  });

  it('switches to English and remembers it', async () => {
    state.status = { state: 'done', report: reportWithFindings(), url: state.url, overlay: true };
    const root = await mount();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.bar .link')?.click();
    });
    expect(root.querySelector('.chip.error .label')?.textContent).toBe('Errors');
    expect(state.stored.lang).toBe('en');
  });

  it('turns the overlay off in the page, for this site only', async () => {
    state.status = { state: 'done', report: reportWithFindings(), url: state.url, overlay: true };
    const root = await mount();
    await act(async () => {
      root.querySelector<HTMLInputElement>('[data-action="overlay"]')?.click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(state.sent).toContainEqual({ type: 'crossfoot:set-overlay', on: false });
    expect(state.stored.sites).toEqual({ 'www.example.gov.cn': { overlay: false } });
    expect(state.stored.overlay).toBeUndefined();
  });

  it('an out-of-range threshold is refused with a visible message; the value in force stays', async () => {
    state.status = { state: 'done', report: reportWithFindings(), url: state.url, overlay: true };
    const root = await mount();
    const input = root.querySelector<HTMLInputElement>('[data-threshold="executionBelow"]');
    expect(input).not.toBeNull();
    (root.querySelector('[data-section="settings"]') as HTMLDetailsElement).open = true;
    await act(async () => {
      if (!input) return;
      input.value = '250';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(root.querySelector('[data-threshold-problem]')?.textContent).toBe('“执行率低于”须在 0 到 100 之间；仍按原值核对。');
    expect(input?.value).toBe('90');
    expect(state.stored.thresholds).toBeUndefined();
    await act(async () => {
      if (!input) return;
      input.value = '80';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(root.querySelector('[data-threshold-problem]')).toBeNull();
    expect((state.stored.thresholds as { executionBelow: number }).executionBelow).toBe(80);
    // the panel stays open while the page is checked again
    expect((root.querySelector('[data-section="settings"]') as HTMLDetailsElement | null)?.open).toBe(true);
    expect(state.sent.filter((m) => (m as { type: string }).type === 'crossfoot:check-now').length).toBe(1);
  });

  it('lists findings about the narrative under 情况说明 with their phrase, and rate questions apart', async () => {
    const report = reportWithNarrative();
    const text = report.findings.filter((f) => f.table === null && f.category !== 'rate-anomaly');
    const questions = report.findings.filter((f) => f.category === 'rate-anomaly');
    expect(text.length).toBeGreaterThan(0);
    expect(questions.length).toBeGreaterThan(0);
    state.status = { state: 'done', report, url: state.url, overlay: true };
    const root = await mount();
    const group = [...root.querySelectorAll('.group')].find((g) => g.querySelector('h2')?.textContent === '情况说明（文字部分）');
    expect(group?.querySelector('.quote')?.textContent).toBe(text[0]?.quote?.text);
    // questions are not among the contradictions, and have their own count and section
    expect(root.querySelector('.list')?.querySelector('.finding.question')).toBeNull();
    const section = root.querySelector('[data-section="questions"]');
    expect(section?.querySelector('[data-count="question"]')?.textContent).toBe(String(questions.length));
    expect(section?.querySelectorAll('.finding.question').length).toBe(questions.length);
    expect(section?.textContent).toContain('报告说明的原因');
    await act(async () => {
      section?.querySelector<HTMLInputElement>('[data-action="questions"]')?.click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(state.stored.questions).toBe(true);
  });

  it('keeps the thresholds of rate questions and checks the page again when they change', async () => {
    state.status = { state: 'done', report: reportWithNarrative(), url: state.url, overlay: true };
    const root = await mount();
    const input = root.querySelector<HTMLInputElement>('[data-threshold="executionBelow"]');
    expect(input?.value).toBe('90');
    await act(async () => {
      if (input) {
        input.value = '80';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(state.stored.thresholds).toMatchObject({ executionBelow: 80, completionAbove: 100, changeBeyond: 50 });
    expect(state.sent).toContainEqual({ type: 'crossfoot:check-now' });
  });

  it('keeps the threshold in force when its field is emptied (never stores 0)', async () => {
    state.status = { state: 'done', report: reportWithNarrative(), url: state.url, overlay: true };
    const root = await mount();
    const input = root.querySelector<HTMLInputElement>('[data-threshold="executionBelow"]');
    await act(async () => {
      if (input) {
        input.value = '';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(state.stored.thresholds).toBeUndefined();
    expect(input?.value).toBe('90');
    expect(state.sent).not.toContainEqual({ type: 'crossfoot:check-now' });
  });

  it('lists thousands of findings a page at a time', async () => {
    const rows = [['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出']];
    for (let i = 0; i < 700; i++) rows.push(['2010301', `行政运行${i}`, (3.5 + i / 100).toFixed(2), '1.00', '2.00']);
    const report = checkDocument(documentOf([{ title: '支出决算表', rows }]), 'https://www.example.gov.cn/c.html');
    expect(report.summary.findings.error).toBeGreaterThan(600);
    state.status = { state: 'done', report, url: state.url, overlay: true };
    const root = await mount();
    expect(root.querySelectorAll('.list .finding').length).toBe(200);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="show-more"]')?.click();
    });
    expect(root.querySelectorAll('.list .finding').length).toBe(400);
  });

  it('shows characters that print nothing or reorder text as visible code points', async () => {
    const { visible } = await import('./visible.js');
    expect(visible('合计\u202e00.3\u200b')).toBe('合计⟨U+202E⟩00.3⟨U+200B⟩');
    expect(visible('报告\u001b[2J')).toBe('报告⟨U+001B⟩[2J');
  });
});
