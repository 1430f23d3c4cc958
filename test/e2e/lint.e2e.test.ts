/**
 * web-ext lint on the Firefox build: no errors (it runs offline). The one expected warning,
 * UNSAFE_VAR_ASSIGNMENT, is Preact's innerHTML branch for dangerouslySetInnerHTML, which Crossfoot
 * never uses (the lint rules of this repository forbid it).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_FIREFOX, ROOT } from './browsers.js';

describe('web-ext lint', () => {
  it('reports no errors on dist/firefox', async () => {
    const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', DIST_FIREFOX, '--no-input', '--output=json'], { maxBuffer: 16 << 20 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const result = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: Array<{ code: string; message: string }>; warnings: Array<{ code: string; file?: string }> };
    expect(result.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(result.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  });
});
