// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockSpan, extractDom } from './dom.js';

function extract(html: string) {
  document.body.innerHTML = html; // test fixture markup only
  return extractDom(document, { source: 'test' });
}

describe('page → document', () => {
  it('expands merged cells and remembers their DOM cells', () => {
    const r = extract(
      '<table><tr><td colspan="2">项目</td><td rowspan="2">合计</td></tr><tr><td>科目代码</td><td>科目名称</td></tr><tr><td>201</td><td>一般公共服务支出</td><td>1.00</td></tr></table>',
    );
    const t = r.document.tables[0];
    expect(t?.grid.map((row) => row.map((c) => c.text))).toEqual([
      ['项目', '项目', '合计'],
      ['科目代码', '科目名称', '合计'],
      ['201', '一般公共服务支出', '1.00'],
    ]);
    expect(t?.grid[1]?.[2]?.merged).toBe(true);
    const src = t?.grid[1]?.[2]?.src ?? -1;
    expect(r.cellElements[0]?.[src]?.textContent).toBe('合计');
  });

  it('normalises &nbsp;, full-width digits and numbers split across spans', () => {
    const r = extract(
      '<table><tr><td>项目</td><td>金额</td></tr><tr><td>合&nbsp;计</td><td><p class="MsoNormal"><span>1,4</span><span>34.34</span><o:p></o:p></p></td></tr><tr><td>其他</td><td>５，１６８．１２</td></tr><tr><td>空</td><td>&nbsp;</td></tr></table>',
    );
    const g = r.document.tables[0]?.grid;
    expect(g?.[1]?.[0]?.text).toBe('合 计');
    const v = g?.[1]?.[1]?.value;
    expect(v?.type === 'number' && v.value.toFixed(2)).toBe('1434.34');
    const w = g?.[2]?.[1]?.value;
    expect(w?.type === 'number' && w.value.toFixed(2)).toBe('5168.12');
    expect(g?.[3]?.[1]?.value.type).toBe('empty');
  });

  it('turns line breaks inside a cell into spaces', () => {
    const r = extract('<table><tr><td>年初<br>预算数</td><td>1、甲。<br>2、乙。</td></tr><tr><td>1.00</td><td>x</td></tr></table>');
    expect(r.document.tables[0]?.grid[0]?.map((c) => c.text)).toEqual(['年初 预算数', '1、甲。 2、乙。']);
  });

  it('ignores Word and Excel zero-height spacer rows', () => {
    const r = extract(
      '<table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr><tr height="0"><td style="border:none"></td><td style="border:none"></td></tr><tr style="display:none"><td></td><td></td></tr></table>',
    );
    expect(r.document.tables[0]?.rows).toBe(2);
  });

  it('finds the title, 公开0N表, 单位 and 部门 lines above the table or inside it', () => {
    const above = extract(
      '<h3>三、支出决算表</h3><p>支出决算表</p><p>公开03表</p><p>单位：万元</p><p>部门：某局</p><table><tr><td>科目代码</td><td>本年支出合计</td></tr><tr><td>201</td><td>1.00</td></tr></table><p>注：本表反映部门本年度各项支出情况。</p>',
    );
    expect(above.document.tables[0]?.meta).toMatchObject({ title: '支出决算表', code: '公开03表', unit: '万元', department: '某局', headings: ['三、支出决算表'] });
    const inside = extract(
      '<table><tr><td colspan="2">支出决算表</td></tr><tr><td colspan="2">公开03表</td></tr><tr><td colspan="2">金额单位：元</td></tr><tr><td>科目代码</td><td>本年支出合计</td></tr><tr><td>201</td><td>1.00</td></tr></table>',
    );
    const t = inside.document.tables[0];
    expect(t?.meta).toMatchObject({ title: '支出决算表', code: '公开03表', unit: '元' });
    expect(t?.grid[0]?.[0]?.text).toBe('科目代码');
  });

  it('keeps text outside tables as ordered blocks, and skips scripts, hidden and Crossfoot UI elements', () => {
    document.body.innerHTML =
      '<h2>一、收入支出决算总体情况说明</h2><p>2024 年度收入总计<b>5168.13</b>万元。</p><script>var x = "no";</script><div hidden>hidden</div><div id="ours">ui</div><ul><li>第一项</li></ul>';
    const ours = document.getElementById('ours');
    const r = extractDom(document, { source: 'test', isOwnUi: (el) => el === ours });
    expect(r.document.blocks.map((b) => `${b.kind}:${b.text}`)).toEqual(['heading:一、收入支出决算总体情况说明', 'paragraph:2024 年度收入总计5168.13万元。', 'paragraph:第一项']);
    expect(r.blockSources[1]?.nodes.map((n) => n.data).join('')).toBe('2024 年度收入总计5168.13万元。');
  });

  it('reads what a page marks with our attribute names: a page cannot hide its figures from the check', () => {
    const r = extract('<p data-crossfoot-ui>本年支出合计 25.00 万元。</p><table data-crossfoot-ui data-crossfoot-running><tr><td>合计</td><td>1.00</td></tr></table>');
    expect(r.document.blocks.map((b) => b.text)).toEqual(['本年支出合计 25.00 万元。']);
    expect(r.document.tables).toHaveLength(1);
  });

  it('reads figures through zero-width characters, soft hyphens and bidi controls, and says so', () => {
    const r = extract('<table><tr><td>合计</td><td>1\u200d2\u00ad3.4\u202e5</td></tr></table><p>收入\u200b总计 12.00 万元</p>');
    const cell = r.document.tables[0]?.grid[0]?.[1];
    expect(cell?.text).toBe('123.45');
    expect(cell?.value.type).toBe('number');
    expect(r.document.blocks[0]?.text).toBe('收入总计 12.00 万元');
    expect(r.document.notes).toEqual([{ reason: 'invisible-characters', data: { count: 1 } }]);
  });

  it('finds a quoted span of a block in the page (folded white space, line breaks, split spans)', () => {
    const r = extract('<p>  “三公”经费支出决算为<span>2.</span><span>61</span>万元，<br>\n  比上年减少   0.96 万元。</p>');
    const text = r.document.blocks[0]?.text ?? '';
    expect(text).toBe('“三公”经费支出决算为2.61万元， 比上年减少 0.96 万元。');
    const source = r.blockSources[0];
    if (!source) throw new Error('no block source');
    const range = (phrase: string): string => {
      const start = text.indexOf(phrase);
      const span = blockSpan(source, start, start + phrase.length);
      if (!span) return '';
      const rg = document.createRange();
      rg.setStart(span.start.node, span.start.offset);
      rg.setEnd(span.end.node, span.end.offset);
      return rg.toString();
    };
    expect(range('2.61万元')).toBe('2.61万元');
    expect(range('万元， 比上年减少 0.96')).toBe('万元，\n  比上年减少   0.96'); // the <br> holds no text
    expect(blockSpan(source, 5, 400)).toBeNull();
  });

  it('treats a layout table (one with tables inside) as a container and reads the inner tables', () => {
    const r = extract('<table><tr><td><p>支出决算表</p><table><tr><td>科目代码</td><td>金额</td></tr><tr><td>201</td><td>1.00</td></tr></table></td></tr></table>');
    expect(r.document.tables).toHaveLength(1);
    expect(r.document.tables[0]?.meta.title).toBe('支出决算表');
  });

  it('follows same-origin iframes in place', () => {
    document.body.innerHTML = '<p>before</p><iframe></iframe><p>after</p>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const inner = document.implementation.createHTMLDocument('inner');
    inner.body.innerHTML = '<p>支出决算表</p><table><tr><td>科目代码</td><td>金额</td></tr><tr><td>201</td><td>1.00</td></tr></table>';
    const r = extractDom(document, { source: 'test', frameDocument: (f) => (f === frame ? inner : null) });
    expect(r.document.tables).toHaveLength(1);
    expect(r.document.blocks.map((b) => b.text)).toEqual(['before', '支出决算表', 'after']);
    expect(r.frames.read).toBe(1);
  });

  it('survives deep nesting without overflowing the stack (the walk is iterative)', () => {
    document.body.replaceChildren();
    let parent: HTMLElement = document.body;
    for (let i = 0; i < 3000; i++) {
      const div = document.createElement('div');
      parent.append(div);
      parent = div;
    }
    const p = document.createElement('p');
    p.textContent = 'deep';
    parent.append(p);
    const r = extractDom(document, { source: 'test' });
    expect(r.document.blocks.map((b) => b.text)).toEqual(['deep']);
  });
});
