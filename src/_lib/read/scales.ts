// What a valid score is, the default scales, and where bands begin: written once, used by NPS,
// CSAT, CES, tallies and reports.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import { assertFinite, assertScale } from "../core/validate.ts";

/** A response scale `[min, max]` of whole numbers. */
export type Scale = readonly [number, number];

/** The likelihood-to-recommend question's scale. */
export const NPS_SCALE: Scale = [0, 10];
/** The satisfaction question's usual scale. */
export const CSAT_SCALE: Scale = [1, 5];
/** The effort question's scale (CES 2.0). */
export const CES_SCALE: Scale = [1, 7];

/** The scale each metric assumes when none is given. */
export const DEFAULT_SCALES = { nps: NPS_SCALE, csat: CSAT_SCALE, ces: CES_SCALE } as const;

/** The `scale` option: `fallback` when not given. */
export function scaleOption(value: unknown, fallback: Scale): Scale {
  return value === undefined ? fallback : assertScale(value, "options.scale");
}

/** Whether `v` is a whole number on [min, max] (a number, not something that coerces to one). */
export function isOnScale(v: unknown, min: number, max: number): v is number {
  return typeof v === "number" && v >= min && v <= max && Math.floor(v) === v;
}

/**
 * The error for a value that is not a whole number on the scale [min, max], classified by why;
 * `hint` is added to what was expected.
 */
export function scoreError(value: unknown, argument: string, min: number, max: number, hint = ""): Error {
  const expected = `a whole number from ${min} to ${max}${hint}`;
  if (typeof value !== "number") return new MetricsTypeError("INVALID_TYPE", argument, value, expected);
  if (!Number.isFinite(value)) return new MetricsInputError("NOT_FINITE", argument, value, expected);
  if (!Number.isInteger(value)) return new MetricsInputError("NOT_INTEGER", argument, value, expected);
  return new MetricsInputError("OUT_OF_RANGE", argument, value, expected);
}

/**
 * A score that starts a band (promoterFrom, satisfiedFrom, agreeFrom): in (lo, hi], or [lo, hi]
 * when `closed`. When the caller gave nothing and the default does not fit their scale, the
 * message says the value is a default and what to pass.
 */
export function bandStart(value: unknown, fallback: number, argument: string, lo: number, hi: number, closed = false): number {
  const x = value === undefined ? fallback : assertFinite(value, argument);
  if (x < lo || x > hi || (!closed && x === lo)) {
    const range = `${closed ? "[" : "("}${lo}, ${hi}]`;
    const expected =
      value === undefined
        ? `a score in ${range}; the default ${fallback} does not fit this scale, so pass ${argument}`
        : `a score in ${range}`;
    throw new MetricsInputError("OUT_OF_RANGE", argument, x, expected);
  }
  return x;
}
