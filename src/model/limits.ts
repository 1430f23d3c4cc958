/**
 * Every bound Crossfoot puts on what a document may make it do, in one place. Documents are hostile
 * input: a page, a PDF or a workbook may be built to exhaust memory or time. Each bound, when a
 * document reaches it, is reported as "not checked" with the reason (the reader's notes), never
 * silently: what was left out is said.
 */
export const LIMITS = {
  grid: {
    /** HTML caps colspan at 1000 and rowspan at 65534. */
    maxColSpan: 1000,
    maxRowSpan: 65534,
    maxCols: 1000,
    maxRows: 12_000,
    /** Slots of one expanded grid, padding included (rows × widest row). */
    maxCells: 150_000,
    maxCellText: 4_000,
  },
  text: {
    /** Characters of one text block that are read (a whole report pasted into one <p> stays well under it). */
    maxBlockText: 200_000,
    /** Characters of narrative read per document, all blocks together (a long real report has ~60,000). */
    maxDocumentText: 600_000,
  },
  dom: {
    /** Nodes the reader walks in one document, frames included. */
    maxNodes: 1_500_000,
    /** Frames read per document, and how deep frames may nest. */
    maxFrames: 32,
    maxFrameDepth: 3,
  },
  findings: {
    /** Findings kept per document (errors first), and per text block. */
    perDocument: 5_000,
    perBlock: 200,
  },
  cli: {
    /** Bytes read from one file or URL. */
    maxBytes: 32 * 1024 * 1024,
    /**
     * Elements of one page parsed in Node (jsdom holds about 4 KB per element: this bounds it near
     * 1 GB; the largest fixture page, a 3.9 MB Word export, has 35,000).
     */
    maxElements: 200_000,
    /** Network time for one URL, body included (ms). */
    fetchTimeout: 15_000,
    /** How long a page's scripts may run in the headless browser before it is read (ms). */
    scriptTimeout: 10_000,
  },
} as const;
