// How each SQL dialect quotes a name, binds a parameter, and finds the calendar period of an
// instant in a time zone. Internal: countsQuery writes its SQL from these and nothing else.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { PeriodUnit } from "../types.ts";

/**
 * The SQL dialects {@link countsQuery} writes.
 *
 * @example
 * ```ts
 * import { SQL_DIALECTS } from "cxmetrics";
 * SQL_DIALECTS.includes("duckdb"); // true
 * ```
 *
 * @category Warehouse
 */
export const SQL_DIALECTS: readonly ["duckdb", "postgres", "bigquery", "snowflake", "ansi"] = /* @__PURE__ */ Object.freeze([
  "duckdb",
  "postgres",
  "bigquery",
  "snowflake",
  "ansi",
] as const);

/**
 * A SQL dialect: `"duckdb"`, `"postgres"`, `"bigquery"`, `"snowflake"` or `"ansi"`.
 *
 * @category Warehouse
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** What countsQuery needs of a dialect. */
export interface Dialect {
  /** A name as a quoted identifier, or an error naming `argument`. */
  quote(name: unknown, argument: string): string;
  /** A table's name from its parts (one to three, checked), each quoted. */
  table(parts: readonly unknown[], argument: (i: number) => string): string;
  /** The placeholder of the i-th parameter (from 1). */
  param(i: number): string;
  /** Whether a value is NaN (read as missing, as in memory), or undefined where the dialect has no NaN. */
  isNaN(column: string): string | undefined;
  /** The calendar date, in the zone bound to `zone`, of the instant in `column`. */
  localDate(column: string, zone: string): string;
  /** The first day of the period holding the date `day`, or undefined to leave days for the report to roll up. */
  periodStart(day: string, every: PeriodUnit): string | undefined;
  /** A date as text `YYYY-MM-DD`. */
  text(date: string): string;
}

/** Control characters (NUL, line breaks) are no part of a table or column name. */
function hasControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/** A lone surrogate: text that is not well-formed UTF-16, which no database stores as a name. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkName(name: unknown, argument: string): string {
  if (typeof name !== "string") throw new MetricsTypeError("INVALID_TYPE", argument, name, "a table or column name (a string)");
  if (name.length === 0 || hasControl(name) || LONE_SURROGATE.test(name)) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      argument,
      name,
      "a name that is not empty, has no control characters (NUL, line breaks) and is well-formed UTF-16 (no lone surrogate)",
    );
  }
  return name;
}

/** SQL's delimited identifier: in double quotes, a double quote doubled. */
function doubleQuoted(name: unknown, argument: string): string {
  return `"${checkName(name, argument).replaceAll('"', '""')}"`;
}

/** The length of well-formed text in UTF-8 bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** PostgreSQL cuts a name past 63 bytes (NAMEDATALEN − 1) to another name, silently: refuse it. */
function postgresQuoted(name: unknown, argument: string): string {
  const quoted = doubleQuoted(name, argument);
  const bytes = utf8Length(name as string);
  if (bytes > 63) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      argument,
      name,
      `a PostgreSQL name of at most 63 bytes (this one has ${bytes} in UTF-8; PostgreSQL would cut it to another name)`,
    );
  }
  return quoted;
}

/**
 * What DuckDB could read as a file: a name that is not in its catalog goes to a replacement scan,
 * which reads "secret.csv", "../data/export.parquet" or "*.json" (and a qualified name joined with
 * dots, so ["secret", "csv"] too). Path, glob and URL characters and dots are refused in every
 * part, and a last part that is a file extension in a qualified name.
 */
const DUCKDB_FILE_CHARACTERS = /[./\\:*?[\]{}~$]/;
const FILE_EXTENSIONS = new Set([
  "csv",
  "tsv",
  "tbl",
  "txt",
  "dat",
  "parquet",
  "json",
  "jsonl",
  "ndjson",
  "xlsx",
  "xls",
  "avro",
  "arrow",
  "ipc",
  "feather",
  "orc",
  "gz",
  "gzip",
  "zst",
  "zstd",
  "bz2",
  "lz4",
  "xz",
  "zip",
  "db",
  "duckdb",
  "sqlite",
  "sqlite3",
]);

/** A DuckDB table name's parts, each quoted, that can only name a catalog table. */
function duckdbTable(parts: readonly unknown[], argument: (i: number) => string): string {
  return parts
    .map((part, i) => {
      const quoted = doubleQuoted(part, argument(i));
      const text = part as string;
      const extension = parts.length > 1 && i === parts.length - 1 && FILE_EXTENSIONS.has(text.toLowerCase());
      if (DUCKDB_FILE_CHARACTERS.test(text) || extension) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          argument(i),
          part,
          extension
            ? "a table name whose last part is not a file extension: DuckDB reads a table it does not have as a file (replacement scan), and joins the parts with dots"
            : "a table name without dots, slashes, globs or URL characters (. / \\ : * ? [ ] { } ~ $): DuckDB reads a table it does not have as a file (replacement scan)",
        );
      }
      return quoted;
    })
    .join(".");
}

const UNITS: Record<PeriodUnit, string> = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" };

