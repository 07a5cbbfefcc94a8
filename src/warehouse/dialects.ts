// How each SQL dialect quotes a name, binds a parameter, and finds the calendar period of an
// instant in a time zone. Internal: countsQuery writes its SQL from these and nothing else.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { PeriodUnit } from "../segments/trend.ts";

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
export const SQL_DIALECTS = ["duckdb", "postgres", "bigquery", "snowflake", "ansi"] as const;

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

function checkName(name: unknown, argument: string): string {
  if (typeof name !== "string") throw new MetricsTypeError("INVALID_TYPE", argument, name, "a table or column name (a string)");
  if (name.length === 0 || hasControl(name)) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      argument,
      name,
      "a name that is not empty and has no control characters (NUL, line breaks)",
    );
  }
  return name;
}

/** SQL's delimited identifier: in double quotes, a double quote doubled. */
function doubleQuoted(name: unknown, argument: string): string {
  return `"${checkName(name, argument).replaceAll('"', '""')}"`;
}

const UNITS: Record<PeriodUnit, string> = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" };

const duckdb: Dialect = {
  quote: doubleQuoted,
  param: () => "?",
  isNaN: (c) => `isnan(CAST(${c} AS DOUBLE))`,
  localDate: (c, zone) => `CAST(timezone(${zone}, CAST(${c} AS TIMESTAMPTZ)) AS DATE)`,
  periodStart: (d, every) => (every === "day" ? d : `CAST(date_trunc('${UNITS[every]}', ${d}) AS DATE)`),
  text: (d) => `strftime(${d}, '%Y-%m-%d')`,
};

const postgres: Dialect = {
  quote: doubleQuoted,
  param: (i) => `$${i}`,
  isNaN: (c) => `CAST(${c} AS DOUBLE PRECISION) = CAST('NaN' AS DOUBLE PRECISION)`,
  localDate: (c, zone) => `CAST((${c} AT TIME ZONE ${zone}) AS DATE)`,
  periodStart: (d, every) => (every === "day" ? d : `CAST(date_trunc('${UNITS[every]}', CAST(${d} AS TIMESTAMP)) AS DATE)`),
  text: (d) => `to_char(${d}, 'YYYY-MM-DD')`,
};

const BIGQUERY_UNITS: Record<PeriodUnit, string> = { day: "DAY", week: "ISOWEEK", month: "MONTH", quarter: "QUARTER", year: "YEAR" };

const bigquery: Dialect = {
  // BigQuery's quoted identifiers are in backticks, which (with backslashes) cannot be escaped in them.
  quote(name, argument) {
    const text = checkName(name, argument);
    if (/[`\\]/.test(text)) throw new MetricsInputError("OUT_OF_RANGE", argument, text, "a BigQuery name without backticks or backslashes");
    return `\`${text}\``;
  },
  param: () => "?",
  isNaN: (c) => `IS_NAN(CAST(${c} AS FLOAT64))`,
  localDate: (c, zone) => `DATE(${c}, ${zone})`,
  periodStart: (d, every) => (every === "day" ? d : `DATE_TRUNC(${d}, ${BIGQUERY_UNITS[every]})`),
  text: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
};

const snowflake: Dialect = {
  quote: doubleQuoted,
  param: () => "?",
  isNaN: (c) => `CAST(${c} AS DOUBLE) = CAST('NaN' AS DOUBLE)`,
  localDate: (c, zone) => `CAST(CONVERT_TIMEZONE(${zone}, ${c}) AS DATE)`,
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
  param: () => "?",
  isNaN: () => undefined,
  localDate: (c, zone) => `CAST(${c} AT TIME ZONE ${zone} AS DATE)`,
  // Standard SQL has no date truncation: group by day and let the report roll days into periods.
  periodStart: (d, every) => (every === "day" ? d : undefined),
  text: (d) => `CAST(${d} AS VARCHAR(10))`,
};

export const DIALECTS: Record<SqlDialect, Dialect> = { duckdb, postgres, bigquery, snowflake, ansi };
