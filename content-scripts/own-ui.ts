/**
 * Crossfoot's own elements in a page (the tooltip's host), known in the content script's isolated
 * world only. A page can copy any attribute we might set; it cannot reach this set, so it can
 * neither hide its own content from the check by dressing it as ours, nor see which is ours.
 */
const OWN = new WeakSet<Node>();

export function markOwn(node: Node): void {
  OWN.add(node);
}

/** Whether a node is ours or inside one of ours. */
export function isOwn(node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode) if (OWN.has(n)) return true;
  return false;
}

/** Whether an element is one of ours (the reader skips it and all inside it). */
export function isOwnElement(el: Element): boolean {
  return OWN.has(el);
}
