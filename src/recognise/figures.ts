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
import { runSync, type Steps } from '../model/steps.js';
import type { RecognisedDocument, RecognisedTable, RowInfo } from './index.js';
import type { TableKind } from './kind.js';
import type { Column } from './layout.js';
import { summarySides } from './summary.js';
import type { Pos } from '../model/table.js';

export type Scope = 'all' | 'fiscal' | 'general' | 'fund' | 'capital';
export type Measure = 'income' | 'expenditure' | 'basic' | 'project' | 'personnel' | 'public' | 'carry-in' | 'carry-out';
export type Family = 'final' | 'budget';

/** Scopes by inclusion: each scope's funds are part of the next wider one. */
export const WIDER: Record<Scope, Scope | null> = { all: null, fiscal: 'all', general: 'fiscal', fund: 'fiscal', capital: 'fiscal' };

export function within(narrow: Scope, wide: Scope): boolean {
  for (let s: Scope | null = WIDER[narrow]; s; s = WIDER[s]) if (s === wide) return true;
  return false;
}

export interface Figure {
  readonly rt: RecognisedTable;
  /** Which set of tables (one department's 决算 or 预算) the figure belongs to; see tableSets. */
  readonly set: number;
  readonly family: Family;
  readonly measure: Measure;
  readonly scope: Scope;
  /** 'total' (the department), 'class:201' (a functional class), 'code:2010301' (a 款 or 项). */
  readonly subject: string;
  /** The printed cell, or the cells whose sum is the figure (a class that has no line of its own). */
  readonly cells: Pos[];
  /** Row name for messages ("一、一般公共服务支出", "201 类（由 4 个项合计）"). */
  readonly row: string;
  /** Column name for messages ("一般公共预算财政拨款"). */
  readonly column: string;
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

const FAMILY: Partial<Record<TableKind, [Family, Role]>> = {
  D01: ['final', 'summary-all'],
  D02: ['final', 'income-codes'],
  D03: ['final', 'expenditure-codes'],
  D04: ['final', 'summary-fiscal'],
  D05: ['final', 'general-codes'],
  D06: ['final', 'economic'],
  D07: ['final', 'fund-codes'],
  D08: ['final', 'capital-codes'],
  B01: ['budget', 'summary-all'],
  B02: ['budget', 'income-codes'],
  B03: ['budget', 'expenditure-codes'],
  B04: ['budget', 'summary-fiscal'],
  B05: ['budget', 'general-codes'],
  B06: ['budget', 'economic'],
  B08: ['budget', 'fund-codes'],
  B09: ['budget', 'capital-codes'],
};

type Role = 'summary-all' | 'income-codes' | 'expenditure-codes' | 'summary-fiscal' | 'general-codes' | 'economic' | 'fund-codes' | 'capital-codes';

/** How far a table's figures are summaries of others (lower = more summary); the target of a comparison. */
export function summaryRank(kind: TableKind): number {
  const role = FAMILY[kind]?.[1];
  switch (role) {
    case 'summary-all':
      return 0;
    case 'summary-fiscal':
      return 1;
    case 'income-codes':
    case 'expenditure-codes':
      return 2;
    case 'general-codes':
    case 'fund-codes':
    case 'capital-codes':
      return 3;
    default:
      return 4;
  }
}

export function familyOf(kind: TableKind): Family | null {
  return FAMILY[kind]?.[0] ?? null;
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
const TOTAL_LEAF = /^(?:合计|小计|总计|金额|决算数|预算数)$/u;

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

/** A table's title, else the heading above it, else its place in the page ("第 3 张表"). */
export function tableTitle(rt: RecognisedTable): string {
  // an untitled table is named by its caption or heading, else by its place in the page (never its internal id)
  return rt.table.meta.title ?? rt.table.meta.headings.at(-1) ?? `第 ${rt.table.index + 1} 张表`;
}

/** A column's name: its leaf header, with the block it totals when the leaf alone says only "合计". */
export function columnName(c: Column): string {
  const path = c.path;
  const leaf = path[path.length - 1] ?? '';
  return TOTAL_LEAF.test(leaf) && path.length > 1 ? `${path[path.length - 2]}·${leaf}` : leaf;
}

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

/**
 * The sets of tables a page holds: one department's 决算 (or 预算) tables each. A page may hold
 * several (a 汇总 report and its 本级 one, two years, two departments); figures are compared within
 * a set only. A set ends where a kind it already has appears again, or where the 部门 line changes.
 */
const setCache = new WeakMap<RecognisedDocument, ReadonlyMap<RecognisedTable, number>>();

export function tableSets(doc: RecognisedDocument): ReadonlyMap<RecognisedTable, number> {
  const cached = setCache.get(doc);
  if (cached) return cached;
  const out = new Map<RecognisedTable, number>();
  let set = 0;
  let kinds = new Set<TableKind>();
  let department: string | null = null;
  for (const rt of doc.tables) {
    const family = familyOf(rt.kind);
    if (family) {
      const dept = rt.table.meta.department ? keyText(rt.table.meta.department) : null;
      if (kinds.has(rt.kind) || (dept && department && dept !== department)) {
        set++;
        kinds = new Set();
        department = null;
      }
      kinds.add(rt.kind);
      department = dept ?? department;
    }
    out.set(rt, set);
  }
  setCache.set(doc, out);
  return out;
}

/** Every shared figure of a document's 决算 and 预算 tables. */
export function figuresOf(doc: RecognisedDocument): Figure[] {
  return runSync(figuresSteps(doc));
}

/** figuresOf, one table at a time. */
export function* figuresSteps(doc: RecognisedDocument): Steps<Figure[]> {
  const cached = figureCache.get(doc);
  if (cached) return cached;
  const out: Figure[] = [];
  const sets = tableSets(doc);
  // class names as the document's own code tables print them
  const named = new Map<string, string>();
  for (const rt of doc.tables) {
    const role = FAMILY[rt.kind]?.[1];
    if (!role || !/-codes$/u.test(role)) continue;
    for (const rows of rt.rows) for (const r of rows) if (r.code?.length === 3 && r.code.startsWith('2') && r.key) named.set(r.key.replace(/[(（]类[)）]/u, ''), r.code);
  }
  for (const rt of doc.tables) {
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
  figureCache.set(doc, out);
  return out;
}

const figureCache = new WeakMap<RecognisedDocument, Figure[]>();
