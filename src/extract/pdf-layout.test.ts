import { describe, expect, it } from 'vitest';
import { layoutPdfText, phraseRects, type PdfPageText, type TextRun } from './pdf-layout.js';

/** A line of text runs at baseline y: [x, text] pairs, 12 pt, each character 12 pt wide (digits and Latin 6). */
function line(y: number, ...parts: Array<[number, string]>): TextRun[] {
  return parts.map(([x, str]) => ({ str, x, y, size: 12, width: [...str].reduce((w, ch) => w + (/[\x20-\x7e]/u.test(ch) ? 6 : 12), 0) }));
}
const page = (...lines: TextRun[][]): PdfPageText => ({ width: 595, height: 842, runs: lines.flat() });
const blocks = (pages: PdfPageText[]): string[] => layoutPdfText(pages).items.flatMap((i) => (i.type === 'block' ? [i.text] : []));

// a text column from x = 72 to x = 72 + 36 × 12 = 504
const FULL = '这是一个很长的句子用来填满一整行文字直到右边的页边距为止还有更多的字写在这里吧';

describe('layoutPdfText', () => {
  it('joins lines broken at the right margin, and starts a paragraph at an indent', () => {
    const out = blocks([page(line(700, [96, FULL.slice(0, 34)]), line(685, [72, FULL.slice(0, 36)]), line(670, [72, '本年支出合计766.4万元。']), line(650, [96, '第二段从缩进开始。']))]);
    expect(out).toEqual([`${FULL.slice(0, 34)}${FULL.slice(0, 36)}本年支出合计766.4万元。`, '第二段从缩进开始。']);
  });

  it('keeps section headings as blocks of their own', () => {
    const out = blocks([page(line(700, [72, '三、支出决算情况说明']), line(680, [96, FULL.slice(0, 34)]), line(665, [72, '结束。']))]);
    expect(out).toEqual(['三、支出决算情况说明', `${FULL.slice(0, 34)}结束。`]);
  });

  it('drops page numbers and running headers, never fusing them with a figure', () => {
    const pages = [1, 2, 3].map((n) =>
      page(line(800, [200, '某某部门2024年度部门决算']), line(700, [96, FULL.slice(0, 34)]), line(685, [72, `本年收入合计${n}00.00万元。`]), line(40, [290, String(n)])),
    );
    expect(blocks(pages)).toEqual([1, 2, 3].map((n) => `${FULL.slice(0, 34)}本年收入合计${n}00.00万元。`));
  });

  it('continues a paragraph over a page break', () => {
    const out = blocks([page(line(100, [96, FULL.slice(0, 34)]), line(85, [72, `${FULL.slice(0, 30)}支出合计`])), page(line(760, [72, '766.4万元。']))]);
    expect(out).toEqual([`${FULL.slice(0, 34)}${FULL.slice(0, 30)}支出合计766.4万元。`]);
  });

  it('sets table rows aside (several runs far apart, most of them figures) and counts them', () => {
    const r = layoutPdfText([
      page(
        line(700, [72, '支出决算表']),
        line(680, [72, '201'], [140, '一般公共服务支出'], [300, '5.01'], [380, '5.00'], [460, '0.01']),
        line(660, [72, '合计'], [300, '5.01'], [380, '5.00'], [460, '0.01']),
        line(630, [96, '说明文字。']),
      ),
    ]);
    expect(r.items.flatMap((i) => (i.type === 'block' ? [i.text] : []))).toEqual(['支出决算表', '说明文字。']);
    expect(r.tabularLines).toBe(2);
  });

  it('puts a space between Latin words and numbers of separate runs only', () => {
    expect(blocks([page(line(700, [96, 'PDF'], [120, 'report'], [162, '2024年']))])).toEqual(['PDF report 2024年']);
  });

  it('notes a scanned page (images, no text) and says nothing of a blank one', () => {
    const r = layoutPdfText([page(line(700, [96, '正文。'])), { width: 595, height: 842, runs: [], images: true }, { width: 595, height: 842, runs: [] }]);
    expect(r.notes).toEqual([{ reason: 'pdf-scanned-page', data: { page: 2 } }]);
  });
});

describe('phraseRects: where a phrase of a block is printed', () => {
  const lines = [
    { page: 2, x0: 100, x1: 200, y0: 500, y1: 512, text: '一二三四五六七八九十' },
    { page: 2, x0: 100, x1: 150, y0: 480, y1: 492, text: '甲乙丙丁戊' },
  ];
  it('a phrase inside one line, in proportion to its characters', () => {
    expect(phraseRects(lines, '一二三四五六七八九十甲乙丙丁戊', 2, 5)).toEqual([{ page: 2, x0: 120, x1: 150, y0: 500, y1: 512 }]);
  });
  it('a phrase over a line break gives a rectangle on each line', () => {
    expect(phraseRects(lines, '一二三四五六七八九十甲乙丙丁戊', 8, 12)).toEqual([
      { page: 2, x0: 180, x1: 200, y0: 500, y1: 512 },
      { page: 2, x0: 100, x1: 120, y0: 480, y1: 492 },
    ]);
  });
  it('spaces the block text folded or added do not shift the phrase', () => {
    const spaced = [{ page: 0, x0: 0, x1: 80, y0: 0, y1: 10, text: '收入 2,940.05 万元' }];
    const [r] = phraseRects(spaced, '收入2,940.05万元', 2, 10);
    expect(r?.x0).toBeCloseTo((3 * 80) / 14);
    expect(r?.x1).toBeCloseTo((11 * 80) / 14);
  });
});
