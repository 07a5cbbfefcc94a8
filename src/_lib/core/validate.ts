// Validation helpers, one per kind of input, used at the public boundary of every export.
// Each throws a MetricsInputError (domain) or MetricsTypeError (type) naming the argument.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import { bigintCell } from "./math.ts";

/** A finite number, or throw. */
export function assertFinite(value: unknown, argument: string): number {
  if (typeof value !== "number") {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, "a finite number");
  }
  if (!Number.isFinite(value)) {
    throw new MetricsInputError("NOT_FINITE", argument, value, "a finite number");
  }
  return value;
}

/** A finite number in [min, max] (either bound may be open), or throw. */
export function assertInRange(
  value: unknown,
  argument: string,
  min: number,
  max: number,
  { openMin = false, openMax = false }: { openMin?: boolean; openMax?: boolean } = {},
): number {
  const x = assertFinite(value, argument);
  if (x < min || x > max || (openMin && x === min) || (openMax && x === max)) {
    const interval = `${openMin ? "(" : "["}${min}, ${max}${openMax ? ")" : "]"}`;
    throw new MetricsInputError("OUT_OF_RANGE", argument, value, `a number in ${interval}`);
  }
  return x;
}

/**
 * A fraction in [0, 1] (open at either end when asked). A number from 1 to 100 is most likely a
 * percentage, so the message says so: "did you mean 0.05?" for 5.
 */
export function assertFraction(value: unknown, argument: string, open = false): number {
  const x = assertFinite(value, argument);
  if (x < 0 || x > 1 || (open && (x === 0 || x === 1))) {
    const range = open ? "(0, 1)" : "[0, 1]";
    const hint = x > 1 && x <= 100 ? ` (a fraction, not a percentage: did you mean ${x / 100}?)` : "";
    throw new MetricsInputError("OUT_OF_RANGE", argument, value, `a fraction in ${range}${hint}`);
  }
  return x;
}

/** A probability strictly between 0 and 1, such as a confidence level. */
export function assertOpenFraction(value: unknown, argument: string): number {
  return assertFraction(value, argument, true);
}

/** The `confidence` option: default 0.95, otherwise a probability strictly between 0 and 1. */
export function confidenceOption(value: unknown): number {
  return value === undefined ? 0.95 : assertOpenFraction(value, "options.confidence");
}

/** A non-negative finite number (money, a spend, a duration). */
export function assertNonNegative(value: unknown, argument: string): number {
  const x = assertFinite(value, argument);
  if (x < 0) throw new MetricsInputError("OUT_OF_RANGE", argument, value, "a number >= 0");
  return x;
}

/** A strictly positive finite number. */
export function assertPositive(value: unknown, argument: string): number {
  const x = assertFinite(value, argument);
  if (!(x > 0)) throw new MetricsInputError("OUT_OF_RANGE", argument, value, "a number > 0");
  return x;
}

/**
 * A count: a non-negative safe integer, as a number or a BigInt (drivers return COUNT(*) and
 * BIGINT columns as BigInts).
 */
export function assertCount(value: unknown, argument: string): number {
  const n = typeof value === "bigint" ? bigintCell(value) : value;
  if (typeof n === "bigint") {
    throw new MetricsInputError("OUT_OF_RANGE", argument, value, n < 0n ? "a count >= 0" : "a count <= Number.MAX_SAFE_INTEGER");
  }
  const x = assertFinite(n, argument);
  if (!Number.isInteger(x)) {
    throw new MetricsInputError("NOT_INTEGER", argument, value, "a whole number (a count)");
  }
  if (x < 0) throw new MetricsInputError("OUT_OF_RANGE", argument, value, "a count >= 0");
  if (x > Number.MAX_SAFE_INTEGER) {
    throw new MetricsInputError("OUT_OF_RANGE", argument, value, "a count <= Number.MAX_SAFE_INTEGER");
  }
  return x;
}

/**
 * A total of counts, which must stay exact: past 2^53 − 1 a double cannot hold every whole number,
 * so n and the shares computed from it would be silently inexact. Throws naming `argument`.
 */
export function assertExactTotal(total: number, argument: string, value: unknown): number {
  if (total > Number.MAX_SAFE_INTEGER) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      argument,
      value,
      `counts that add up to at most Number.MAX_SAFE_INTEGER (2^53 − 1), where every count is exact (these add up to ${total})`,
    );
  }
  return total;
}

/** A count of at least `min`. */
export function assertCountAtLeast(value: unknown, argument: string, min: number): number {
  const x = assertCount(value, argument);
  if (x < min) throw new MetricsInputError("OUT_OF_RANGE", argument, value, `a whole number >= ${min}`);
  return x;
}

/** A scale `[min, max]` of whole numbers with min < max. */
export function assertScale(value: unknown, argument: string): readonly [number, number] {
  const expected = "[min, max]: whole numbers from -2^31 to 2^31, min < max, at most 1000 apart";
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "number" || typeof value[1] !== "number") {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, expected);
  }
  const [min, max] = value as [number, number];
  // Past ±2^31 a score loop's s++ may stand still (2^53 + 1 is 2^53): no survey scale is there.
  const bound = 2 ** 31;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min < max && max - min <= 1000 && min >= -bound && max <= bound)) {
    throw new MetricsInputError(Number.isFinite(min + max) ? "OUT_OF_RANGE" : "NOT_FINITE", argument, value, expected);
  }
  return [min, max];
}

/** One of a fixed set of string options; `fallback`, when given, stands for a value left out. */
export function assertOneOf<T extends string>(value: unknown, argument: string, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new MetricsTypeError("INVALID_OPTION", argument, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
  return value as T;
}

/** An array-like of numbers (array or typed array) that is not empty. */
export function assertArrayLike(value: unknown, argument: string): ArrayLike<unknown> {
  if (typeof value !== "object" || value === null || typeof (value as ArrayLike<unknown>).length !== "number") {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, "an array or typed array of numbers");
  }
  // An array-like that claims more elements than an array can hold ({ 0: 9, length: 1e300 }) would
  // be read for ever: its length must be a whole number an array could have.
  const length = (value as ArrayLike<unknown>).length;
  if (!ArrayBuffer.isView(value) && !(Number.isInteger(length) && length >= 0 && length <= 2 ** 32 - 1)) {
    throw new MetricsInputError("OUT_OF_RANGE", `${argument}.length`, length, "a whole number from 0 to 2^32 − 1, as an array's length is");
  }
  return value as ArrayLike<unknown>;
}

/**
 * A computed result must be finite: inputs that are valid one by one can still overflow (a
 * margin of 1e-300, money near 1e308). Throws UNDEFINED_RESULT naming the input to blame.
 */
export function assertFiniteResult(result: number, argument: string, value: unknown): number {
  if (!Number.isFinite(result)) {
    throw new MetricsInputError("UNDEFINED_RESULT", argument, value, "a value for which the result fits in a double (this one overflows)");
  }
  return result;
}
