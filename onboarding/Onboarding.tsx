/**
 * The page opened once, when Crossfoot is installed: what it checks, what its three severities
 * mean, that everything stays on this computer, and how to begin. Chinese first; English on a click.
 */
import { useState } from 'preact/hooks';
import browser from '../src/platform/browser.js';

const TEXT = {
  'zh-CN': {
    title: '欢迎使用 Crossfoot 勾稽',
    lead: 'Crossfoot 核对政府部门公开的部门决算、部门预算：公开 01–09 表、项目支出绩效自评表和情况说明中的每一个合计、勾稽关系和比率，并把每一处不一致标在页面上。',
    checks: '它核对什么',
    checkItems: [
      '表格的合计是否等于各项之和，类是否等于所属款之和',
      '同一数字在各张表之间是否一致',
      '增减率、完成率、执行率、占比和得分是否算对',
      '情况说明里的金额、比率与表格是否一致，理由是否与增减方向相符',
    ],
    severities: '三种性质',
    sev: [
      ['✖ 错误', '超出尾数范围的矛盾：数字对不上。'],
      ['◆ 待核实', '需要人工判断：口径可能不同，或无法确定是哪个数字的问题。'],
      ['≈ 尾数差异', '四舍五入造成的 0.01 之差，不算错误。'],
    ],
    start: '怎样开始',
    startItems: [
      '打开政府网站（*.gov.cn）上的决算、预算公开页面：Crossfoot 自动核对，工具栏图标显示错误数。',
      '其他网站：点工具栏图标，选“核对此页”；或在页面上点右键，选“用 Crossfoot 核对此页”。',
      'PDF 或 Excel 附件：在弹出窗口中选“在 Crossfoot 中核对”，或在链接上点右键。',
      '把鼠标停在标记上查看说明；对每条发现可以“确认”“非错误”、写备注、复制引用，并导出为 Markdown、CSV 或 JSON。',
    ],
    privacy: '所有核对都在您的电脑上完成。Crossfoot 不收集、不上传任何数据；设置和您的结论只保存在本机浏览器中。',
    options: '设置与已存数据',
    lang: 'English',
  },
  en: {
    title: 'Welcome to Crossfoot 勾稽',
    lead: 'Crossfoot checks the budget disclosures Chinese government bodies publish — 部门决算 and 部门预算: every total, identity and rate in the 公开01–09表, the 项目支出绩效自评表 and the 情况说明 — and marks each inconsistency on the page.',
    checks: 'What it checks',
    checkItems: [
      'totals against their parts, 类 rows against their 款 rows',
      'the same figure across tables',
      'growth, completion and execution rates, shares and scores',
      'amounts and rates in the narrative against the tables, and reasons that run against the change',
    ],
    severities: 'Three severities',
    sev: [
      ['✖ Error', 'a contradiction beyond rounding: the figures do not agree.'],
      ['◆ To review', 'needs human judgement: scopes may differ, or which figure is wrong cannot be told.'],
      ['≈ Rounding', 'a 0.01 difference from rounding: never an error.'],
    ],
    start: 'How to begin',
    startItems: [
      'Open a 决算 or 预算 page on a government site (*.gov.cn): Crossfoot checks it by itself, and its toolbar icon shows the number of errors.',
      'Elsewhere: click the toolbar icon and choose “Check this page”, or right-click the page.',
      'PDF or Excel attachments: choose “Check in Crossfoot” in the popup, or right-click the link.',
      'Rest the pointer on a mark to read its explanation; confirm a finding or mark it not an error, add a note, copy a citation, and export Markdown, CSV or JSON.',
    ],
    privacy: 'Everything is checked on your computer. Crossfoot collects and uploads nothing; settings and your decisions stay in this browser.',
    options: 'Settings and stored data',
    lang: '中文',
  },
} as const;

export function Onboarding(): preact.JSX.Element {
  const [locale, setLocale] = useState<'zh-CN' | 'en'>('zh-CN');
  const w = TEXT[locale];
  return (
    <main class="onboarding" lang={locale}>
      <header>
        <span class="logo" aria-hidden="true">
          勾
        </span>
        <h1>{w.title}</h1>
        <button type="button" class="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {w.lang}
        </button>
      </header>
      <p class="lead">{w.lead}</p>
      <h2>{w.checks}</h2>
      <ul>
        {w.checkItems.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      <h2>{w.severities}</h2>
      <dl class="severities">
        {w.sev.map(([name, what], i) => (
          <div key={name} class={['error', 'review', 'rounding'][i]}>
            <dt>{name}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <h2>{w.start}</h2>
      <ol>
        {w.startItems.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ol>
      <p class="privacy">{w.privacy}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {w.options}
      </button>
    </main>
  );
}
