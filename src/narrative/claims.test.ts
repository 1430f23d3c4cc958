/**
 * Claim extraction on real sentences of the seed reports (000–002), and on the negatives every
 * report is full of: "与上年持平", "本单位不涉及此项", "无此项支出", "无可比性".
 */
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../test/support/rule-tester.js';
import { passagesOf } from './passages.js';
import { statementsOf } from './claims.js';
import type { Mention } from './mentions.js';
import type { Statement } from './statement.js';
import { conceptOf } from './concepts.js';
import { quantityClaims } from './quantities.js';
import { reasonIn } from './reasons.js';

function statements(heading: string, ...text: string[]): Statement[] {
  const passages = passagesOf(documentOf([], [heading, ...text]));
  let id = 0;
  return passages.flatMap((p) => {
    const sts = statementsOf(p, id);
    id += sts.length;
    return sts;
  });
}

const v = (m: Mention | undefined | null): string | null => (m ? `${m.value.toFixed(m.scale)}${m.unit}` : null);

/** The parts of a statement a test looks at. */
function shape(st: Statement) {
  return {
    subject: st.subject,
    amount: v(st.amount),
    budget: v(st.budget?.mention),
    final: v(st.final),
    change: st.change ? `${st.change.direction}${st.change.mention ? ` ${v(st.change.mention)}` : ''}` : null,
    rate: v(st.rate?.mention),
    share: st.share ? `${v(st.share.mention)} of ${st.share.base ?? '?'}` : null,
    completion: v(st.completion?.mention),
    parent: st.parent,
  };
}