/** The parts of a table name, each quoted by the dialect, joined with dots. */
const joined =
  (quote: Dialect["quote"]): Dialect["table"] =>
  (parts, argument) =>
    parts.map((part, i) => quote(part, argument(i))).join(".");

const duckdb: Dialect = {
  quote: doubleQuoted,
  table: duckdbTable,
  param: () => "?",
  // isnan of the column itself: a VARCHAR or BOOLEAN score column is refused when the query is
  // bound (DuckDB would cast '9.5' to 10 and true to 1, where the in-memory reader refuses both).
  isNaN: (c) => `isnan(${c})`,
  // Through epoch microseconds: a TIMESTAMPTZ is its instant, and a naive TIMESTAMP is read as
  // UTC (as in memory), whatever the session's TimeZone. A DATE is the date it names in every zone
  // (as "2025-03-01" is in memory), not its midnight UTC moved into the zone.
  localDate: (c, zone) =>
    `CASE WHEN typeof(${c}) = 'DATE' THEN CAST(${c} AS DATE) ELSE CAST(timezone(${zone}, make_timestamptz(epoch_us(${c}))) AS DATE) END`,
  periodStart: (d, every) => (every === "day" ? d : `CAST(date_trunc('${UNITS[every]}', ${d}) AS DATE)`),
  text: (d) => `strftime(${d}, '%Y-%m-%d')`,
};

const postgres: Dialect = {
  quote: postgresQuoted,
  table: /* @__PURE__ */ joined(postgresQuoted),
  param: (i) => `$${i}`,
  isNaN: (c) => `CAST(${c} AS DOUBLE PRECISION) = CAST('NaN' AS DOUBLE PRECISION)`,
  // Through the epoch: extract gives a timestamptz's instant and a naive timestamp's wall clock
  // as if UTC (as in memory), so neither depends on the session's TimeZone.
  // A date is the date it names, in every zone (as in memory).
  localDate: (c, zone) =>
    `CASE WHEN pg_typeof(${c}) = 'date'::regtype THEN CAST(${c} AS DATE) ELSE CAST((to_timestamp(extract(epoch FROM ${c})) AT TIME ZONE ${zone}) AS DATE) END`,
  periodStart: (d, every) => (every === "day" ? d : `CAST(date_trunc('${UNITS[every]}', CAST(${d} AS TIMESTAMP)) AS DATE)`),
  text: (d) => `to_char(${d}, 'YYYY-MM-DD')`,
};

const BIGQUERY_UNITS: Record<PeriodUnit, string> = { day: "DAY", week: "ISOWEEK", month: "MONTH", quarter: "QUARTER", year: "YEAR" };

// BigQuery's quoted identifiers are in backticks, which (with backslashes) cannot be escaped in them.
function backticked(name: unknown, argument: string): string {
  const text = checkName(name, argument);
  if (/[`\\]/.test(text)) throw new MetricsInputError("OUT_OF_RANGE", argument, text, "a BigQuery name without backticks or backslashes");
  return `\`${text}\``;
}

const bigquery: Dialect = {
  quote: backticked,
  table: /* @__PURE__ */ joined(backticked),
  param: () => "?",
  isNaN: (c) => `IS_NAN(CAST(${c} AS FLOAT64))`,
  localDate: (c, zone) => `DATE(${c}, ${zone})`,
  periodStart: (d, every) => (every === "day" ? d : `DATE_TRUNC(${d}, ${BIGQUERY_UNITS[every]})`),
  text: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
};

const snowflake: Dialect = {
  quote: doubleQuoted,
  table: /* @__PURE__ */ joined(doubleQuoted),
  param: () => "?",
  isNaN: (c) => `CAST(${c} AS DOUBLE) = CAST('NaN' AS DOUBLE)`,
  // Through epoch nanoseconds: CONVERT_TIMEZONE(zone, ts) would read a TIMESTAMP_NTZ in the
  // session's zone; DATE_PART(EPOCH_NANOSECOND) reads it as UTC (as in memory), an instant as itself.
  localDate: (c, zone) => `CAST(CONVERT_TIMEZONE('UTC', ${zone}, TO_TIMESTAMP_NTZ(DATE_PART(EPOCH_NANOSECOND, ${c}), 9)) AS DATE)`,
  // Snowflake's WEEK follows the session's WEEK_START; ISO weeks start on Monday whatever it is.
  periodStart: (d, every) =>
    every === "day"
      ? d
      : every === "week"
        ? `DATEADD('DAY', 1 - DAYOFWEEKISO(${d}), ${d})`
        : `DATE_TRUNC('${UNITS[every].toUpperCase()}', ${d})`,
  text: (d) => `TO_CHAR(${d}, 'YYYY-MM-DD')`,
};

const ansi: Dialect = {
  quote: doubleQuoted,
  table: /* @__PURE__ */ joined(doubleQuoted),
  param: () => "?",
  isNaN: () => undefined,
  localDate: (c, zone) => `CAST(${c} AT TIME ZONE ${zone} AS DATE)`,
  // Standard SQL has no date truncation: group by day and let the report roll days into periods.
  periodStart: (d, every) => (every === "day" ? d : undefined),
  text: (d) => `CAST(${d} AS VARCHAR(10))`,
};

export const DIALECTS: Record<SqlDialect, Dialect> = { duckdb, postgres, bigquery, snowflake, ansi };
