/**
 * The document as the rules read it, built once before they run: what recognition made of it (its
 * tables with their kinds, headers and rows; the year it is about; how its 绩效自评表 score), the
 * index of those forms by project, and its narrative (passages and the statements read from them).
 * Nothing is cached beside it: a rule reads these fields.
 */
import type { Steps } from '../model/steps.js';
import type { RecognisedDocument } from '../recognise/index.js';
import type { Statement } from './statement.js';
import { PerformanceForms, type PerformanceMatch } from './forms.js';
import { narrativeSteps, type Narrative } from './model.js';

export interface ReadDocument extends RecognisedDocument {
  /** The 绩效自评表, matched by the project names statements give. */
  readonly forms: PerformanceForms;
  readonly narrative: Narrative;
}

/** Reads the narrative of a recognised document into it (a few dozen passages per step). */
export function* readDocumentSteps(doc: RecognisedDocument): Steps<ReadDocument> {
  const narrative = yield* narrativeSteps(doc);
  return { ...doc, forms: new PerformanceForms(doc), narrative };
}

/** The 绩效自评表 a statement of the 绩效 section is about. */
export function performanceOf(doc: ReadDocument, st: Statement): PerformanceMatch | null {
  const p = doc.narrative.passages[st.passage];
  if (!p || p.topic !== 'performance' || !st.subject) return null;
  return doc.forms.match(st.subject);
}

export type { PerformanceMatch } from './forms.js';