describe('claims in the 情况说明', () => {
  it('an amount with its change and rate (001 二、收入决算情况说明)', () => {
    const income = statements('二、收入决算情况说明', '本年收入合计 1434.77 万元，其中：财政拨款收入 1433.26 万元，比上年增加 166.94 万元，增长 13.18%，主要是人员增加、项目资金增加。');
    expect(shape(income[0] as Statement)).toMatchObject({ subject: '本年收入合计', amount: '1434.77万元' });
    expect(shape(income[1] as Statement)).toMatchObject({ subject: '财政拨款收入', amount: '1433.26万元', change: 'up 166.94万元', rate: '13.18%', parent: 0 });
    expect(conceptOf(income[1]?.subject ?? '')).toBe('fiscal-income');
  });

  it('收、支总计各 X, changes without a stated subject (000 一、总体情况)', () => {
    const sts = statements('一、收入支出决算总体情况说明', '2024 年度收、支总计各 5168.13 万元。与 2023 年相比，收、支总计各减少 7045 万元，下降 57.7%。');
    expect(sts.map(shape)).toEqual([
      expect.objectContaining({ subject: '收、支总计', amount: '5168.13万元' }),
      expect.objectContaining({ subject: '收、支总计', change: 'down 7045万元', rate: '57.7%' }),
    ]);
  });

  it('a share of the base the sentence names (001 五、一般公共预算)', () => {
    const sts = statements(
      '五、一般公共预算财政拨款支出决算情况说明',
      '（二）一般公共预算财政拨款支出决算结构情况',
      '一般公共服务支出 1337.02 万元，占 93.28%；社会保障和就业支出 42.43 万元，占 2.96%。',
    );
    expect(sts.map((s) => [s.subject, v(s.amount), v(s.share?.mention)])).toEqual([
      ['一般公共服务支出', '1337.02万元', '93.28%'],
      ['社会保障和就业支出', '42.43万元', '2.96%'],
    ]);
  });

  it('budget, final and completion of a numbered item, and "决算数大于预算数" (000 五、（四）)', () => {
    const [st] = statements(
      '五、一般公共预算财政拨款支出决算情况说明',
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）年初预算为1776.1万元，支出决算为1901.97万元，完成年初预算的107.1%。决算数大于预算数的主要原因是：2024年度支出含当年追加行政运行经费。',
    );
    expect(shape(st as Statement)).toMatchObject({ subject: '行政运行', budget: '1776.1万元', final: '1901.97万元', completion: '107.1%' });
    expect(st?.item).toMatch(/^一般公共服务（类）.*行政运行（项）$/u);
    expect(st?.comparison?.word).toBe('greater');
  });

  it('a 三公 restatement with a change on the prior year (001 九、（一）)', () => {
    const [st] = statements('九、财政拨款“三公”经费支出决算情况说明', '2024年度“三公”经费财政拨款支出预算为5.16万元，支出决算为2.61万元，完成预算的50.58%；较2023年度减少3.1万元，下降37.53%。');
    expect(shape(st as Statement)).toMatchObject({ budget: '5.16万元', final: '2.61万元', completion: '50.58%', change: 'down 3.1万元', rate: '37.53%' });
    expect(conceptOf(st?.subject ?? '')).toBe('three-total');
  });

  it('a component list after 其中 (002 三、支出决算情况说明)', () => {
    const sts = statements('三、支出决算情况说明', '本年支出合计 17946.59 万元，其中：基本支出 12359.1 万元，项目支出 5587.49 万元。');
    expect(sts.map((s) => [s.subject, v(s.amount), s.parent])).toEqual([
      ['本年支出合计', '17946.59万元', null],
      ['基本支出', '12359.1万元', 0],
      ['项目支出', '5587.49万元', 0],
    ]);
  });

  it('a unit slip where the completion rate belongs (002 十、（二）3)', () => {
    const sts = statements(
      '十、绩效评价情况说明',
      '3. 吉林省人民政府办公厅（本级）省政府决策咨询委员会专项经费自评情况：根据年初设定的绩效目标，项目绩效自评得分为 97 分。项目全年预算数为 100 万元，完成预算的 99.87 万元，执行率为 99.9%。',
    );
    expect(sts.every((s) => s.subject === '吉林省人民政府办公厅（本级）省政府决策咨询委员会专项经费')).toBe(true);
    expect(v(sts.find((s) => s.score)?.score)).toBe('97分');
    const budget = sts.find((s) => s.budget);
    expect(v(budget?.budget?.mention)).toBe('100万元');
    expect(budget?.completion).toMatchObject({ unitSlip: true });
    expect(v(budget?.completion?.mention)).toBe('99.87万元');
    expect(v(budget?.execution)).toBe('99.9%');
  });

  describe('negatives', () => {
    it('"与上年持平": a flat change without a figure (002 二、收入)', () => {
      const sts = statements('二、收入决算情况说明', '上级补助收入 0 万元，与上年持平；事业收入 0 万元，与上年持平。');
      expect(sts.map((s) => [s.subject, v(s.amount), s.change?.direction, s.change?.mention ?? null])).toEqual([
        ['上级补助收入', '0万元', 'flat', null],
        ['事业收入', '0万元', 'flat', null],
      ]);
    });

    it('"本单位不涉及此项": zero amounts with a zero share, no other claim (001 七、政府性基金)', () => {
      const sts = statements(
        '七、政府性基金预算财政拨款收入支出决算情况说明',
        '2024 年度政府性基金预算财政拨款年初结转和结余 0.00 万元；本年收入 0.00 万元，占 0%，主要是本单位不涉及此项；本年支出 0.00 万元，占 0%，主要是本单位不涉及此项。',
      );
      expect(sts.map((s) => [s.subject, v(s.amount), v(s.share?.mention)])).toEqual([
        ['政府性基金预算财政拨款年初结转和结余', '0.00万元', null],
        ['本年收入', '0.00万元', '0%'],
        ['本年支出', '0.00万元', '0%'],
      ]);
      expect(sts.every((s) => !s.change && !s.rate && !s.completion)).toBe(true);
    });

    it('"无此项支出": a zero figure and nothing else', () => {
      const sts = statements('九、财政拨款“三公”经费支出决算情况说明', '3.公务接待费预算为 0 万元，支出决算为 0 万元，本单位无此项支出。');
      expect(sts.map(shape)).toEqual([expect.objectContaining({ subject: '公务接待费', budget: '0万元', final: '0万元', change: null, rate: null, completion: null })]);
    });

    it('"无可比性": a change without a rate, marked as not comparable', () => {
      const [st] = statements('三、支出决算情况说明', '项目支出 10 万元，比上年增加 10 万元，上年无此项支出，无可比性。');
      expect(shape(st as Statement)).toMatchObject({ amount: '10万元', change: 'up 10万元', rate: null });
      expect(st?.noComparison).toBeTruthy();
    });

    it('years, dates and ordinals are not figures', () => {
      const sts = statements('十一、其他重要事项的情况说明', '截至 2024 年 12 月 31 日，公务用车保有量为 6 辆。');
      expect(sts.map((s) => [s.subject, v(s.count), v(s.amount)])).toEqual([['公务用车保有量', '6辆', null]]);
    });
  });
});

