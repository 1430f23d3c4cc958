/**
 * The subject of a clause: the words before its figure's cue, cleaned of connectors, ordinals,
 * years, the unit's own name and words that only say which figure ("预算数", "执行数"); and the item
 * a numbered 具体情况 paragraph is about ("1. 一般公共服务（类）…行政运行（项）").
 */
/** The leading words of a subject that are not the subject ("其中：", "1、", "2017 年", "本部门"). */
export function cleanSubject(lead: string): string {
  let s = lead
    .replace(/^[\s，,；;：:。、)）]+/u, '')
    .replace(/^(?:截至|截止)\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日[，,]?/u, '')
    .replace(/^(?:其中|主要用于以下方面|主要包括|包括|具体如下|具体情况如下|分别为|分别是)[：:]?\s*/u, '')
    .replace(/^(?:[(（]?\d+[)）][、.．]?|\d+、|\d+[.．](?!\d)|[(（][一二三四五六七八九十]+[)）][、.．]?|[一二三四五六七八九十]+[、.．])\s*/u, '')
    .replace(/^\d{3,7}\s*[-－—]\s*/u, '')
    .replace(/^[(（]+/u, '')
    .replace(/(?:类|款|项)科目$/u, '')
    .replace(/\s+/gu, '');
  for (let i = 0; i < 3; i++) {
    s = s
      .replace(/^(?:\d{4}年度?|本年度|当年|本年(?!收入|支出)|全年(?!预算))/u, '')
      .replace(/^(?:与\d{4}年度?相比|与上年相比|与上年度相比|与去年相比)[，,]?/u, '')
      .replace(/^(?:本部门|本单位|我单位|我部门|本局|我局|我院|本院|部门|单位)/u, '')
      .replace(/^(?:按同口径|按可比口径|同口径|可比口径)(?:计算)?/u, '');
  }
  s = s.replace(/^[、，,]+/u, '').replace(/(?:为|是|达到|达|共计|共|合计为|总额为|约为|约|各|均为|均|总计为|共有|有|的)$/u, '');
  // "公务接待费2016年预算": the year says which figure, not what it is of
  s = s.replace(/\d{4}年度?$/u, '');
  // "2023年当年预算执行数为…": words for which figure, not of what; the subject is carried on
  if (FIGURE_WORD.test(s)) return '';
  // "住房公积金（01项）": a bracket the clause split left open is not part of the name
  s = s.replace(/[（(][^（()）]{0,6}$/u, '');
  return stripUnitName(s);
}

/** Words that say which figure of a subject a clause gives (its budget, its 决算, its execution), naming no subject. */
export const FIGURE_WORD = /^(?:预算|决算|预算数|决算数|执行数|预算执行数|执行|安排|预算安排)$/u;

/** Where a subject's own words start: the vocabulary a report's subjects begin with. */
const SUBJECT_HEAD =
  /(?:本年|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|基本支出|项目支出|人员经费|公用经费|"三公"|“三公”|三公|因公出国|公务用车|公务接待|机关运行|政府采购|年初|年末|上年结转|事业收入|经营|其他收入|上级补助|附属单位|收、支|收支)/u;
/** The end of a unit's name: 局, 院, 中心, 乡, 镇, 街道, 政府, 学校… */
const UNIT_NAME_END = /(?:局|院|委|办|中心|乡|镇|街道|政府|学校|部|厅|室|站|所|馆|会|社|队|处|科|公司|集团|机关|区|县|市|省|州|协|联|团|党派)$/u;

/** "达州市达川区马家镇卫生院本年收入合计" → "本年收入合计": the unit's own name is not the subject. */
function stripUnitName(s: string): string {
  const head = SUBJECT_HEAD.exec(s);
  if (!head || head.index === 0) return s;
  const before = s.slice(0, head.index).replace(/\d{4}年度?$/u, '');
  if (UNIT_NAME_END.test(before) || before === '') return s.slice(head.index);
  return s;
}

/** The item of a numbered 具体情况 paragraph: "1. 一般公共服务（类）…行政运行（项）". */
export function itemOf(sentence: string): string | null {
  const m = /^\s*\d+[.．、]\s*(.*[(（]\d{0,7}\s*(?:类|款|项)[)）])/u.exec(sentence);
  return m?.[1] ?? null;
}

/** The 项 name of an item ("行政运行"). */
export function itemName(item: string): string {
  const parts = item
    .split(/[(（]\d{0,7}\s*(?:类|款|项)[)）]/u)
    .map((p) => p.trim().replace(/^[“"]|[”"]$/gu, ''))
    .filter((p) => p !== '');
  return parts[parts.length - 1] ?? item;
}
