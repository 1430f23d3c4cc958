/**
 * Crossfoot's version, in one place: package.json, the extension's manifest (vite.config.ts sets
 * it from here), the report's generator and the CLI's --version all say this (a test holds them
 * equal).
 */
export const VERSION = '0.1.0';
