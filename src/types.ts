/**
 * A lower and upper bound, in the units of the estimate it brackets.
 *
 * @category Statistics
 */
export interface Interval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
}

/**
 * What every two-sample comparison reports. Units are those of the metric compared: NPS
 * points, a fraction for proportions, the scores' unit for means.
 *
 * @category Statistics
 */
export interface Comparison {
  /** First sample minus second, in the metric's unit. */
  readonly difference: number;
  /** Standard error of the difference, in the metric's unit. */
  readonly standardError: number;
  /** Two-sided p-value of the test of no difference. */
  readonly pValue: number;
  /** Confidence interval for the difference, in the metric's unit. */
  readonly interval: Interval;
  /** Whether pValue < 1 − confidence. */
  readonly significant: boolean;
  /** The confidence level used. */
  readonly confidence: number;
}
