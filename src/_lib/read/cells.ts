// Reading one raw response as a CSV or a form gives it: a number, a numeric string ("7", " 9 "),
// or a missing value (null, undefined, NaN, a blank, or a marker such as "N/A"). One reader, used
// by the counting loops and the report fields, so every function treats a cell the same way.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import { DEFAULT_MISSING_VALUES, MISSING_MODES } from "../../types.ts";
import { bigintCell } from "../core/math.ts";
import { assertOneOf } from "../core/validate.ts";

/** How raw cells are read: whether missing values are skipped, and which strings mean missing. */
export interface CellRules {
  readonly skipMissing: boolean;
  /** The strings that mean missing, as a set: one lookup per cell. */
  readonly markers: ReadonlySet<string>;
  /** 1 at the ASCII codes a marker starts with: most cells are ruled out by one array read. */
  readonly starts: Uint8Array;
  /**
   * Whether invalid values (off the scale, a word, a negative weight) are skipped and counted
   * rather than thrown: the array functions' `onInvalid: "skip"`. Reports keep their own.
   */
  readonly skipInvalid: boolean;
}

/** Rules for a list of markers. */
function rules(skipMissing: boolean, markers: readonly string[], skipInvalid = false): CellRules {
  const starts = new Uint8Array(128);
  for (const m of markers) {
    const c = m.charCodeAt(0);
    if (c < 128) starts[c] = 1;
  }
  return { skipMissing, markers: new Set(markers), starts, skipInvalid };
}

/** The rules when no option is given: numeric strings read, missing values throw. */
export const STRICT_CELLS: CellRules = /* @__PURE__ */ rules(false, DEFAULT_MISSING_VALUES);

/**
 * The rules for keys (segment keys, customer ids) when no key markers are named: only a blank,
 * `null`, `undefined` or NaN is missing. Markers such as "NA" are values' markers, never keys':
 * "NA" is North America.
 */
export const STRICT_KEYS: CellRules = /* @__PURE__ */ rules(false, []);

/** A list of marker strings, or throw naming the option. */
function markerList(value: unknown, argument: string): string[] {
  if (!Array.isArray(value) || !value.every((m) => typeof m === "string")) {
    throw new MetricsTypeError("INVALID_TYPE", argument, value, 'an array of strings such as ["NA", "N/A"]');
  }
  return value as string[];
}

/**
 * The rules for a report's keys: the `missing` mode of its values, and the markers the caller
 * names in `keyMissingValues` (none by default: markers apply to values, never to keys).
 */
export function keyCellRules(skipMissing: boolean, keyMissingValues: unknown, prefix = "options"): CellRules {
  if (keyMissingValues === undefined) return skipMissing ? { ...STRICT_KEYS, skipMissing } : STRICT_KEYS;
  return rules(skipMissing, markerList(keyMissingValues, `${prefix}.keyMissingValues`));
}

/**
 * The `missing` and `missingValues` options, validated, and `onInvalid` where the function takes
 * it (the array functions; reports read their own).
 */
export function cellRules(missing: unknown, missingValues: unknown, prefix = "options", onInvalid?: unknown): CellRules {
  const mode = assertOneOf(missing, `${prefix}.missing`, MISSING_MODES, "throw");
  const skipInvalid = assertOneOf(onInvalid, `${prefix}.onInvalid`, MISSING_MODES, "throw") === "skip";
  if (missingValues === undefined) {
    return mode === "throw" && !skipInvalid ? STRICT_CELLS : { ...STRICT_CELLS, skipMissing: mode === "skip", skipInvalid };
  }
  return rules(mode === "skip", markerList(missingValues, `${prefix}.missingValues`), skipInvalid);
}

/** A BigInt key or id: the number it is, or its digits past 2^53 (so no two ids become one). */
export function bigintKey(cell: bigint): number | string {
  const v = bigintCell(cell);
  return typeof v === "number" ? v : String(v);
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a number, `undefined` when it is missing, or the cell itself when it is neither (a
 * word, an object): the caller turns that into an error naming the row.
 */
export function readCell(cell: unknown, markers: ReadonlySet<string>): unknown {
  if (typeof cell === "number") return Number.isNaN(cell) ? undefined : cell;
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "bigint") return bigintCell(cell);
  if (typeof cell !== "string") return cell;
  const text = cell.trim();
  if (text === "" || markers.has(text) || markers.has(cell)) return undefined;
  return NUMERIC.test(text) ? Number(text) : cell;
}

/**
 * `text` without the white space at its ends, trimming only when an end may be white space:
 * ASCII white space is at most 32, and the rest (a no-break space, a byte-order mark) is past
 * ASCII. Most cells have neither, and are returned as they are.
 */
export function trimEnds(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 128 || last <= 32 || last >= 128 ? text.trim() : text;
}

/**
 * Whether a cell is missing, without reading it as a number: the cheap test for segment keys,
 * times and customer ids, read once per record; the same answer as {@link readCell} giving
 * `undefined`.
 */
export function isMissingCell(cell: unknown, cells: CellRules): boolean {
  if (typeof cell === "string") {
    if (cell.length === 0) return true;
    const text = trimEnds(cell);
    if (text !== cell) return text === "" || cells.markers.has(text) || cells.markers.has(cell);
    const first = cell.charCodeAt(0);
    return (first >= 128 || cells.starts[first] === 1) && cells.markers.has(cell);
  }
  return cell === null || cell === undefined || (typeof cell === "number" && Number.isNaN(cell));
}

/**
 * A customer id: a string without the white space at its ends (not blank; "NA" is an id, markers
 * are values' and never keys'), or a finite number; `undefined` when the cell is neither.
 */
export function readId(cell: unknown): string | number | undefined {
  if (typeof cell === "string") return isMissingCell(cell, STRICT_KEYS) ? undefined : trimEnds(cell);
  if (typeof cell === "bigint") return bigintKey(cell);
  return typeof cell === "number" && Number.isFinite(cell) ? cell : undefined;
}

/**
 * The error for a missing value when missing values are not skipped; `remedy` says what to do,
 * by default the `missing` option of the functions that take it.
 */
export function missingError(
  cell: unknown,
  argument: string,
  expected: string,
  remedy = 'pass missing: "skip" to skip missing values',
): Error {
  return new MetricsInputError("MISSING_VALUE", argument, cell, `${expected}, not missing (${remedy})`);
}
