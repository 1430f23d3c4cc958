/**
 * Components against their stated total, inside the 情况说明: "本年支出合计 X 万元，其中：基本支出 a，
 * 项目支出 b"; "…支出 X 万元，主要用于以下方面：A a，B b…"; the numbered 项 of the 具体情况 list
 * against the 年初预算 and 支出决算 announced above them; and the change of the 三公 total against the
 * changes of its three items.
 *
 * Basis: domain.md §4.4 N05, N07.
 * Sample pages: 001-*.html (基本支出 491.68 + 项目支出 942.48 ≠ 1434.34; 年初预算 1686 against items of 2,910.73;
 * 三公 −3.1 against item changes of −0.07), 000/002 (rounding).
 */
import { Decimal } from '../../model/decimal.js';
import { defineDocumentRule } from '../../engine/rule.js';
import { asPrinted, judgeRate, judgeSum } from '../../engine/tolerance.js';
import { formatAmount, formatSigned } from '../../i18n/format.js';
import { quantityOf, reportClaim, shown } from '../../engine/claim.js';
import type { EngineFinding } from '../../engine/context.js';
import type { Identity } from '../../engine/evidence.js';
import { clauseStart, type Narrative } from '../../narrative/model.js';
import type { Mention } from '../../narrative/mentions.js';
import { figureOf, type Statement } from '../../narrative/statement.js';
import { keyText } from '../../model/text.js';
import { fig } from '../../contract/figure.js';

const MONEY = /元$/u;

/** Whether a part's own share of the total bears its figure out ("905709.06 元，占 79.89%" of 1133753.33). */
function shareConfirms(part: Statement, total: Mention): boolean {
  const figure = figureOf(part);
  const share = part.share?.mention;
  if (!figure || !share || total.value.isZero()) return false;
  return judgeRate(share.value, share.scale, asPrinted(figure), asPrinted(total), 2).outcome !== 'error';
}

/** Whether the parts of a list add up to their total (within rounding). */
function adds(total: Mention, parts: readonly Mention[]): boolean {
  return judgeSum(asPrinted(total), parts.map(asPrinted)).outcome !== 'error';
}

type Report = (f: Parameters<typeof reportClaim>[2]) => EngineFinding;
type Evidence = (identity: Identity, outcome: 'pass' | 'rounding' | 'error', finding: EngineFinding | null) => void;

function listCheck(
  narrative: Narrative,
  parent: Statement,
  children: Statement[],
  field: 'amount' | 'budget' | 'final' | 'prior',
  report: Report,
  totalConfirmed = false,
  evidence?: Evidence,
  pass?: () => void,
): void {
  const get = (s: Statement): Mention | undefined =>
    field === 'budget' ? s.budget?.mention : field === 'final' ? (s.final ?? (s.item ? undefined : s.amount)) : field === 'prior' ? s.prior?.mention : figureOf(s);
  const total = get(parent);
  const parts = children.map(get);
  if (!total || parts.length < 2 || parts.some((m) => !m) || !MONEY.test(total.unit)) return;
  const ms = parts as Mention[];
  if (ms.some((m) => m.unit !== total.unit)) return;
  const j = judgeSum(asPrinted(total), ms.map(asPrinted));
  // a list that makes its whole by definition is an identity of its own: evidence for blame; so is
  // a list whose parts exceed their total (no part is left out of a sum that is already too large)
  const asSum = (field === 'amount' || field === 'prior') && (complete(parent, children) || (j.outcome === 'error' && j.difference.isNegative()));
  const named = (c: Statement): string => (field === 'prior' ? `${c.subject}（${c.prior?.year ?? '上年'}）` : c.subject);
  const identity: Identity | null = asSum
    ? { kind: 'sum', target: quantityOf(narrative, parent, total, named(parent)), plus: children.map((c, i) => quantityOf(narrative, c, ms[i] as Mention, named(c))), minus: [] }
    : null;
  if (j.outcome === 'pass') {
    if (identity) evidence?.(identity, 'pass', null);
    else pass?.();
    return;
  }
  // blame by evidence: when the total is borne out elsewhere (another breakdown of it adds up) and
  // every part but one is borne out by its own share of the total, the one left is the wrong figure
  if (j.outcome === 'error' && field === 'amount' && totalConfirmed && complete(parent, children)) {
    const unconfirmed = children.filter((c) => !shareConfirms(c, total));
    if (unconfirmed.length === 1) {
      const culprit = unconfirmed[0] as Statement;
      const own = get(culprit) as Mention;
      const others = children.filter((c) => c !== culprit).map((c) => get(c) as Mention);
      const expected = others.reduce((acc, m) => acc.minus(m.value), total.value);
      const scale = Math.max(total.scale, own.scale, ...others.map((m) => m.scale));
      report({
        st: culprit,
        span: { start: culprit.start, end: own.end, focus: own.start },
        severity: 'error',
        category: 'hierarchy',
        messageId: 'components-culprit',
        stated: fig(own.value, own.scale),
        expected: fig(expected, scale),
        difference: fig(own.value.minus(expected), scale),
        data: {
          subject: culprit.subject,
          stated: shown(own),
          total: `${parent.subject} ${shown(total)}`,
          others: children
            .filter((c) => c !== culprit)
            .map((c) => `${c.subject} ${shown(get(c) as Mention)}`)
            .join('、'),
          expected: formatAmount(expected, scale),
          difference: formatSigned(own.value.minus(expected), scale),
        },
      });
      return;
    }
  }
  // parts short of their total: "其中" need not list every part, unless the parts named make up
  // the whole by definition (基本支出 + 项目支出 of 支出, 人员 + 公用 of 基本支出, the three 三公 items…)
  const short = j.outcome === 'error' && j.difference.isPositive() && (field === 'amount' || field === 'prior') && !complete(parent, children);
  const names = children.map((c, i) => `${named(c) || c.item || ''} ${shown(ms[i] as Mention)}`);
  const terms = names.length > 8 ? `${names.slice(0, 7).join(' + ')} + … (${names.length})` : names.join(' + ');
  const start = field === 'amount' || field === 'prior' ? parent.start : clauseStart(narrative, parent, total.start);
  const end = field === 'final' && parent.completion ? parent.completion.mention.end : total.end;
  const finding = report({
    st: parent,
    span: { start, end, focus: total.start },
    severity: j.outcome === 'rounding' ? 'rounding' : short ? 'review' : 'error',
    category: 'text-vs-text',
    messageId: short ? 'components-short' : field === 'amount' || field === 'prior' ? 'components-total' : field === 'budget' ? 'items-budget' : 'items-final',
    stated: fig(total.value, total.scale),
    expected: fig(j.expected, j.scale),
    difference: fig(j.difference, j.scale),
    data: {
      subject: named(parent),
      stated: shown(total),
      expected: formatAmount(j.expected, j.scale),
      difference: formatSigned(j.difference, j.scale),
      band: formatAmount(j.band, j.scale + 1),
      terms,
      count: children.length,
    },
  });
  if (identity) evidence?.(identity, j.outcome === 'rounding' ? 'rounding' : 'error', finding);
}

