// Reading one raw response as a CSV or a form gives it: a number, a numeric string ("7", " 9 "),
// or a missing value (null, undefined, NaN, a blank, or a marker such as "N/A"). One reader, used
// by the counting loops and the report fields, so every function treats a cell the same way.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { DEFAULT_MISSING_VALUES, MISSING_MODES } from "../shapes.ts";
import { assertOneOf } from "./validate.ts";

/** How raw cells are read: whether missing values are skipped, and which strings mean missing. */
export interface CellRules {
  readonly skipMissing: boolean;
  readonly markers: readonly string[];
}

/** The rules when no option is given: numeric strings read, missing values throw. */
export const STRICT_CELLS: CellRules = { skipMissing: false, markers: DEFAULT_MISSING_VALUES };

/** The `missing` and `missingValues` options, validated. */
export function cellRules(missing: unknown, missingValues: unknown, prefix = "options"): CellRules {
  const mode = missing === undefined ? "throw" : assertOneOf(missing, `${prefix}.missing`, MISSING_MODES);
  if (missingValues === undefined) return mode === "throw" ? STRICT_CELLS : { skipMissing: true, markers: DEFAULT_MISSING_VALUES };
  if (!Array.isArray(missingValues) || !missingValues.every((m) => typeof m === "string")) {
    throw new MetricsTypeError("INVALID_TYPE", `${prefix}.missingValues`, missingValues, 'an array of strings such as ["NA", "N/A"]');
  }
  return { skipMissing: mode === "skip", markers: missingValues.slice() };
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a number, `undefined` when it is missing, or the cell itself when it is neither (a
 * word, an object): the caller turns that into an error naming the row.
 */
export function readCell(cell: unknown, markers: readonly string[]): unknown {
  if (typeof cell === "number") return Number.isNaN(cell) ? undefined : cell;
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== "string") return cell;
  const text = cell.trim();
  if (text === "" || markers.includes(text) || markers.includes(cell)) return undefined;
  return NUMERIC.test(text) ? Number(text) : cell;
}

/** The error for a missing value when missing values are not skipped. */
export function missingError(cell: unknown, argument: string, expected: string): Error {
  return new MetricsInputError("MISSING_VALUE", argument, cell, `${expected}, not missing (pass missing: "skip" to skip missing values)`);
}