describe('figures in achievement prose', () => {
  it('reads phrases, figures, units and approximations; leaves changes out', () => {
    const claims = quantityClaims('向省政府报送动态信息 2000 余条，采用近 200 条；文件处理时效性提升20%，参事、馆员满意度达到96%。');
    expect(claims.map((c) => [c.phrase, c.value.toFixed(), c.unit, c.approx])).toEqual([
      ['向省政府报送动态信息', '2000', '条', true],
      ['采用', '200', '条', true],
      ['参事、馆员满意度', '96', '%', false],
    ]);
  });
});

describe('stated reasons', () => {
  it('takes the reason after 原因, up to the end of its clause', () => {
    const text = '决算数大于预算数的主要原因是：2024年度支出含当年追加行政运行经费。其他。';
    expect(reasonIn(text)?.text).toBe('2024年度支出含当年追加行政运行经费');
  });

  it('"原因：无" is no reason; strict mode ignores "主要是…" (what money was spent on)', () => {
    expect(reasonIn('发现的主要问题及原因：无。下一步改进措施：无。')).toBeNull();
    expect(reasonIn('公务用车运行维护费支出1.8万元，主要是用于公车油费等费用。', 0, undefined, true)).toBeNull();
    expect(reasonIn('公务用车运行维护费支出1.8万元，主要是用于公车油费等费用。')?.text).toBe('用于公车油费等费用');
  });
});

describe('asides in brackets', () => {
  it('a list after a bracketed restatement is under the figure outside the brackets', () => {
    const sts = statements('二、支出预算情况说明', '我校2021年支出预算490,808.40万元（本年支出预算415,808.40万元），其中：教育支出398,593.09万元，占总支出的81.21%；结转下年75,000.00万元。');
    const head = sts.find((s) => s.budget?.mention.value.toFixed(2) === '490808.40');
    const education = sts.find((s) => s.subject === '教育支出');
    expect(head).toBeTruthy();
    expect(education?.parent).toBe(head?.id);
  });
  it('a list inside the brackets is never put under the figure outside them', () => {
    const sts = statements('三、支出决算情况说明', '本年支出100.00万元（基本支出60.00万元，其中：人员经费50.00万元，公用经费10.00万元），项目支出40.00万元。');
    const total = sts.find((s) => s.subject === '本年支出');
    expect(total).toBeTruthy();
    expect(sts.find((s) => s.subject === '人员经费')?.parent).not.toBe(total?.id);
  });
  it('an inline 其中 (no colon) opens a list under the figure before it (real PDF r02)', () => {
    const sts = statements('（四）财政拨款支出决算表说明', '学校2023年度财政拨款支出总计为237,100.00万元，其中基本支出199,015.13万元，占总支出的83.94%；项目支出38,084.87万元，占总支出的16.06%。');
    const head = sts.find((s) => v(s.amount) === '237100.00万元');
    expect(head).toBeTruthy();
    expect(sts.filter((s) => s.parent === head?.id).map((s) => s.subject)).toEqual(['基本支出', '项目支出']);
  });

  it('a 收支 total broken down inline is two lists parted by "；" (real PDF r04)', () => {
    const sts = statements('（一）收支预算情况说明', '我校2021年收支总预算490,808.40万元，其中本年收入预算390,140.45万元，上年结转81,714.17万元；本年支出预算415,808.40万元，结转下年75,000.00万元。');
    const figure = (s: Statement): string | null => v(s.amount ?? s.budget?.mention);
    const head = sts.find((s) => figure(s) === '490808.40万元');
    expect(sts.filter((s) => s.parent === head?.id).map(figure)).toEqual(['390140.45万元', '81714.17万元']);
  });

  it('a class named in a list the sentence opened is under the list head (real PDF r01)', () => {
    const sts = statements(
      '（二）一般公共预算财政拨款支出决算结构情况',
      '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%。',
    );
    const head = sts.find((s) => v(s.amount) === '2940.05万元');
    expect(sts.filter((s) => s.parent === head?.id).map((s) => s.subject)).toEqual(['一般公共服务支出', '社会保障和就业支出']);
  });
});

describe('concepts: the 总计 of both sides, however it is spelt', () => {
  it.each([
    ['收支总计', 'total-both'],
    ['收、支总计', 'total-both'],
    ['收入支出总计', 'total-both'],
    ['收入和支出总计', 'total-both'],
    ['财政拨款收支总计', 'fiscal-total'],
    ['财政拨款收入支出总计', 'fiscal-total'],
    // the income side alone stays the income (real PDF r01 said 收入支出总计 and meant 收入总计 2,961.68)
    ['财政拨款收入', 'fiscal-income'],
    ['收入总计', 'income-total'],
  ] as const)('%s → %s', (subject, concept) => {
    expect(conceptOf(subject)).toBe(concept);
  });
});
