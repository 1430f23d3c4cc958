/**
 * The 绩效自评表 of a document, indexed once for the statements that name a project: a name in the
 * text drifts from the form's 项目名称 and is often prefixed with the body that carried the project
 * out; several bodies may run projects of the same name (every 办事处 has its 业务保障经费), so the
 * 实施单位 the text names decides between them. When two forms fit a name equally well the match is
 * ambiguous and nothing is returned: a wrong form would turn every figure into a false contradiction.
 */
import type { RecognisedDocument, RecognisedTable } from '../recognise/index.js';
import type { PerformanceTable } from '../recognise/performance.js';
import { nameKey, nameSimilarity } from './concepts.js';

export interface PerformanceMatch {
  readonly rt: RecognisedTable;
  readonly perf: PerformanceTable;
  readonly similarity: number;
}

/** Lowest name similarity accepted between a project named in the text and a form's 项目名称. */
const MATCH = 0.75;

function bodyKey(implementer: string | null): string {
  return implementer ? nameKey(implementer) : '';
}

export class PerformanceForms {
  private readonly forms: RecognisedTable[];
  /** 实施单位 of the forms, as name keys (at least 4 characters: shorter ones name nothing). */
  private readonly bodies: string[];
  /** Names already matched (several rules ask about the same projects). */
  private readonly matched = new Map<string, PerformanceMatch | null>();

  constructor(doc: RecognisedDocument) {
    this.forms = doc.tables.filter((rt) => rt.performance?.project);
    this.bodies = [...new Set(this.forms.map((rt) => bodyKey(rt.performance?.implementer ?? null)).filter((b) => b.length >= 4))];
  }

  /** The form of the project a statement names, or null when none or more than one fits. */
  match(name: string): PerformanceMatch | null {
    const known = this.matched.get(name);
    if (known !== undefined) return known;
    const found = this.find(name);
    this.matched.set(name, found);
    return found;
  }

  private find(name: string): PerformanceMatch | null {
    const subject = nameKey(name);
    // the body named in the text: the longest 实施单位 of any form that the name contains
    const named = this.bodies.filter((b) => subject.includes(b)).sort((a, b) => b.length - a.length)[0] ?? null;
    const scored: PerformanceMatch[] = [];
    for (const rt of this.forms) {
      const perf = rt.performance as PerformanceTable;
      const body = bodyKey(perf.implementer);
      if (named && body.length >= 4 && body !== named) continue;
      const own = named ? subject.replace(named, '') : subject;
      const sim = Math.max(nameSimilarity(own, perf.project ?? ''), named || !body ? 0 : nameSimilarity(subject.replace(body, ''), perf.project ?? ''));
      if (sim >= MATCH) scored.push({ rt, perf, similarity: sim });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    const [best, second] = scored;
    if (!best) return null;
    if (second && best.similarity - second.similarity < 0.1) return null;
    return best;
  }
}
