/**
 * The floors of the house (CONTRIBUTING.md), enforced: every import — type imports and re-exports
 * included — goes from a floor to one below it, never across to a sibling or up; and no module
 * imports itself back through others (no cycle). A checker that could not fail would prove nothing:
 * its own cases below show it catching an upward import, a sibling import and a cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/fixtures.js';

/** Floors from the bottom: a module may import from its own folder and from lower floors only. */
export const FLOORS: ReadonlyArray<readonly string[]> = [
  ['src/model'],
  ['src/contract'],
  ['src/i18n'],
  ['src/extract', 'src/recognise'],
  ['src/narrative'],
  ['src/engine'],
  ['src/rules'],
  ['src/pipeline'],
  ['src/review'],
  ['src/export'],
  ['src/platform'],
  ['src/messages'],
  ['src/ui', 'src/cli', 'src/background'],
  ['content-scripts', 'popup', 'viewer', 'options', 'onboarding'],
];

type Graph = Map<string, string[]>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gu;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/u.test(e.name) && !/\.test\.tsx?$/u.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Module → the project modules it imports (resolved to their .ts/.tsx files). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const folder of FLOORS.flat()) {
    for (const file of sources(folder)) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const targets: string[] = [];
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        if (!spec) continue;
        const base = path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/u, '');
        for (const ext of ['.ts', '.tsx', '/index.ts']) {
          try {
            readFileSync(path.join(ROOT, base + ext));
            targets.push(base + ext);
            break;
          } catch {
            /* not this one */
          }
        }
      }
      graph.set(file, targets);
    }
  }
  return graph;
}

function floorOf(file: string): { floor: number; folder: string } | null {
  for (const [i, folders] of FLOORS.entries()) for (const f of folders) if (file === f || file.startsWith(`${f}/`)) return { floor: i, folder: f };
  return null;
}

/** Imports that go up a floor or across to a sibling folder. */
export function violations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = floorOf(from);
    for (const to of targets) {
      const b = floorOf(to);
      if (!a || !b || a.folder === b.folder) continue;
      if (b.floor >= a.floor) out.push(`${from} → ${to} (${a.folder} may not import ${b.folder})`);
    }
  }
  return out;
}

/** Import cycles among modules, each as the path that closes it. */
export function cycles(graph: Graph): string[][] {
  const out: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) out.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return out;
}

describe('the floors of the house', () => {
  const graph = importGraph();

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('no import goes up a floor or across to a sibling', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('no module imports itself back through others', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the checker catches an upward import, a sibling import and a cycle (it can fail)', () => {
    const bad: Graph = new Map([
      ['src/engine/run.ts', ['src/rules/index.ts']],
      ['src/rules/index.ts', ['src/engine/run.ts']],
      ['src/extract/dom.ts', ['src/recognise/kind.ts']],
      ['popup/App.tsx', ['content-scripts/overlay.ts']],
      ['src/rules/x.ts', ['src/model/number.ts']],
    ]);
    expect(violations(bad)).toEqual([
      'src/engine/run.ts → src/rules/index.ts (src/engine may not import src/rules)',
      'src/extract/dom.ts → src/recognise/kind.ts (src/extract may not import src/recognise)',
      'popup/App.tsx → content-scripts/overlay.ts (popup may not import content-scripts)',
    ]);
    expect(cycles(bad).map((c) => c.join(' → '))).toEqual(['src/engine/run.ts → src/rules/index.ts → src/engine/run.ts']);
  });
});
