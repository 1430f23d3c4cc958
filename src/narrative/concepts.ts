/**
 * Canonical keys for what the 情况说明 talks about. The template's words have a few spellings
 * ("收、支总计" / "收入支出总计", "公务用车购置及运行费" / "…运行维护费"); functional classes
 * (一般公共服务支出 …) and project names are matched against the tables' own labels instead.
 */
import { keyText } from '../model/text.js';

export type Concept =
  | 'total-both'
  | 'income-total'
  | 'expenditure-total'
  | 'income-year'
  | 'expenditure-year'
  | 'fiscal-total'
  | 'fiscal-income'
  | 'fiscal-expenditure'
  | 'general-expenditure'
  | 'general-basic'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'income-fiscal'
  | 'income-superior'
  | 'income-business'
  | 'income-operating'
  | 'income-affiliate'
  | 'income-other'
  | 'exp-superior'
  | 'exp-operating'
  | 'exp-affiliate'
  | 'opening'
  | 'closing'
  | 'three-total'
  | 'three-abroad'
  | 'three-vehicle'
  | 'three-vehicle-purchase'
  | 'three-vehicle-running'
  | 'three-reception'
  | 'operation'
  | 'proc-total'
  | 'proc-goods'
  | 'proc-works'
  | 'proc-services'
  | 'proc-sme'
  | 'proc-micro'
  | 'vehicles-official'
  | 'vehicles-all'
  | 'econ-wages'
  | 'econ-goods'
  | 'econ-individuals'
  | 'econ-capital'
  | 'perf-funds'
  | 'perf-count'
  | 'perf-overall';

const RULES: Array<[RegExp, Concept]> = [
  // 收支总计, 收、支总计, 收入支出总计, 收入和支出总计: the 总计 of both sides, never the 收入 alone
  [/^财政拨款收(?:入)?[、和]?支(?:出)?总(?:计|预算|决算)/u, 'fiscal-total'],
  [/^收(?:入)?[、和]?支(?:出)?总计/u, 'total-both'],
  [/^财政拨款收入/u, 'fiscal-income'],
  [/^财政拨款支出/u, 'fiscal-expenditure'],
  [/^一般公共预算(?:财政拨款)?基本支出/u, 'general-basic'],
  [/^一般公共预算(?:财政拨款)?支出(?:决算|预算)?$/u, 'general-expenditure'],
  [/^收入总计|^总收入(?:预算|决算)?$/u, 'income-total'],
  [/^支出总(?:计|预算|决算)|^总支出(?:预算|决算)?$/u, 'expenditure-total'],
  [/^本年收入(?:合计)?$/u, 'income-year'],
  [/^本年支出(?:合计)?$/u, 'expenditure-year'],
  [/^基本支出$/u, 'basic'],
  [/^项目支出$/u, 'project'],
  [/^人员经费(?:支出)?$/u, 'personnel'],
  [/^公用经费(?:支出)?$/u, 'public'],
  [/^上级补助收入/u, 'income-superior'],
  [/^事业收入/u, 'income-business'],
  [/^经营收入/u, 'income-operating'],
  [/^附属单位上缴收入/u, 'income-affiliate'],
  [/^其他收入/u, 'income-other'],
  [/^上缴上级支出/u, 'exp-superior'],
  [/^经营支出/u, 'exp-operating'],
  [/^对附属单位补助支出/u, 'exp-affiliate'],
  [/年初(?:财政拨款)?结转和结余$/u, 'opening'],
  [/年末(?:财政拨款)?结转和结余$/u, 'closing'],
  [/"三公"经费|三公经费/u, 'three-total'],
  [/^因公出国[(（]境[)）]费?/u, 'three-abroad'],
  [/^公务用车购置及运行(?:维护)?费/u, 'three-vehicle'],
  [/^公务用车购置费/u, 'three-vehicle-purchase'],
  [/^公务用车运行(?:维护)?费/u, 'three-vehicle-running'],
  [/^公务接待费/u, 'three-reception'],
  [/机关运行经费/u, 'operation'],
  [/^工资福利支出$/u, 'econ-wages'],
  [/^商品和服务支出$/u, 'econ-goods'],
  [/^对个人和家庭(?:的)?补助(?:支出)?$/u, 'econ-individuals'],
  [/^(?:其他)?资本性支出$/u, 'econ-capital'],
  [/政府采购支出总额/u, 'proc-total'],
  [/政府采购货物支出/u, 'proc-goods'],
  [/政府采购工程支出/u, 'proc-works'],
  [/政府采购服务支出/u, 'proc-services'],
  [/授予中小企业合同金额/u, 'proc-sme'],
  [/授予小微企业合同金额/u, 'proc-micro'],
  [/公务用车保有量/u, 'vehicles-official'],
  [/共有车辆|车辆总数|实有车辆/u, 'vehicles-all'],
];

