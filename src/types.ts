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
