/**
 * In-page probes shared by the Chromium and Firefox end-to-end tests. Each function is serialised
 * into the page, so it must be self-contained.
 */

/** Ids painted on cells (data-crossfoot), across the page and its same-origin frames. */
export function paintedIds(): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (doc: Document): void => {
    for (const el of Array.from(doc.querySelectorAll('[data-crossfoot]'))) {
      for (const id of (el.getAttribute('data-crossfoot') ?? '').split(/\s+/)) if (id) out[id] = (out[id] ?? 0) + 1;
    }
    for (const f of Array.from(doc.querySelectorAll('iframe'))) {
      try {
        if (f.contentDocument) visit(f.contentDocument);
      } catch {
        /* cross-origin */
      }
    }
  };
  visit(document);
  return out;
}

/** Bounding boxes of every element (page and same-origin frames), in document order. */
export function boxes(): string[] {
  const out: string[] = [];
  const visit = (doc: Document, prefix: string): void => {
    const all = doc.body ? Array.from(doc.body.querySelectorAll('*')) : [];
    all.forEach((el, i) => {
      if (el.closest('crossfoot-overlay')) return;
      const r = el.getBoundingClientRect();
      out.push(`${prefix}${i}:${el.localName}:${r.x.toFixed(2)},${r.y.toFixed(2)},${r.width.toFixed(2)},${r.height.toFixed(2)}`);
    });
    Array.from(doc.querySelectorAll('iframe')).forEach((f, i) => {
      try {
        if (f.contentDocument) visit(f.contentDocument, `${prefix}f${i}/`);
      } catch {
        /* cross-origin */
      }
    });
  };
  visit(document, '');
  return out;
}

/** Whether the cell(s) of a finding are flashing and on screen. */
export function revealed(id: string): { flashing: boolean; visible: boolean } {
  const find = (doc: Document): Element | null => {
    const el = Array.from(doc.querySelectorAll('[data-crossfoot]')).find((e) => (e.getAttribute('data-crossfoot') ?? '').split(/\s+/).includes(id));
    if (el) return el;
    for (const f of Array.from(doc.querySelectorAll('iframe'))) {
      try {
        const inner = f.contentDocument ? find(f.contentDocument) : null;
        if (inner) return inner;
      } catch {
        /* cross-origin */
      }
    }
    return null;
  };
  const el = find(document);
  if (!el) return { flashing: false, visible: false };
  let r = el.getBoundingClientRect();
  const win = el.ownerDocument.defaultView;
  if (win && win !== window && win.frameElement) {
    const fr = win.frameElement.getBoundingClientRect();
    r = new DOMRect(r.x + fr.x, r.y + fr.y, r.width, r.height);
  }
  return { flashing: el.hasAttribute('data-crossfoot-flash'), visible: r.bottom > 0 && r.top < window.innerHeight };
}

/** Phrases highlighted with the CSS Custom Highlight API, by highlight name (white space folded). */
export function highlightedPhrases(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (!registry) return out;
  for (const [name, highlight] of registry) out[name] = [...highlight].map((r) => r.toString().replace(/\s+/g, ' ').trim());
  return out;
}

/** The centre of the first rectangle of the highlighted phrase that reads `text`, scrolled into view. */
export function phrasePoint(text: string): { x: number; y: number } | null {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (!registry) return null;
  for (const [name, highlight] of registry) {
    if (name === 'crossfoot-active') continue;
    for (const range of highlight) {
      if (range.toString().replace(/\s+/g, ' ').trim() !== text) continue;
      const el = range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0];
      if (r) return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
    }
  }
  return null;
}