/** Totals and the parts that make them up by definition (domain.md §4.1 J07, J12, J13; §1 政府采购). */
const WHOLES: ReadonlyArray<{ readonly totals: readonly string[]; readonly parts: readonly string[] }> = [
  { totals: ['expenditure-year', 'expenditure-total', 'fiscal-expenditure', 'general-expenditure'], parts: ['basic', 'project'] },
  { totals: ['basic', 'general-basic'], parts: ['personnel', 'public'] },
  { totals: ['basic', 'general-basic'], parts: ['econ-wages', 'econ-goods', 'econ-individuals'] },
  { totals: ['three-total'], parts: ['three-abroad', 'three-vehicle', 'three-reception'] },
  { totals: ['three-vehicle'], parts: ['three-vehicle-purchase', 'three-vehicle-running'] },
  { totals: ['proc-total'], parts: ['proc-goods', 'proc-works', 'proc-services'] },
];

/** Whether the parts listed are, by definition, all the parts of their total. */
function complete(parent: Statement, children: readonly Statement[]): boolean {
  const have = new Set(children.map((c) => c.concept));
  return WHOLES.some((w) => parent.concept !== null && w.totals.includes(parent.concept) && w.parts.every((p) => have.has(p)));
}

/** A figure per unit ("平均每辆 1.76 万元", "人均"): never a part of a total. */
const PER_UNIT = /^(?:平均|人均|每|单车|户均|车均)/u;

/** A signed change of a statement: +up / −down / 0 flat; 0 when nothing was spent and the text says there was nothing. */
function signedChange(narrative: Narrative, st: Statement): Decimal | null {
  const c = st.change;
  if (c?.direction === 'flat') return new Decimal(0);
  if (c?.mention) return c.direction === 'down' ? c.mention.value.negated() : c.mention.value;
  const spent = st.final ?? st.amount;
  const text = keyText(narrative.passages[st.passage]?.text ?? '');
  if (spent && spent.value.isZero() && (!st.budget || st.budget.mention.value.isZero()) && /无|没有|未发生/u.test(text)) return new Decimal(0);
  return null;
}