/** Concepts a figure may be stated under when a sentence names it as a base ("占基本支出预算的"): a 预算's 基本支出 is its 一般公共预算基本支出. */
const ALIASES: Partial<Record<Concept, readonly Concept[]>> = {
  basic: ['basic', 'general-basic'],
  'expenditure-year': ['expenditure-year', 'general-expenditure'],
  // a unit whose only funds are the general budget prints its 支出总预算 as the 一般公共预算支出 or the 财政拨款 total
  'expenditure-total': ['expenditure-total', 'total-both', 'fiscal-total', 'general-expenditure'],
};

export function conceptAliases(concept: Concept): readonly Concept[] {
  return ALIASES[concept] ?? [concept];
}

/** The concept of a subject, or null (functional classes and projects are matched by label). */
export function conceptOf(subject: string): Concept | null {
  const k = keyText(subject).replace(/^(?:全年|本年度|当年)/u, '');
  for (const [re, c] of RULES) if (re.test(k)) return c;
  // "基本支出预算", "项目支出决算数": the figure's name, then which figure it is
  const bare = k.replace(/(?:年初|调整后?|全年)?(?:预算|决算)(?:数)?$/u, '');
  if (bare !== k && bare.length >= 2) for (const [re, c] of RULES) if (re.test(bare)) return c;
  return null;
}

/** Name key for matching a subject against table labels: no ordinal, no brackets' content markers, no 支出/费 endings. */
export function nameKey(name: string): string {
  return keyText(name)
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[、.])/u, '')
    .replace(/[(（]\d{0,7}(?:类|款|项)[)）]/gu, '')
    .replace(/[“”"'‘’《》〈〉「」]/gu, '')
    .replace(/[(（][^()（）]*(?:本级|汇总)[)）]/gu, '');
}

/** Character bigrams, for fuzzy matching of project names. */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** A name's matching core and its bigrams, kept for names met again (project names are compared often). */
const cores = new Map<string, { core: string; grams: Set<string> }>();

function coreOf(name: string): { core: string; grams: Set<string> } {
  let c = cores.get(name);
  if (!c) {
    if (cores.size > 4000) cores.clear();
    const core = nameKey(name).replace(/项目|经费|专项|工作|费用|费$/gu, '');
    c = { core, grams: bigrams(core) };
    cores.set(name, c);
  }
  return c;
}

/** Similarity of two names (Dice coefficient on bigrams, 0–1), containment counting as a match. */
export function nameSimilarity(a: string, b: string): number {
  const cx = coreOf(a);
  const cy = coreOf(b);
  const x = cx.core;
  const y = cy.core;
  if (!x || !y) return 0;
  if (x === y) return 1;
  // one name inside the other: a strong match, the stronger the less the longer one adds
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && long.includes(short)) return 0.8 + (0.15 * short.length) / long.length;
  let common = 0;
  for (const g of cx.grams) if (cy.grams.has(g)) common++;
  return (2 * common) / Math.max(1, cx.grams.size + cy.grams.size);
}
