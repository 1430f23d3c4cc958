/**
 * The CLI reads pages through parse5 and a light read-only DOM (src/cli/light-dom.ts) instead of
 * jsdom. The reader must see the same page either way: on every fixture page (the seeds in every
 * skin, the real pages, the bundled sample, the hostile and pathological pages) the document read
 * through the light DOM equals the one read through jsdom, table by table and block by block.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractDom } from '../../src/extract/dom.js';
import { parseLight } from '../../src/cli/light-dom.js';
import { decode } from '../../src/cli/load.js';
import { FIXTURES, ROOT, fixturesAvailable } from '../support/fixtures.js';
import { HOSTILE_PAGES } from '../support/hostile-pages.js';

function both(html: string): { light: unknown; jsdom: unknown } {
  const url = 'file:///page.html';
  const light = extractDom(parseLight(html, url), { source: url, frameDocument: () => null }).document;
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const jsdom = extractDom(dom.window.document, { source: url, frameDocument: () => null }).document;
  return { light, jsdom };
}

const pages = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.html?$/u.test(f))
    .map((f) => path.join(dir, f));

describe.skipIf(!fixturesAvailable())('the light DOM reads every fixture page as jsdom does', () => {
  const files = [...pages(path.join(FIXTURES, 'pages')), ...pages(path.join(FIXTURES, 'real-pages/pages')), path.join(ROOT, 'samples/sample-report.html')];
  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s', (_name, file) => {
    const { light, jsdom } = both(decode(readFileSync(file)));
    expect(light).toEqual(jsdom);
  });
});

describe('the light DOM on hostile and broken markup', () => {
  const cases: Array<[string, string]> = [
    ...HOSTILE_PAGES.filter((h) => !/10000|5mb|megabyte|over/u.test(h.name)).map((h): [string, string] => [h.name, h.html()]),
    ['implied tbody, unclosed cells and rows', '<p>支出决算表<p>单位：万元<table><tr><td>项目<td>金额<tr><td>合计<td>3.00<tr><td>甲<td>1.00<tr><td>乙<td>2.00</table>'],
    ['misnested inline and block tags', '<table><tr><td><b><p>合计</b>3.00</p></td><td>1<i>.00</td></tr></table><div><span>本年支出 <div>3.00 万元</span></div>'],
    [
      'spans as the standard reflects them',
      '<table><tr><td colspan="0">a</td><td colspan=" 2x">b</td><td rowspan="0">c</td><td colspan="5000">d</td><td rowspan="-1">e</td></tr><tr><td>1</td></tr></table>',
    ],
    ['a table in a table, a table in a paragraph, a frameset', '<p>文字<table><tr><td><table><tr><td>1.00</td></tr></table></td></tr></table><frameset><frame src="x.html"></frameset>'],
    [
      'comments, CDATA, templates and foreign content',
      '<!-- x --><template><table><tr><td>9</td></tr></template><svg><text>7</text></svg><table><tr><td><![CDATA[ 5 ]]>合计</td><td>6.00</td></tr></table>',
    ],
    ['a title with white space and markup', '<title>  某局\n 2024年 <b>部门决算</b> </title><p>本年收入合计 12.00 万元。</p>'],
  ];
  it.each(cases)('%s', (_name, html) => {
    const { light, jsdom } = both(html);
    expect(light).toEqual(jsdom);
  });

  it('reads <noscript> as a browser with scripts on does (as text, so never a table): jsdom, with scripts off, differs', () => {
    const html = '<noscript><table><tr><td>合计</td><td>8.00</td></tr></table></noscript><p>正文</p>';
    const light = extractDom(parseLight(html, 'file:///x.html'), { source: 'x' }).document;
    expect(light.tables).toEqual([]);
  });

  it('answers the selectors the reader asks, and refuses any other rather than answer wrongly', () => {
    const doc = parseLight('<div><iframe src="a"></iframe><table><tr><td>1</td></tr></table><frame src="b"></div>', 'file:///x.html');
    expect(doc.querySelectorAll('iframe, frame').length).toBe(1); // <frame> outside a frameset is dropped, as browsers do
    expect(doc.querySelector('table')?.localName).toBe('table');
    expect(doc.querySelector('tbody')?.parentElement?.localName).toBe('table');
    expect(() => doc.querySelector('div > table')).toThrow(/unsupported selector/u);
    expect(doc.URL).toBe('file:///x.html');
  });
});
