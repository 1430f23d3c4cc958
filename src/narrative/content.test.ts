/**
 * Is a page's narrative budget content? A page carrying only the 情况说明 is a budget page and is
 * checked; a news article that mentions an amount is not.
 */
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/support/rule-tester.js';
import { runEngine } from '../pipeline/run.js';

const content = (title: string, ...text: string[]) => runEngine(documentOf([], text, title), { rules: [] }).narrative;

describe('narrativeContent', () => {
  const cases: Array<{ name: string; title: string; text: string[]; budget: boolean; figures?: number }> = [
    {
      name: 'a 三公 narrative that names itself, one figure',
      title: '2017年“三公”经费决算情况说明',
      text: ['2017年“三公”经费支出35万元，其中：公务接待费5万元。'],
      budget: true,
      figures: 2,
    },
    {
      name: 'a 部门决算 narrative without tables (the tables are an attachment)',
      title: '某某乡人民政府2017年部门决算编制说明',
      text: ['三、支出决算情况说明', '2017年度本年支出合计766.4万元，其中：基本支出465.33万元，占60.71%；项目支出301.07万元，占39.29%。'],
      budget: true,
      figures: 3,
    },
    {
      name: 'a page that does not name itself but states several budget figures',
      title: '信息公开',
      text: ['本年收入合计120.71万元，本年支出合计120.71万元，其中基本支出98.71万元，项目支出22.00万元。'],
      budget: true,
    },
    {
      name: 'a news article with an investment amount',
      title: '我市新建道路通车',
      text: ['新闻', '该项目总投资5000万元，全长3公里，今天正式通车。'],
      budget: false,
      figures: 0,
    },
    {
      name: 'one budget sentence in a page that does not name itself as a disclosure',
      title: '工作动态',
      text: ['会议听取了关于项目支出200万元的汇报。'],
      budget: false,
    },
    { name: 'a page with no figures at all', title: '部门决算公开', text: ['报表详见附件。'], budget: false, figures: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const n = content(c.title, ...c.text);
      expect(n.budget).toBe(c.budget);
      if (c.figures !== undefined) expect(n.figures).toBe(c.figures);
    });
  }
});
