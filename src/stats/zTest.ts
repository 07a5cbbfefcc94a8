// The z comparison shared by NPS and proportions: one place that turns a difference and its
// standard error into a Comparison. Internal.

import { symmetricInterval } from "../_lib/core/math.ts";
import { MetricsInputError } from "../errors.ts";
import type { Comparison } from "../types.ts";
import { normalCdfUnchecked, zForConfidence } from "./normal.ts";

/** The inputs of a z comparison: the difference shown, the centre tested, its SE. */
export interface ZInputs<M extends string> {
  /** The observed difference, reported. */
  readonly difference: number;
  /** The centre of the test and interval (an adjusted difference, or the observed one). */
  readonly centre: number;
  readonly standardError: number;
  /** Half-width of the metric's range of differences: the interval is clipped to ±range. */
  readonly range: number;
  readonly confidence: number;
  readonly method: M;
  /** What to say when both samples have zero variance and different centres. */
  readonly undefinedHint: string;
  /**
   * What the hint is about: `options.method` (the default) when another method would give a
   * test, the samples (`"a and b"`) when no method would.
   */
  readonly undefinedArgument?: string;
}

/** z = centre / SE, p = 2Φ(−|z|), interval centre ± z_(1−α/2)·SE clipped to ±range. */
export function zComparison<M extends string>(x: ZInputs<M>): Comparison<M> {
  let statistic: number;
  if (x.standardError > 0) statistic = x.centre / x.standardError;
  else if (x.centre === 0) statistic = 0;
  else if (x.undefinedArgument === undefined) throw new MetricsInputError("UNDEFINED_RESULT", "options.method", x.method, x.undefinedHint);
  else {
    const message = `${x.undefinedArgument} must be ${x.undefinedHint}; their difference is ${x.difference} with a standard error of 0`;
    throw new MetricsInputError("UNDEFINED_RESULT", x.undefinedArgument, x.difference, "", message);
  }
  const pValue = Math.min(1, 2 * normalCdfUnchecked(-Math.abs(statistic)));
  return {
    difference: x.difference,
    standardError: x.standardError,
    statistic,
    pValue,
    interval: symmetricInterval(x.centre, zForConfidence(x.confidence) * x.standardError, -x.range, x.range),
    significant: pValue < 1 - x.confidence,
    confidence: x.confidence,
    method: x.method,
  };
}
