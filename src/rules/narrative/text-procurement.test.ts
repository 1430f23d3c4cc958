import { ruleTester } from '../../../test/support/rule-tester.js';
import rule from './text-procurement.js';

const H = ['十一、其他重要事项的情况说明', '（二）政府采购支出情况说明'];
const para = (g: string, w: string, s: string, sme: string, pg: string, pw: string, ps: string) => [
  ...H,
  `2024年度政府采购支出总额${(Number(g) + Number(w) + Number(s)).toFixed(2)}万元，其中：政府采购货物支出${g}万元、政府采购工程支出${w}万元、政府采购服务支出${s}万元。授予中小企业合同金额${sme}万元，其中：授予小微企业合同金额0万元；货物采购授予中小企业合同金额占货物支出金额的${pg}%，工程采购授予中小企业合同金额占工程支出金额的${pw}%，服务采购授予中小企业合同金额占服务支出金额的${ps}%。`,
];

ruleTester(rule, {
  valid: [
    { description: 'one category, its share recomputes (75.30 / 2165.30 = 3.48% → 3.5%)', tables: [], text: para('0', '0', '2165.30', '75.30', '0', '0', '3.5') },
    { description: 'no SME contracts, all shares 0', tables: [], text: para('342.52', '0', '0', '0', '0', '0', '0') },
    { description: 'several categories whose shares add up to the SME total (50 + 20 = 70)', tables: [], text: para('100', '0', '200', '70', '50', '0', '10') },
  ],
  invalid: [
    {
      description: 'all procurement is services and the SME contracts are 83 万元, yet "占服务支出金额的 0%"',
      tables: [],
      text: para('0', '0', '458.83', '83', '0', '0', '0'),
      findings: [{ messageId: 'procurement-category-share', severity: 'error', category: 'share-rate', stated: '0', expected: '18.09' }],
    },
    {
      description: 'several categories whose shares do not add up to the SME total: review',
      tables: [],
      text: para('100', '0', '200', '90', '50', '0', '10'),
      findings: [{ messageId: 'procurement-split', severity: 'review', stated: '90', expected: '70.00' }],
    },
  ],
});
