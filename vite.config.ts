import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

/** TARGET=chrome (default) or firefox: two builds, dist/chrome and dist/firefox. */
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * Firefox has no MV3 service workers: the same background module runs there as an event page
 * (`background.scripts`), which is what crxjs expects for its Firefox target.
 */
function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  if (browser === 'chrome') return manifest as ManifestV3Export;
  const { service_worker: worker, ...rest } = manifest.background;
  return { ...manifest, background: { ...rest, scripts: [worker] } } as unknown as ManifestV3Export;
}

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(target),
      browser: target,
      // one self-contained script: nothing web-accessible for pages to probe, and it works under any page CSP
      contentScripts: { standaloneFiles: ['content-scripts/index.ts'] },
    }),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.MINIFY !== '0',
    sourcemap: process.env.SOURCEMAP === '1',
    reportCompressedSize: false,
    // the viewer (PDF and workbook reports) is an extension page the manifest does not name
    rollupOptions: { input: { viewer: 'viewer/index.html', onboarding: 'onboarding/index.html' } },
  },
});
