/**
 * The figures a set of budget tables shares: what each printed cell of the summary and detail
 * tables measures (income, expenditure, 基本支出 …), over which funds (all funds, 财政拨款 only,
 * 一般公共预算 only …) and for what subject (the whole department, a functional class, a subject
 * code). Two tables that print the same measure, scope and subject must agree; a figure of a
 * narrower scope cannot exceed the same figure of a wider one. Cross-table rules compare through
 * this catalogue, never through table numbers or positions.
 *
 * Basis: domain.md §4.2 (X01–X06) and the templates of §2.1–2.2.
 */
import { keyText } from '../model/text.js';
import type { Steps } from '../model/steps.js';
import type { RowInfo } from './rows.js';
import { FAMILY, type Role } from './families.js';
import type { Family, Figure, Measure, RecognisedTable, Scope } from './types.js';
export type { Family, Figure, Measure, Scope } from './types.js';
import { columnName, TOTAL_LEAF } from './names.js';
import type { Column } from './layout.js';
import { summarySides } from './summary.js';
import type { Pos } from '../model/table.js';

/** Scopes by inclusion: each scope's funds are part of the next wider one. */
export const WIDER: Record<Scope, Scope | null> = { all: null, fiscal: 'all', general: 'fiscal', fund: 'fiscal', capital: 'fiscal' };

export function within(narrow: Scope, wide: Scope): boolean {
  for (let s: Scope | null = WIDER[narrow]; s; s = WIDER[s]) if (s === wide) return true;
  return false;
}

/** 支出功能分类 类 (2024 政府收支分类科目, with the names earlier editions used). */
const CLASSES: ReadonlyArray<[string, RegExp]> = [
  ['201', /^一般公共服务/u],
  ['202', /^外交/u],
  ['203', /^国防/u],
  ['204', /^公共安全/u],
  ['205', /^教育/u],
  ['206', /^科学技术/u],
  ['207', /^文化(?:旅游)?体育与传媒/u],
  ['208', /^社会保障和就业/u],
  ['209', /^社会保险基金/u],
  ['210', /^(?:卫生健康|医疗卫生(?:与计划生育)?)/u],
  ['211', /^节能环保/u],
  ['212', /^城乡社区/u],
  ['213', /^农林水/u],
  ['214', /^交通运输/u],
  ['215', /^资源勘探(?:工业)?信息等/u],
  ['216', /^商业服务业等/u],
  ['217', /^金融/u],
  ['219', /^援助其他地区/u],
  ['220', /^(?:自然资源海洋气象等|国土海洋气象等|国土资源气象等)/u],
  ['221', /^住房保障/u],
  ['222', /^粮油物资储备/u],
  ['223', /^国有资本经营预算/u],
  ['224', /^灾害防治及应急管理/u],
  ['227', /^预备费/u],
  ['229', /^其他支出$/u],
  ['230', /^转移性支出/u],
  ['231', /^债务还本/u],
  ['232', /^债务付息/u],
  ['233', /^债务发行费用/u],
  ['234', /^抗疫特别国债/u],
];

/** The functional class a summary line names ("一、一般公共服务支出" → 201), or null. */
export function classOfLabel(key: string, named: ReadonlyMap<string, string> = new Map()): string | null {
  const k = keyText(key).replace(/[(（]类[)）]/u, '');
  const own = named.get(k) ?? named.get(k.replace(/支出$/u, ''));
  if (own) return own;
  for (const [code, re] of CLASSES) if (re.test(k)) return code;
  return null;
}

/** The scope a fund name stands for ("一般公共预算财政拨款" → general). */
function fundScope(key: string): Scope | null {
  if (/一般公共预算/u.test(key)) return 'general';
  if (/政府性基金/u.test(key)) return 'fund';
  if (/国有资本经营/u.test(key)) return 'capital';
  if (/^财政拨款(?:收入)?(?:合计|小计)?$|^财政拨款(?:收入)?\/(?:合计|小计)$/u.test(key)) return 'fiscal';
  return null;
}

