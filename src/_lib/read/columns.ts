// Columnar input: a table held as columns (a plain object of arrays, typed arrays or dictionary
// codes, or an Apache Arrow Table) read by row index, with no record objects made. Arrow is
// duck-typed (getChild, data chunks, dictionaries): the library does not depend on it. Internal.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import type { DictionaryColumn } from "../../types.ts";

/** What the library reads of an Arrow Vector (apache-arrow's, or any with the same shape). */
interface ArrowVector {
  readonly length: number;
  readonly nullCount: number;
  readonly type: { readonly typeId: number };
  readonly data: readonly ArrowData[];
  get(index: number): unknown;
}

/**
 * One chunk of an Arrow Vector. Its `values` start at the chunk's first row: Arrow slices the
 * value buffer with the chunk (`offset` then only places the null bitmap, which `getValid` reads).
 */
interface ArrowData {
  readonly length: number;
  readonly nullCount: number;
  readonly values: ArrayLike<unknown> & { subarray?(begin: number, end: number): ArrayLike<unknown> };
  readonly dictionary?: { toArray(): ArrayLike<unknown> };
  getValid?(index: number): boolean;
}

/** What the library reads of an Arrow Table. */
interface ArrowTable {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): ArrowVector | null;
}

// Arrow's Type enum: Dictionary is -1; Int is 2, Float 3 (their bit widths vary).
const ARROW_DICTIONARY = -1;
const ARROW_INT = 2;
const ARROW_FLOAT = 3;

/** Whether a value is an Arrow Vector (duck-typed). */
export function isArrowVector(value: unknown): value is ArrowVector {
  const v = value as ArrowVector;
  return typeof value === "object" && value !== null && typeof v.get === "function" && Array.isArray(v.data) && typeof v.type === "object";
}

/** Whether a value is an Arrow Table (duck-typed). */
function isArrowTable(value: unknown): value is ArrowTable {
  return typeof value === "object" && value !== null && typeof (value as ArrowTable).getChild === "function";
}

/**
 * An Arrow Vector's values by row index: its own typed array when it is one numeric chunk with no
 * nulls (no copy); numbers with NaN for nulls (missing) for other numeric vectors; otherwise each
 * row's value as Arrow reads it (strings, epoch milliseconds for timestamps, null).
 */
export function vectorValues(v: ArrowVector): ArrayLike<unknown> {
  const typeId = v.type.typeId;
  if (typeId === ARROW_INT || typeId === ARROW_FLOAT) {
    if (v.data.length === 1 && v.nullCount === 0) {
      const d = v.data[0]!;
      if (typeof d.values.subarray === "function" && typeof d.values[0] !== "bigint") return d.values.subarray(0, d.length);
    }
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i);
      out[i] = x === null || x === undefined ? Number.NaN : Number(x);
    }
    return out;
  }
  const out: unknown[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v.get(i);
  return out;
}

/** A column as the reader uses it: values, or codes into a dictionary. */
export type Column =
  | { readonly values: ArrayLike<unknown> }
  | { readonly codes: ArrayLike<number | null>; readonly dictionary: ArrayLike<unknown> };

/**
 * An Arrow dictionary Vector as codes into one dictionary, without decoding a row: the codes of a
 * single chunk without nulls as they are; otherwise codes into the union of the chunks'
 * dictionaries, −1 for a null.
 */
function arrowDictionary(v: ArrowVector): Column {
  if (v.data.length === 1 && v.nullCount === 0) {
    const d = v.data[0]!;
    const codes = typeof d.values.subarray === "function" ? d.values.subarray(0, d.length) : d.values;
    return { codes: codes as ArrayLike<number>, dictionary: d.dictionary!.toArray() };
  }
  const dictionary: unknown[] = [];
  const index = new Map<unknown, number>();
  const codes = new Int32Array(v.length);
  let row = 0;
  for (const d of v.data) {
    const local = d.dictionary!.toArray();
    const map = Array.from(local, (value) => {
      let code = index.get(value);
      if (code === undefined) {
        code = dictionary.push(value) - 1;
        index.set(value, code);
      }
      return code;
    });
    for (let i = 0; i < d.length; i++, row++) {
      codes[row] = d.nullCount > 0 && d.getValid !== undefined && !d.getValid(i) ? -1 : map[d.values[i] as number]!;
    }
  }
  return { codes, dictionary };
}

