// Mean and variance of raw numbers: two passes with Neumaier-compensated sums, so that long
// inputs (10⁸ values) keep full precision. Internal.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import { type CellRules, missingError, readCell } from "../read/cells.ts";

/** Mean, unbiased variance (n − 1 denominator; 0 when n = 1) and count of finite values. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly n: number;
}

/**
 * The values as finite numbers: `values` itself when they already are, otherwise a copy with
 * numeric strings read and missing values skipped (or thrown, by the rules).
 */
function finiteNumbers(values: ArrayLike<unknown>, argument: string, rules: CellRules): ArrayLike<number> {
  const n = values.length;
  let i = 0;
  while (i < n && Number.isFinite(values[i])) i++;
  if (i === n) return values as ArrayLike<number>;
  const out: number[] = Array.prototype.slice.call(values, 0, i) as number[];
  for (; i < n; i++) {
    const v = readCell(values[i], rules.markers);
    if (v === undefined) {
      if (rules.skipMissing) continue;
      // compareMeans, which reads raw values strictly, has no `missing` option to point to.
      throw missingError(values[i], `${argument}[${i}]`, "a finite number", "drop missing values before comparing");
    }
    if (typeof v !== "number") throw new MetricsTypeError("INVALID_TYPE", `${argument}[${i}]`, values[i], "a number");
    if (!Number.isFinite(v)) throw new MetricsInputError("NOT_FINITE", `${argument}[${i}]`, v, "a finite number");
    out.push(v);
  }
  return out;
}

/**
 * Compensated mean and variance of finite numbers (numeric strings read); throws on any
 * non-finite value.
 */
export function moments(raw: ArrayLike<unknown>, argument: string, rules: CellRules): Moments {
  const values = finiteNumbers(raw, argument, rules);
  const n = values.length;
  if (n === 0) throw new MetricsInputError("EMPTY_INPUT", argument, values, "at least one value");
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
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
