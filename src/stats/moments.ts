// Mean and variance of raw numbers: two passes with Neumaier-compensated sums, so that long
// inputs (10⁸ values) keep full precision. Internal.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";

/**
 * Mean, unbiased variance (n − 1 denominator; 0 when n = 1) and count of finite values.
 *
 * @category Statistics
 */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly n: number;
}

/**
 * Compensated mean and variance of finite numbers; throws on any non-finite value.
 *
 * @category Statistics
 */
export function moments(values: ArrayLike<number>, argument: string): Moments {
  const n = values.length;
  if (n === 0) throw new MetricsInputError("EMPTY_INPUT", argument, values, "at least one value");
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (typeof v !== "number") throw new MetricsTypeError("INVALID_TYPE", `${argument}[${i}]`, v, "a number");
    if (!Number.isFinite(v)) throw new MetricsInputError("NOT_FINITE", `${argument}[${i}]`, v, "a finite number");
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const mean = (sum + comp) / n;
  let ss = 0;
  let ssComp = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const sq = d * d;
    const t = ss + sq;
    ssComp += ss >= sq ? ss - t + sq : sq - t + ss;
    ss = t;
  }
  const variance = n > 1 ? (ss + ssComp) / (n - 1) : 0;
  if (!Number.isFinite(mean) || !Number.isFinite(variance)) {
    throw new MetricsInputError("UNDEFINED_RESULT", argument, values, "values whose mean and variance fit in a double");
  }
  return { mean, variance, n };
}