const leafOf = (c: Column): string => c.keys[c.keys.length - 1] ?? '';
const pathOf = (c: Column): string => c.keys.join('/');

/** What a value column of a code table measures, and (for income tables) over which funds. */
function columnMeaning(c: Column, role: Role): { measure: Measure; scope: Scope | null } | null {
  const path = pathOf(c);
  const leaf = leafOf(c);
  if (/年初.*结转|年初.*结余/u.test(path)) return { measure: 'carry-in', scope: null };
  if (/年末.*结转|年末.*结余/u.test(path)) return { measure: 'carry-out', scope: null };
  if (/人员经费/u.test(leaf)) return { measure: 'personnel', scope: null };
  if (/公用经费/u.test(leaf)) return { measure: 'public', scope: null };
  if (/基本支出/u.test(path)) return /基本支出$/u.test(leaf) || TOTAL_LEAF.test(leaf) ? { measure: 'basic', scope: null } : null;
  if (/项目支出/u.test(path)) return /项目支出$/u.test(leaf) || TOTAL_LEAF.test(leaf) ? { measure: 'project', scope: null } : null;
  if (role === 'income-codes') {
    if (/^(?:本年)?收入(?:合计|总计)?$|^合计$|^总计$/u.test(leaf) && !/财政拨款/u.test(path)) return { measure: 'income', scope: 'all' };
    const scope = fundScope(path.replace(/^本年收入\//u, ''));
    return scope ? { measure: 'income', scope } : null;
  }
  // a fund table's own income (政府性基金预算财政拨款收入支出决算表: 本年收入)
  if (/收入/u.test(path)) return /^(?:本年)?收入(?:合计|小计)?$/u.test(leaf) || (TOTAL_LEAF.test(leaf) && /收入/u.test(path)) ? { measure: 'income', scope: null } : null;
  if (/^(?:本年)?支出(?:合计)?$|^本年支出合计$|^合计$|^小计$|^总计$/u.test(leaf) && !/上缴|经营支出|附属单位/u.test(path)) return { measure: 'expenditure', scope: null };
  return null;
}

const TABLE_SCOPE: Partial<Record<Role, Scope>> = {
  'expenditure-codes': 'all',
  'general-codes': 'general',
  'fund-codes': 'fund',
  'capital-codes': 'capital',
  economic: 'general',
};

function rowName(r: RowInfo): string {
  return r.code && !r.label.startsWith(r.code) ? `${r.code} ${r.label}` : r.label;
}

/** Figures of a code table (支出决算表, 一般公共预算财政拨款支出决算表 …): its 合计 line, classes and codes. */
function* codeTableFigures(rt: RecognisedTable, family: Family, role: Role, set: number, out: Figure[]): Steps<void> {
  for (const [b, rows] of rt.rows.entries()) {
    const block = rt.layout.blocks[b];
    if (!block) continue;
    const data = rows.filter((r) => !r.ofWhich);
    const total = data.find((r) => r.total === 'total' || r.total === 'grand');
    const coded = data.filter((r) => r.code !== null && r.level !== null);
    const times = new Map<string, number>();
    for (const r of coded) times.set(r.code as string, (times.get(r.code as string) ?? 0) + 1);
    for (const col of block.values) {
      const column = rt.layout.columns[col];
      if (!column) continue;
      const meaning = columnMeaning(column, role);
      if (!meaning) continue;
      const scope = meaning.scope ?? TABLE_SCOPE[role];
      if (!scope) continue;
      const base = { rt, family, measure: meaning.measure, scope, column: columnName(column), set };
      if (total) out.push({ ...base, subject: 'total', cells: [{ row: total.valueRow, col }], row: total.label });
      if (role === 'income-codes') continue;
      // classes: their own line, else the sum of their 款, else of their 项
      const classes = new Set(coded.map((r) => (r.code as string).slice(0, 3)));
      for (const cls of classes) {
        if (coded.length > 1000) yield;
        const own = coded.find((r) => r.code === cls);
        if (own) {
          out.push({ ...base, subject: `class:${cls}`, cells: [{ row: own.valueRow, col }], row: rowName(own) });
          continue;
        }
        const kuan = coded.filter((r) => r.code?.length === 5 && r.code.startsWith(cls));
        const xiang = coded.filter((r) => r.code?.length === 7 && r.code.startsWith(cls));
        const covered = xiang.every((x) => kuan.some((k) => x.code?.startsWith(k.code as string)));
        const parts = kuan.length > 0 ? (covered ? kuan : null) : xiang;
        if (!parts || parts.length === 0) continue;
        out.push({ ...base, subject: `class:${cls}`, cells: parts.map((r) => ({ row: r.valueRow, col })), row: `${cls} 类` });
      }
      for (const [i, r] of coded.entries()) {
        if (i % 100 === 99) yield;
        // a code printed on two lines of one block names neither for certain: no figure of its own
        if ((r.code as string).length > 3 && (times.get(r.code as string) ?? 0) === 1) out.push({ ...base, subject: `code:${r.code}`, cells: [{ row: r.valueRow, col }], row: rowName(r) });
      }
    }
  }
}

/** Figures of a summary table (收入支出决算总表, 财政拨款收入支出决算总表 and their 预算 twins). */
function summaryFigures(rt: RecognisedTable, family: Family, role: Role, named: ReadonlyMap<string, string>, out: Array<Omit<Figure, 'set'>>): void {
  const tableScope: Scope = role === 'summary-all' ? 'all' : 'fiscal';
  for (const side of summarySides(rt)) {
    const columns = side.values.map((c) => rt.layout.columns[c]).filter((c): c is Column => c !== undefined);
    // a column per fund (合计 | 一般公共预算 | 政府性基金 | 国有资本经营) or one column for all
    const scoped = columns.map((c) => ({
      col: c.col,
      name: columnName(c),
      scope: columns.length > 1 ? (fundScope(leafOf(c)) ?? (/^(?:合计|小计|总计)$/u.test(leafOf(c)) ? tableScope : null)) : tableScope,
    }));
    let carry: Measure | null = null;
    for (const r of side.rows) {
      if (r.label === '' || r.ofWhich) continue;
      const key = r.key;
      let measure: Measure | null = null;
      let subject = 'total';
      let rowScope: Scope | null = null;
      if (/年初.*(?:结转|结余)/u.test(key)) {
        measure = 'carry-in';
        carry = measure;
      } else if (/年末.*(?:结转|结余)/u.test(key)) {
        measure = 'carry-out';
        carry = measure;
      } else if (/^本年收入合计$|^收入合计$/u.test(key)) {
        measure = 'income';
        carry = null;
      } else if (/^本年支出合计$|^支出合计$/u.test(key)) {
        measure = 'expenditure';
        carry = null;
      } else if (side.side === 'income' && fundScope(key) && !/^财政拨款/u.test(key)) {
        // a fund line: income on its own, a carry-over part under a 结转和结余 line
        measure = carry ?? 'income';
        rowScope = fundScope(key);
      } else if (side.side === 'expenditure' && carry === null && r.total === null) {
        const cls = classOfLabel(key, named);
        if (cls) {
          measure = 'expenditure';
          subject = `class:${cls}`;
        } else if (/^基本支出$/u.test(key)) measure = 'basic';
        else if (/^项目支出$/u.test(key)) measure = 'project';
      } else if (side.side === 'expenditure' && carry !== null && fundScope(key)) {
        measure = carry;
        rowScope = fundScope(key);
      }
      if (!measure) continue;
      for (const c of scoped) {
        const scope = rowScope ? (columns.length > 1 && c.scope !== tableScope ? null : rowScope) : c.scope;
        if (!scope) continue;
        out.push({ rt, family, measure, scope, subject, cells: [{ row: r.valueRow, col: c.col }], row: r.label, column: c.name });
      }
    }
  }
}

/** 人员经费合计 / 公用经费合计 of the 基本支出 detail table (the figure may stand in another block's column). */
export function economicTotalCell(rt: RecognisedTable, which: 'personnel' | 'public'): { pos: Pos; row: RowInfo } | null {
  const re = which === 'personnel' ? /人员经费/u : /公用经费/u;
  for (const [b, rows] of rt.rows.entries()) {
    const row = rows.find((r) => re.test(r.key) && /合计|总计/u.test(r.key));
    const col = rt.layout.blocks[b]?.values[0];
    if (!row || col === undefined) continue;
    const here = rt.table.grid[row.valueRow]?.[col];
    if (here && here.value.type !== 'empty') return { pos: { row: row.valueRow, col }, row };
    const line = rt.table.grid[row.valueRow] ?? [];
    for (let c = col + 1; c < line.length; c++) {
      if (line[c]?.value.type === 'number') return { pos: { row: row.valueRow, col: c }, row };
    }
    return { pos: { row: row.valueRow, col }, row };
  }
  return null;
}

function economicFigures(rt: RecognisedTable, family: Family, out: Array<Omit<Figure, 'set'>>): void {
  const personnel = economicTotalCell(rt, 'personnel');
  const pub = economicTotalCell(rt, 'public');
  const base = { rt, family, scope: 'general' as const, subject: 'total', column: '' };
  if (personnel) out.push({ ...base, measure: 'personnel', cells: [personnel.pos], row: personnel.row.label });
  if (pub) out.push({ ...base, measure: 'public', cells: [pub.pos], row: pub.row.label });
  // the table's own 合计, else 人员经费 + 公用经费
  for (const [b, rows] of rt.rows.entries()) {
    const total = rows.find((r) => (r.total === 'total' || r.total === 'grand') && !/人员|公用/u.test(r.key));
    const col = rt.layout.blocks[b]?.values[0];
    if (total && col !== undefined) {
      out.push({ ...base, measure: 'basic', cells: [{ row: total.valueRow, col }], row: total.label });
      return;
    }
  }
  if (personnel && pub) out.push({ ...base, measure: 'basic', cells: [personnel.pos, pub.pos], row: `${personnel.row.label} + ${pub.row.label}` });
}

/** Every shared figure of a document's 决算 and 预算 tables, one table at a time (read once into RecognisedDocument.figures). */
export function* figuresSteps(tables: readonly RecognisedTable[], sets: ReadonlyMap<RecognisedTable, number>): Steps<Figure[]> {
  const out: Figure[] = [];
  // class names as the document's own code tables print them
  const named = new Map<string, string>();
  for (const rt of tables) {
    const role = FAMILY[rt.kind]?.[1];
    if (!role || !/-codes$/u.test(role)) continue;
    for (const rows of rt.rows) for (const r of rows) if (r.code?.length === 3 && r.code.startsWith('2') && r.key) named.set(r.key.replace(/[(（]类[)）]/u, ''), r.code);
  }
  for (const rt of tables) {
    const entry = FAMILY[rt.kind];
    if (!entry) continue;
    yield;
    const [family, role] = entry;
    const set = sets.get(rt) ?? 0;
    if (role !== 'summary-all' && role !== 'summary-fiscal' && role !== 'economic') {
      // a code table may hold thousands of lines: its figures are made in place, in steps
      yield* codeTableFigures(rt, family, role, set, out);
      continue;
    }
    const mine: Array<Omit<Figure, 'set'>> = [];
    if (role === 'economic') economicFigures(rt, family, mine);
    else summaryFigures(rt, family, role, named, mine);
    for (const [i, f] of mine.entries()) {
      if (i % 1000 === 999) yield;
      out.push({ ...f, set });
    }
  }
  return out;
}
