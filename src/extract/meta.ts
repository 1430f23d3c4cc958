import { findUnit, isUnitLine } from '../model/units.js';
import { displayText, keyText } from '../model/text.js';
import type { TableMeta } from '../model/table.js';
import type { RawRow } from './grid.js';

/** What a short line describing a table is. */
export type MetaKind = 'title' | 'code' | 'unit' | 'department' | 'year' | 'unit+code';

const CODE = /^(?:[\u4e00-\u9fff]{0,4})?(?:公开)?(?:0?\d{1,2}(?:-\d{1,2})?)表$|^(?:财决|财预|预)?公开\d{1,2}(?:-\d{1,2})?表$|^(?:附)?表\d{1,2}(?:-\d{1,2})?$/u;
const DEPARTMENT = /^(?:部门|单位|编制单位|编制部门|填报单位|预算单位|部门名称|单位名称|编报单位)(?:名称)?[:：]/u;
const YEAR = /^[(（]?\d{4}年度?[)）]?$/u;
const TITLE_WORDS = /(?:决算|预算|收支|收入|支出|经费|绩效|自评|情况|明细|总)/u;

/** Is this text (a paragraph or a cell) a table title such as "支出决算表" or "项目支出绩效自评表（2024年度）"? */
export function isTitleText(text: string): boolean {
  const k = keyText(text).replace(/[(（][^()（）]*年度?[)）]$/u, '');
  if (k.length < 3 || k.length > 48) return false;
  if (/[。；;，,]/u.test(k)) return false;
  if (!/表$/u.test(k)) return false;
  if (/^[一二三四五六七八九十]+[、.]/u.test(k)) return false; // a numbered heading, not the title line
  return TITLE_WORDS.test(k);
}

/** Classifies a short describing line; null when it is not one. */
export function metaKind(text: string): MetaKind | null {
  const t = displayText(text);
  if (t === '') return null;
  const k = keyText(t);
  if (CODE.test(k)) return 'code';
  if (isUnitLine(k)) return 'unit';
  // "公开01表 单位：万元" in one cell
  if (findUnit(k) && CODE.test(k.replace(/(?:金额)?单位[:：]?\S*$/u, ''))) return 'unit+code';
  if (DEPARTMENT.test(k)) return 'department';
  if (YEAR.test(k)) return 'year';
  if (isTitleText(t)) return 'title';
  return null;
}

const NOTE = /^(?:注|说明|备注)[:：0-9]|^(?:本(?:部门|单位|表)|我(?:部门|单位)).{0,30}(?:没有|无|不涉及|未发生)|^(?:无|没有).{0,30}(?:收入|支出|经费|拨款|数据)/u;

/** A note on a table: "注：…", or a line saying the unit has none of what the table shows. */
export function isNoteText(text: string): boolean {
  return NOTE.test(keyText(text));
}

/** Where a line holding several describing parts starts a new one ("公开02表部门：…", "单位：万元部门：…"). */
const PART_START =
  /(?<!金额|编制|填报|编报)(?=(?:金额)?单位(?:名称)?[:：])|(?<!编制|填报|编报)(?=(?:编制|填报|编报)?部门(?:名称)?[:：])|(?=(?:编制|填报|编报)单位(?:名称)?[:：])|(?<!财决|财预)(?=(?:财决|财预)?公开\d{1,2}(?:-\d{1,2})?表)/gu;

/**
 * A line of several describing parts run together (as a page printed to PDF gives them), split into
 * its parts with their kinds; null unless every part is one.
 */
export function metaParts(text: string): Array<[string, MetaKind]> | null {
  const t = displayText(text);
  const parts = t
    .split(PART_START)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  const kinds = parts.map(metaKind);
  return kinds.every((k) => k !== null) ? parts.map((p, i) => [p, kinds[i] as MetaKind]) : null;
}

/** Records a describing line on the table's metadata (first title wins; later ones are ignored). */
export function applyMeta(meta: TableMeta, text: string, kind: MetaKind): void {
  const t = displayText(text);
  const k = keyText(t);
  switch (kind) {
    case 'title':
      meta.title ??= t;
      break;
    case 'code':
      meta.code ??= k;
      break;
    case 'unit':
    case 'unit+code': {
      const unit = findUnit(k);
      if (unit && !meta.unit) {
        meta.unit = unit;
        meta.unitText = t;
      }
      if (kind === 'unit+code') meta.code ??= k.replace(/(?:金额)?单位[:：]?\S*$/u, '');
      break;
    }
    case 'department':
      meta.department ??= t.replace(DEPARTMENT, '').trim() || t;
      break;
    case 'year':
      break;
  }
}

export interface LiftResult {
  readonly rows: RawRow[];
  readonly lifted: number;
}

/**
 * Lifts describing rows out of a table: full-width title, 公开0N表, 单位 and 部门 rows at the top
 * (as Excel exports put them) and 注 rows at the bottom. In a mixed top row ("预算数 … 金额单位：万元")
 * only the describing cells are blanked, so the header keeps its shape.
 */
export function liftMetaRows(rows: readonly RawRow[], meta: TableMeta): LiftResult {
  let start = 0;
  const out = rows.slice();
  let lifted = 0;
  // top: whole rows of describing lines (or blank rows between them)
  while (start < out.length) {
    const row = out[start];
    if (!row) break;
    const texts = row.cells.map((c) => displayText(c.text)).filter((t) => t !== '');
    if (texts.length === 0) {
      start++; // blank rows above the header carry nothing
      lifted++;
      continue;
    }
    const kinds = texts.map(metaKind);
    if (kinds.every((k) => k !== null)) {
      texts.forEach((t, i) => applyMeta(meta, t, kinds[i] as MetaKind));
      start++;
      lifted++;
      continue;
    }
    break;
  }
  // a mixed row right below: blank its unit/code cells (never titles: those could be header labels)
  const first = out[start];
  if (first) {
    let changed = false;
    const cells = first.cells.map((c) => {
      const k = metaKind(c.text);
      if (k === 'unit' || k === 'code' || k === 'unit+code') {
        applyMeta(meta, c.text, k);
        changed = true;
        return { ...c, text: '' };
      }
      return c;
    });
    if (changed) out[start] = { ...first, cells };
  }
  // bottom: note rows
  let end = out.length;
  while (end > start) {
    const row = out[end - 1];
    if (!row) break;
    const texts = row.cells.map((c) => displayText(c.text)).filter((t) => t !== '');
    if (texts.length === 0 || (texts.length === 1 && isNoteText(texts[0] ?? ''))) {
      if (texts.length === 0) {
        end--;
        lifted++;
        continue;
      }
      meta.notes.unshift(texts[0] ?? '');
      end--;
      lifted++;
      continue;
    }
    break;
  }
  return { rows: out.slice(start, end), lifted };
}
