/**
 * The one error policy of cxmetrics: every export validates its input at the boundary and throws
 * a {@link MetricsInputError} (a `RangeError`) for a value of the right type that is out of its
 * domain, or a {@link MetricsTypeError} (a `TypeError`) for a value of the wrong type. Both carry
 * a machine-readable {@link MetricsErrorCode}, the name of the offending argument and its value,
 * and a message that says what was expected. No export returns `NaN` or `Infinity`.
 *
 * @module
 */
import { describe } from "./describe.ts";

/**
 * Why an input was rejected.
 *
 * - `EMPTY_INPUT`: no responses or records to compute from.
 * - `NOT_FINITE`: `NaN`, `Infinity` or `-Infinity` where a finite number is needed.
 * - `NOT_INTEGER`: a fraction where a whole number (a count, a scale point) is needed.
 * - `OUT_OF_RANGE`: a finite number outside the allowed interval.
 * - `INVALID_TYPE`: a value of the wrong type (a string for a number, a missing object).
 * - `INVALID_OPTION`: an option or field that is not one of the allowed names or values (a
 *   misspelt key is one: `confidenceLevel` for `confidence`).
 * - `MISSING_VALUE`: a missing response (`null`, a blank cell, `"N/A"`) where missing values are
 *   not skipped; `missing: "skip"` skips and counts them.
 * - `UNDEFINED_RESULT`: the inputs are valid one by one, but the metric has no finite value for
 *   them (zero churn for a lifetime value, a zero denominator).
 *
 * @category Errors
 */
export type MetricsErrorCode =
  | "EMPTY_INPUT"
  | "NOT_FINITE"
  | "NOT_INTEGER"
  | "OUT_OF_RANGE"
  | "INVALID_TYPE"
  | "INVALID_OPTION"
  | "MISSING_VALUE"
  | "UNDEFINED_RESULT";

/**
 * Fields shared by both cxmetrics error classes.
 *
 * @category Errors
 */
export interface MetricsErrorDetails {
  /** Why the input was rejected. */
  readonly code: MetricsErrorCode;
  /** The name of the offending argument or option, e.g. `"options.confidence"`. */
  readonly argument: string;
  /** The offending value, as passed. */
  readonly value: unknown;
}

/**
 * Thrown for a value of the right type outside its domain: a negative count, a confidence of 1,
 * a score off the scale, an empty data set.
 *
 * @example
 * ```ts
 * import { nps, MetricsInputError } from "cxmetrics";
 * try {
 *   nps([9, 11]);
 * } catch (error) {
 *   if (error instanceof MetricsInputError) console.log(error.code, error.argument); // OUT_OF_RANGE scores[1]
 * }
 * ```
 *
 * @category Errors
 */
export class MetricsInputError extends RangeError implements MetricsErrorDetails {
  declare readonly code: MetricsErrorCode;
  declare readonly argument: string;
  declare readonly value: unknown;

  /** `instanceof` by the brand: true for this class from any copy of cxmetrics (ESM, CommonJS, a bundle). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandOf(value) === "MetricsInputError";
  }

  constructor(code: MetricsErrorCode, argument: string, value: unknown, expected: string, message?: string) {
    super(message ?? `${argument} must be ${expected}; got ${describe(value)}`);
    details(this, "MetricsInputError", code, argument, value);
  }
}

/**
 * Thrown for a value of the wrong type: a string where a number is needed, `null` where an
 * object is needed, an unknown method name.
 *
 * @example
 * ```ts
 * import { nps, MetricsTypeError } from "cxmetrics";
 * try {
 *   nps(["nine"]);
 * } catch (error) {
 *   console.log(error instanceof MetricsTypeError); // true
 * }
 * ```
 *
 * @category Errors
 */
export class MetricsTypeError extends TypeError implements MetricsErrorDetails {
  declare readonly code: MetricsErrorCode;
  declare readonly argument: string;
  declare readonly value: unknown;

  /** `instanceof` by the brand: true for this class from any copy of cxmetrics (ESM, CommonJS, a bundle). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandOf(value) === "MetricsTypeError";
  }

  constructor(code: MetricsErrorCode, argument: string, value: unknown, expected: string, message?: string) {
    super(message ?? `${argument} must be ${expected}; got ${describe(value)}`);
    details(this, "MetricsTypeError", code, argument, value);
  }
}

/**
 * The brand of cxmetrics' errors: a registry symbol, the same in every copy of the library, so an
 * error thrown by the CommonJS build is recognised by the ESM build's `isMetricsError` and
 * `instanceof` (the dual-package hazard), where a class identity check would say no.
 */
const BRAND: unique symbol = Symbol.for("cxmetrics.error");

function brandOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as { [BRAND]?: unknown })[BRAND] : undefined;
}

/** Sets the name, details and brand of either error class (they must extend different built-ins). */
function details(error: Error, name: string, code: MetricsErrorCode, argument: string, value: unknown): void {
  Object.assign(error, { name, code, argument, value });
  Object.defineProperty(error, BRAND, { value: name });
}

/**
 * Whether `error` was thrown by cxmetrics for bad input.
 *
 * @example
 * ```ts
 * import { isMetricsError, normalQuantile } from "cxmetrics";
 * try { normalQuantile(2); } catch (error) { console.log(isMetricsError(error)); } // true
 * ```
 *
 * @category Errors
 */
export function isMetricsError(error: unknown): error is MetricsInputError | MetricsTypeError {
  const brand = brandOf(error);
  return brand === "MetricsInputError" || brand === "MetricsTypeError";
}
