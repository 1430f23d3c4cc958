/**
 * The CLI's DOM: a page parsed by parse5 — the HTML standard's parsing algorithm, the parser jsdom
 * itself uses, so the tree is the one a browser builds (implied <tbody>, misnested and unclosed tags
 * as browsers mend them) — seen through the small, read-only part of the DOM interfaces that the
 * reader (src/extract/dom.ts, the same code the content script runs on live pages) uses: node
 * types, children and siblings, attributes, text, rowSpan/colSpan as the standard reflects them,
 * title and body, and tag-name queries.
 *
 * Why not jsdom: measured on the largest fixture page (002-word.html, 3.9 MB), jsdom took 25× as
 * long as parse5 alone to build its document (it makes a full living DOM: wrappers, live
 * collections, a CSSOM); the reader needs none of that, and nothing here runs page code, loads a
 * resource or computes a style. Why not linkedom: faster than jsdom, but its parser is not the
 * standard's (no implied <tbody>, other mending), so the CLI would read some pages differently
 * from the browser. See `npm run bench` for the figures.
 */
import { defaultTreeAdapter, parse, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;
const DOCTYPE = 10;

/** A node of the tree; every node of a parsed page is one of its kinds below. */
class LightNode {
  declare nodeName: string;
  declare parentNode: LightNode | null;
  declare childNodes: LightNode[];
  /** Position among the parent's children (set once the tree is complete: the tree never changes after). */
  declare _i: number;

  get nodeType(): number {
    return 0;
  }

  get firstChild(): LightNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): LightNode | null {
    return this.parentNode?.childNodes[this._i + 1] ?? null;
  }
  get parentElement(): LightElement | null {
    const p = this.parentNode;
    return p && p.nodeType === ELEMENT ? (p as LightElement) : null;
  }
  get textContent(): string {
    let out = '';
    const stack: LightNode[] = [this];
    while (stack.length > 0) {
      const n = stack.pop() as LightNode;
      if (n.nodeType === TEXT) out += (n as LightText).data;
      else if (n.nodeType === ELEMENT || n.nodeType === DOCUMENT) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i] as LightNode);
    }
    return out;
  }
  /** Descendant elements in document order whose local name is in `tags` (iterative: pages nest thousands deep). */
  protected descendants(tags: ReadonlySet<string> | null, first: boolean): LightElement[] {
    const out: LightElement[] = [];
    const stack: LightNode[] = [];
    for (let i = this.childNodes.length - 1; i >= 0; i--) stack.push(this.childNodes[i] as LightNode);
    while (stack.length > 0) {
      const n = stack.pop() as LightNode;
      if (n.nodeType !== ELEMENT) continue;
      const el = n as LightElement;
      if (tags === null || tags.has(el.localName)) {
        out.push(el);
        if (first) return out;
      }
      for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i] as LightNode);
    }
    return out;
  }
  getElementsByTagName(tag: string): LightElement[] {
    return this.descendants(tag === '*' ? null : new Set([tag.toLowerCase()]), false);
  }
  /** Tag-name selectors only ("table", "iframe, frame"): all the reader asks. */
  querySelectorAll(selectors: string): LightElement[] {
    return this.descendants(tagSelectors(selectors), false);
  }
  querySelector(selectors: string): LightElement | null {
    return this.descendants(tagSelectors(selectors), true)[0] ?? null;
  }
}

function tagSelectors(selectors: string): Set<string> {
  const tags = selectors.split(',').map((s) => s.trim().toLowerCase());
  if (tags.some((t) => !/^[a-z][a-z0-9-]*$/u.test(t))) throw new Error(`light DOM: unsupported selector "${selectors}"`);
  return new Set(tags);
}

class LightText extends LightNode {
  declare value: string;
  override get nodeType(): number {
    return TEXT;
  }
  get data(): string {
    return this.value;
  }
  override get textContent(): string {
    return this.value;
  }
}

class LightComment extends LightNode {
  declare data: string;
  override get nodeType(): number {
    return COMMENT;
  }
  override get textContent(): string {
    return this.data;
  }
}

class LightDoctype extends LightNode {
  override get nodeType(): number {
    return DOCTYPE;
  }
}

/** The HTML standard's "rules for parsing non-negative integers" (leading white space, digits). */
function nonNegative(value: string | null): number | null {
  if (value === null) return null;
  const m = /^[\t\n\f\r ]*(\d+)/u.exec(value);
  return m ? Number(m[1]) : null;
}

class LightElement extends LightNode {
  declare tagName: string;
  declare attrs: Array<{ name: string; value: string }>;
  override get nodeType(): number {
    return ELEMENT;
  }
  get localName(): string {
    return this.tagName;
  }
  getAttribute(name: string): string | null {
    const n = name.toLowerCase();
    for (const a of this.attrs) if (a.name === n) return a.value;
    return null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
  get children(): LightElement[] {
    return this.childNodes.filter((n): n is LightElement => n.nodeType === ELEMENT);
  }
  get firstElementChild(): LightElement | null {
    for (const n of this.childNodes) if (n.nodeType === ELEMENT) return n as LightElement;
    return null;
  }
  get nextElementSibling(): LightElement | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    for (let i = this._i + 1; i < siblings.length; i++) if ((siblings[i] as LightNode).nodeType === ELEMENT) return siblings[i] as LightElement;
    return null;
  }
  /** As the standard reflects colspan: 1 when absent, not a number or 0; at most 1000. */
  get colSpan(): number {
    const n = nonNegative(this.getAttribute('colspan'));
    return n === null || n === 0 ? 1 : Math.min(n, 1000);
  }
  /** As the standard reflects rowspan: 1 when absent or not a number; 0 kept; at most 65534. */
  get rowSpan(): number {
    const n = nonNegative(this.getAttribute('rowspan'));
    return n === null ? 1 : Math.min(n, 65534);
  }
  /** Frames are read by the CLI itself (load.ts), never through the element. */
  get contentDocument(): null {
    return null;
  }
}