function readColumn(value: unknown, argument: string): Column {
  if (isArrowVector(value)) return value.type.typeId === ARROW_DICTIONARY ? arrowDictionary(value) : { values: vectorValues(value) };
  if (typeof value === "object" && value !== null && "codes" in value && "dictionary" in value) {
    const { codes, dictionary } = value as DictionaryColumn;
    for (const [part, arg] of [
      [codes, `${argument}.codes`],
      [dictionary, `${argument}.dictionary`],
    ] as const) {
      if (typeof part !== "object" || part === null || typeof part.length !== "number") {
        throw new MetricsTypeError("INVALID_TYPE", arg, part, "an array or typed array");
      }
    }
    return { codes, dictionary };
  }
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ArrayLike<unknown>).length === "number" &&
    typeof value !== "function"
  ) {
    return { values: value as ArrayLike<unknown> };
  }
  throw new MetricsTypeError(
    "INVALID_TYPE",
    argument,
    value,
    "a column: an array, a typed array, dictionary codes { codes, dictionary }, or an Arrow Vector",
  );
}

/** The value of a column at a row: a dictionary entry for a valid code, undefined (missing) for a negative or null code. */
function cell(c: Column, i: number, argument: string): unknown {
  if ("values" in c) return c.values[i];
  const code = c.codes[i];
  if (code === null || code === undefined || code < 0) return undefined;
  if (code >= c.dictionary.length || (code | 0) !== code) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      `${argument}.codes[${i}]`,
      code,
      `a code into the dictionary's ${c.dictionary.length} values (or -1 for missing)`,
    );
  }
  return c.dictionary[code];
}

/** Rows of a columnar table: one reusable row object whose fields read the current row. */
export interface ColumnRows {
  readonly length: number;
  /** The columns by name. */
  readonly columns: ReadonlyMap<string, Column>;
  /** The row object: its fields are the columns, each reading row `index`. */
  readonly row: object;
  /** Points the row object at row `i`. */
  moveTo(i: number): void;
}

/**
 * A column object or Arrow Table as rows, or undefined when `records` is neither (an array or
 * iterable of records). Every column must have the table's length.
 */
export function columnRows(records: unknown): ColumnRows | undefined {
  if (typeof records !== "object" || records === null) return undefined;
  if (READ.has(records)) return records as ColumnRows;
  // An Arrow Table is iterable (row by row); it is read by column all the same.
  if (!isArrowTable(records) && (typeof (records as ArrayLike<unknown>).length === "number" || Symbol.iterator in records))
    return undefined;
  const named: [string, Column, string][] = [];
  let length: number;
  if (isArrowTable(records)) {
    length = records.numRows;
    for (const f of records.schema.fields)
      named.push([f.name, readColumn(records.getChild(f.name), `records.${f.name}`), `records.${f.name}`]);
  } else {
    const entries = Object.entries(records);
    if (entries.length === 0) throw new MetricsInputError("EMPTY_INPUT", "records", records, "records, or columns { name: values }");
    for (const [name, value] of entries) named.push([name, readColumn(value, `records.${name}`), `records.${name}`]);
    const first = named[0]!;
    length = "values" in first[1] ? first[1].values.length : first[1].codes.length;
  }
  for (const [name, c] of named) {
    const n = "values" in c ? c.values.length : c.codes.length;
    if (n !== length) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `records.${name}`,
        records,
        `a column of ${length} rows, as ${named[0]![0]} is (this one has ${n})`,
      );
    }
  }
  let index = 0;
  const row: Record<string, unknown> = {};
  for (const [name, c, argument] of named) {
    Object.defineProperty(row, name, { enumerable: true, get: "values" in c ? () => c.values[index] : () => cell(c, index, argument) });
  }
  const rows: ColumnRows = {
    length,
    columns: new Map(named.map(([name, c]) => [name, c])),
    row,
    moveTo(i) {
      index = i;
    },
  };
  READ.add(rows);
  return rows;
}

/** Column rows already read: passed on as they are. */
const READ = new WeakSet<object>();
