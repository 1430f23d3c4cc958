/**
 * What the user may tune: the thresholds at which a correctly computed rate is still worth a
 * question (rate anomalies). Percentages are plain numbers here because they are settings, not
 * money; rules turn them into Decimals before comparing.
 */
export interface Thresholds {
  /** 执行率 below this percentage is questioned (many provinces require a reason under 90%). */
  readonly executionBelow: number;
  /** Spending above this percentage of the budget is questioned. */
  readonly completionAbove: number;
  /** A year-on-year change beyond ± this percentage is questioned. */
  readonly changeBeyond: number;
  /** Changes smaller than this many 万元 are not questioned, whatever their rate. */
  readonly changeFloor: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { executionBelow: 90, completionAbove: 100, changeBeyond: 50, changeFloor: 1 };

/** Thresholds from partial user settings; values that are not finite numbers fall back to the defaults. */
export function thresholds(partial: Partial<Record<keyof Thresholds, unknown>> = {}): Thresholds {
  const pick = (k: keyof Thresholds): number => {
    const v = partial[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_THRESHOLDS[k];
  };
  return { executionBelow: pick('executionBelow'), completionAbove: pick('completionAbove'), changeBeyond: pick('changeBeyond'), changeFloor: pick('changeFloor') };
}