class LightDocument extends LightNode {
  declare URL: string;
  override get nodeType(): number {
    return DOCUMENT;
  }
  get documentElement(): LightElement | null {
    for (const n of this.childNodes) if (n.nodeType === ELEMENT) return n as LightElement;
    return null;
  }
  private child(name: string): LightElement | null {
    const html = this.documentElement;
    if (!html) return null;
    for (const n of html.childNodes) if (n.nodeType === ELEMENT && (n as LightElement).localName === name) return n as LightElement;
    return null;
  }
  get body(): LightElement | null {
    return this.child('body') ?? this.child('frameset');
  }
  /** The first <title>'s text, white space collapsed, as document.title gives it. */
  get title(): string {
    const t = this.querySelector('title');
    return t ? t.textContent.replace(/[\t\n\f\r ]+/gu, ' ').trim() : '';
  }
}

type Light = TreeAdapterTypeMap<LightNode, LightNode, LightNode, LightDocument, LightNode, LightElement, LightComment, LightText, LightNode, LightDoctype>;

function reindex(parent: LightNode): void {
  const kids = parent.childNodes;
  for (let i = 0; i < kids.length; i++) (kids[i] as LightNode)._i = i;
}

/**
 * A parse5 tree adapter that builds the light nodes directly (the default adapter's plain objects
 * would need a second pass). Positions among siblings are kept as nodes are added, so that
 * nextSibling is one array read.
 */
function lightAdapter(): TreeAdapter<Light> {
  const make = <T extends LightNode>(proto: { prototype: T }, fields: Partial<Record<string, unknown>>): T => {
    const node = Object.create(proto.prototype) as T;
    node.parentNode = null;
    node.childNodes = [];
    node._i = 0;
    return Object.assign(node, fields);
  };
  const append = (parent: LightNode, node: LightNode): void => {
    node._i = parent.childNodes.length;
    parent.childNodes.push(node);
    node.parentNode = parent;
  };
  const base = defaultTreeAdapter as unknown as TreeAdapter<Light>;
  const adapter: TreeAdapter<Light> = {
    ...base,
    createDocument: () => make(LightDocument, { nodeName: '#document', mode: 'no-quirks' }),
    createDocumentFragment: () => make(LightNode, { nodeName: '#document-fragment' }),
    createElement: (tagName, namespaceURI, attrs) => make(LightElement, { nodeName: tagName, tagName, namespaceURI, attrs }),
    createCommentNode: (data) => make(LightComment, { nodeName: '#comment', data }),
    createTextNode: (value) => make(LightText, { nodeName: '#text', value }),
    appendChild: append,
    insertBefore(parent, node, reference) {
      const kids = parent.childNodes;
      kids.splice(kids.indexOf(reference), 0, node);
      node.parentNode = parent;
      reindex(parent);
    },
    detachNode(node) {
      const parent = node.parentNode;
      if (!parent) return;
      parent.childNodes.splice(parent.childNodes.indexOf(node), 1);
      node.parentNode = null;
      reindex(parent);
    },
    insertText(parent, text) {
      const last = parent.childNodes[parent.childNodes.length - 1];
      if (last && last.nodeType === TEXT) (last as LightText).value += text;
      else append(parent, make(LightText, { nodeName: '#text', value: text }));
    },
    insertTextBefore(parent, text, reference) {
      const kids = parent.childNodes;
      const prev = kids[kids.indexOf(reference) - 1];
      if (prev && prev.nodeType === TEXT) (prev as LightText).value += text;
      else adapter.insertBefore(parent, make(LightText, { nodeName: '#text', value: text }), reference);
    },
    setDocumentType(document, name, publicId, systemId) {
      const existing = document.childNodes.find((n) => n.nodeName === '#documentType');
      if (existing) Object.assign(existing, { name, publicId, systemId });
      else append(document, make(LightDoctype, { nodeName: '#documentType', name, publicId, systemId }));
    },
    isTextNode: (node): node is LightText => node.nodeName === '#text',
    isCommentNode: (node): node is LightComment => node.nodeName === '#comment',
    isDocumentTypeNode: (node): node is LightDoctype => node.nodeName === '#documentType',
    isElementNode: (node): node is LightElement => Object.prototype.hasOwnProperty.call(node, 'tagName'),
  };
  return adapter;
}

/** Parses a page into a light document (parse5, the standard's algorithm; see above). */
export function parseLight(html: string, url: string): Document {
  const doc = parse(html, { treeAdapter: lightAdapter() }) as LightDocument;
  doc.URL = url;
  return doc as unknown as Document;
}
