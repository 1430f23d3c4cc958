export { formatAmount, formatPercent, formatSigned } from '../model/format.js';

/** Stands for a blank cell inside message data; each catalogue says it in its own words. */
export const BLANK = '⟦blank⟧';

/** Fills "{name}" placeholders; unknown names are left visible so a missing parameter shows. */
export function fill(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = data[name];
    return v === undefined ? m : String(v);
  });
}
