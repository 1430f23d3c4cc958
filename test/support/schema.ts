/**
 * The report's JSON Schema (docs/report.schema.json), compiled once with Ajv: tests validate the
 * CLI's JSON, the content script's report and the popup's export against it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './fixtures.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** The schema's complaints about a report ("" path for the root), empty when it conforms. */
export function validateReport(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
