/**
 * Crossfoot's version, in one place: the report's generator and the CLI's --version say this, and
 * package.json and manifest.json must say the same (test/conventions.test.ts holds them equal).
 */
export const VERSION = '0.1.0';
