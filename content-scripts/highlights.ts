/**
 * Phrases of the narrative marked with the CSS Custom Highlight API: ranges styled by ::highlight()
 * (no element added, nothing moves), one Highlight per kind of mark (crossfoot-error, …) and one for
 * the phrases emphasised while a finding is hovered or revealed (crossfoot-active), in every
 * document (the page and its same-origin frames) that has some.
 */

interface HighlightApi {
  readonly registry: Map<string, unknown>;
  readonly make: (ranges: readonly Range[]) => unknown;
}

/** The document's CSS Custom Highlight registry, or null where the browser lacks it. */
function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as (Window & { Highlight?: new () => { add(r: Range): void }; CSS?: { highlights?: Map<string, unknown> } }) | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  if (!registry || typeof Ctor !== 'function') return null;
  try {
    const probe = new Ctor();
    registry.set('crossfoot-probe', probe);
    registry.delete('crossfoot-probe');
  } catch {
    return null; // present but unusable from this script's world
  }
  // ranges are added one by one: spreading thousands of them into the constructor passes the argument limit
  return {
    registry,
    make: (ranges) => {
      const h = new Ctor();
      for (const r of ranges) h.add(r);
      return h;
    },
  };
}

/** Whether phrases can be highlighted in `doc` (else their paragraphs are outlined instead). */
export function canHighlightIn(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

export class PhraseHighlights<M extends string> {
  /** Documents holding some of our highlights (to clear them when they have none left). */
  private readonly documents = new Set<Document>();

  constructor(private readonly marks: readonly M[]) {}

  /** Shows exactly these phrases, by mark; the emphasis is cleared. No phrase clears everything. */
  show(phrases: ReadonlyArray<{ readonly range: Range; readonly mark: M }>): void {
    const byDoc = new Map<Document, Map<M, Range[]>>();
    for (const { range, mark } of phrases) {
      const doc = range.startContainer.ownerDocument;
      if (!doc) continue;
      let marks = byDoc.get(doc);
      if (!marks) byDoc.set(doc, (marks = new Map<M, Range[]>()));
      let list = marks.get(mark);
      if (!list) marks.set(mark, (list = []));
      list.push(range);
    }
    for (const doc of new Set([...this.documents, ...byDoc.keys()])) {
      const api = highlightApi(doc);
      if (!api) continue;
      for (const mark of this.marks) {
        const ranges = byDoc.get(doc)?.get(mark) ?? [];
        if (ranges.length > 0) api.registry.set(`crossfoot-${mark}`, api.make(ranges));
        else api.registry.delete(`crossfoot-${mark}`);
      }
      api.registry.delete('crossfoot-active');
      if (byDoc.has(doc)) this.documents.add(doc);
      else this.documents.delete(doc);
    }
  }

  /** Emphasises these phrases (hover, reveal); none clears the emphasis. */
  emphasise(ranges: readonly Range[]): void {
    const byDoc = new Map<Document, Range[]>();
    for (const range of ranges) {
      const doc = range.startContainer.ownerDocument;
      if (!doc) continue;
      const list = byDoc.get(doc);
      if (list) list.push(range);
      else byDoc.set(doc, [range]);
    }
    for (const doc of this.documents) {
      const api = highlightApi(doc);
      if (!api) continue;
      const list = byDoc.get(doc);
      if (list) api.registry.set('crossfoot-active', api.make(list));
      else api.registry.delete('crossfoot-active');
    }
  }
}
