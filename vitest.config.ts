import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/** `npm run fuzz` multiplies the property tests' cases by 20 (test/support/property.ts): so its time limits. */
const scale = process.env.CROSSFOOT_FUZZ === '1' ? 20 : 1;

export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx', 'content-scripts/**/*.test.ts', 'popup/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000 * scale,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
