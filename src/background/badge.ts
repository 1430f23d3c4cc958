/**
 * The toolbar badge of a tab: the number of errors on red; "?" on amber when there are only items
 * to review; "≈" on grey when there are only rounding differences; "✓" on green for a checked page
 * whose checks all held; "–" on grey for a budget page with nothing that could be checked; nothing
 * for a page without budget content.
 */
export interface Badge {
  readonly text: string;
  readonly color: string;
  readonly title: { readonly zh: string; readonly en: string };
}

export function badgeFor(s: { errors: number; reviews: number; roundings: number; checked: boolean; passed: number }): Badge {
  if (!s.checked) return { text: '', color: '#5f6368', title: { zh: 'Crossfoot 勾稽', en: 'Crossfoot 勾稽' } };
  if (s.errors > 0) {
    return { text: s.errors > 999 ? '999+' : String(s.errors), color: '#c5221f', title: { zh: `${s.errors} 处错误`, en: `${s.errors} error${s.errors === 1 ? '' : 's'}` } };
  }
  if (s.reviews > 0) return { text: '?', color: '#b06000', title: { zh: `${s.reviews} 处待核实`, en: `${s.reviews} to review` } };
  if (s.roundings > 0) return { text: '≈', color: '#5f6368', title: { zh: `${s.roundings} 处尾数差异`, en: `${s.roundings} rounding differences` } };
  // "clean" only when something was checked and held
  if (!(s.passed > 0)) return { text: '–', color: '#5f6368', title: { zh: '本页没有可核对的数字', en: 'Nothing on this page could be checked' } };
  return { text: '✓', color: '#188038', title: { zh: `核对 ${s.passed} 项，均相符`, en: `${s.passed} checks, all consistent` } };
}
