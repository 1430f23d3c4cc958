/**
 * web-ext lint on the Firefox build: no errors (it runs offline). Expected warnings, each explained
 * in the README: UNSAFE_VAR_ASSIGNMENT in Preact's runtime (its innerHTML branch for
 * dangerouslySetInnerHTML, which Crossfoot never uses: the lint rules of this repository forbid it);
 * and in pdf.js, which only the viewer loads (its chunk and its worker): DANGEROUS_EVAL for its
 * feature test `new Function("")` and its PostScript-function compiler, which runs only when
 * isEvalSupported, which the viewer sets false (and MV3's extension CSP forbids eval anyway), and
 * UNSAFE_VAR_ASSIGNMENT for its dynamic imports of its own worker and decoder files.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_FIREFOX, ROOT } from './browsers.js';

describe('web-ext lint', () => {
  it('reports no errors on dist/firefox', async () => {
    const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', DIST_FIREFOX, '--no-input', '--output=json'], { maxBuffer: 16 << 20 }).catch((e: { stdout?: string }) => ({
      stdout: e.stdout ?? '',
    }));
    const result = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: Array<{ code: string; message: string }>; warnings: Array<{ code: string; file?: string }> };
    expect(result.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    const pdfjs = (w: { file?: string }): boolean => /^assets\/(?:viewer-[\w-]+\.js|pdf\.worker\.min-[\w-]+\.mjs)$/u.test(w.file ?? '');
    const explained = (w: { code: string; file?: string }): boolean =>
      (w.code === 'UNSAFE_VAR_ASSIGNMENT' && (/jsxRuntime/u.test(w.file ?? '') || pdfjs(w))) || (w.code === 'DANGEROUS_EVAL' && pdfjs(w));
    expect(result.warnings.filter((w) => !explained(w))).toEqual([]);
  });
});