export default defineDocumentRule({
  meta: {
    id: 'text-components',
    category: 'text-vs-text',
    description: { zh: '情况说明中各组成部分之和等于所述合计（其中、主要用于、逐项列举、三公经费增减）', en: 'Components stated in the narrative add up to the total they are stated under' },
    basis: 'domain.md §4.4 N05, N07',
    messages: ['components-total', 'components-short', 'components-culprit', 'items-budget', 'items-final', 'components-change', 'components-change-partial'],
  },
  *run(ctx) {
    const narrative = ctx.doc.narrative;
    const report = (f: Parameters<typeof reportClaim>[2]): EngineFinding => reportClaim(ctx, narrative, f);
    const evidence = (identity: Identity, outcome: 'pass' | 'rounding' | 'error', finding: EngineFinding | null): void => ctx.evidence(identity, outcome, finding);
    const pass = (): void => ctx.pass();
    const children = new Map<number, Statement[]>();
    for (const st of narrative.statements) {
      if (st.parent === null || PER_UNIT.test(st.subject)) continue;
      const list = children.get(st.parent);
      if (list) list.push(st);
      else children.set(st.parent, [st]);
    }
    let n = 0;
    for (const [id, kids] of children) {
      if (++n % 100 === 0) yield;
      const parent = narrative.byId.get(id);
      if (!parent) continue;
      const items = kids.filter((k) => k.item !== null);
      if (items.length >= 2 && (parent.budget || parent.final)) {
        listCheck(narrative, parent, items, 'budget', report, false, undefined, pass);
        listCheck(narrative, parent, items, 'final', report, false, undefined, pass);
      } else {
        const amounts = kids.filter((k) => k.item === null && MONEY.test(figureOf(k)?.unit ?? ''));
        // each breakdown of the total on its own (by function, by economic class); one that adds up
        // bears the total out for the others
        const groups = [...new Set(amounts.map((k) => k.group ?? 0))].map((g) => amounts.filter((k) => (k.group ?? 0) === g)).filter((g) => g.length >= 2);
        const total = figureOf(parent);
        const holds = groups.map(
          (g) =>
            !!total &&
            complete(parent, g) &&
            g.every((k) => figureOf(k)) &&
            adds(
              total,
              g.map((k) => figureOf(k) as Mention),
            ),
        );
        groups.forEach((g, i) =>
          listCheck(
            narrative,
            parent,
            g,
            'amount',
            report,
            holds.some((h, k) => h && k !== i),
            evidence,
            pass,
          ),
        );
        // last year's figures stated beside this year's: last year's parts against last year's total
        const year = parent.prior?.year;
        const prior = kids.filter((k) => k.item === null && k.prior && k.prior.year === year && k.prior.field === parent.prior?.field);
        if (parent.prior && prior.length >= 2) listCheck(narrative, parent, prior, 'prior', report, false, evidence, pass);
      }
    }
    // the 三公 total's change against its items' changes
    const three = narrative.statements.filter((s) => narrative.passages[s.passage]?.topic === 'three');
    const total = three.find((s) => s.concept === 'three-total' && s.change?.mention);
    if (total?.change?.mention) {
      // the items: 因公出国, 公务用车 (or its 购置 and 运行 stated apart), 公务接待
      const find = (c: string): Statement | undefined => three.find((s) => s.concept === c && s !== total);
      const vehicle = find('three-vehicle');
      const items = [find('three-abroad'), ...(vehicle ? [vehicle] : [find('three-vehicle-purchase'), find('three-vehicle-running')]), find('three-reception')].filter(
        (s): s is Statement => s !== undefined,
      );
      const changes = items.map((s) => signedChange(narrative, s));
      const known = items.filter((_, i) => changes[i] !== null);
      const complete3 = items.length >= 3 && (vehicle !== undefined || items.length === 4);
      if (known.length >= 2 && complete3) {
        const tc = total.change.mention;
        const stated = total.change.direction === 'down' ? tc.value.negated() : tc.value;
        const scale = Math.max(tc.scale, ...known.map((s) => s.change?.mention?.scale ?? 0));
        const parts = items.flatMap((s, i) => (changes[i] === null ? [] : [{ value: changes[i] as Decimal, scale: s.change?.mention?.scale ?? scale, empty: !s.change?.mention }]));
        const j = judgeSum(asPrinted({ value: stated, scale: tc.scale }), parts);
        // an item whose change the text does not give may account for the gap: review
        const partial = known.length < items.length;
        if (j.outcome === 'pass') ctx.pass();
        if (j.outcome !== 'pass' && !(partial && j.outcome === 'rounding')) {
          report({
            st: total,
            span: { start: total.change.start, end: total.rate?.mention.end ?? tc.end, focus: tc.start },
            severity: j.outcome === 'rounding' ? 'rounding' : partial ? 'review' : 'error',
            category: 'text-vs-text',
            messageId: partial ? 'components-change-partial' : 'components-change',
            stated: fig(stated, tc.scale),
            expected: fig(j.expected, scale),
            difference: fig(j.difference, scale),
            data: {
              subject: total.subject,
              stated: formatSigned(stated, tc.scale),
              expected: formatSigned(j.expected, scale),
              difference: formatSigned(j.difference, scale),
              band: formatAmount(j.band, j.scale + 1),
              terms: known.map((s) => `${s.subject} ${formatSigned(changes[items.indexOf(s)] as Decimal, scale)}`).join(' + '),
              missing: items
                .filter((_, i) => changes[i] === null)
                .map((s) => s.subject)
                .join('、'),
            },
          });
        }
      }
    }
  },
});
