import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { planMetrics } from "../segments/engine.ts";
import { METRICS } from "../segments/registry.ts";
import type { MetricName, MetricsSpec } from "../segments/spec.ts";
import { PERIOD_UNITS, type PeriodUnit } from "../types.ts";
import { EVERY_COLUMN, N_COLUMN, scoreColumn, skipColumns } from "./countRows.ts";
import { DIALECTS, type Dialect, SQL_DIALECTS, type SqlDialect } from "./dialects.ts";

/**
 * Options of {@link countsQuery}: where the responses are, how to group them, which metrics to
 * count, and the SQL dialect to write. Give `by` for the counts of {@link segmentReportFromCounts},
 * or `time` and `every` for those of {@link trendFromCounts}.
 *
 * @category Warehouse
 */
export interface CountsQueryOptions<M extends MetricName = MetricName> {
  /** The table (or view) of responses: its name, or its qualified name as parts (`["analytics", "responses"]`). */
  table: string | readonly string[];
  /** The SQL dialect. */
  dialect: SqlDialect;
  /** The segment column, or columns for nested segments; with `time` and `every`, a trend per segment. */
  by?: string | readonly string[];
  /** The column of each response's time, an instant (`TIMESTAMPTZ`, BigQuery `TIMESTAMP`, Snowflake `TIMESTAMP_TZ`). */
  time?: string;
  /** The period of a trend. */
  every?: PeriodUnit;
  /** The calendar the periods follow. Default `"UTC"`. */
  timeZone?: string;
  /** Which metrics to count, each from which column, with its scale options, as for `segmentReport` (column names only). */
  metrics: MetricsSpec<Record<string, unknown>, M>;
}

/**
 * A SQL statement with its parameters: run `sql` with `params` bound in order (`$1` in
 * PostgreSQL, `?` in the others).
 *
 * @category Warehouse
 */
export interface CountsQuery {
  /** One SQL statement (no trailing semicolon). */
  readonly sql: string;
  /** The values of its placeholders, in order: the time zone of a trend; none for segments. */
  readonly params: readonly string[];
}

const QUERY_OPTIONS = ["table", "dialect", "by", "time", "every", "timeZone", "metrics"] as const;

/**
 * One SQL statement that counts the responses where they are: run in the user's own database, it
 * returns a few rows per segment (or per period) of counts, which {@link segmentReportFromCounts}
 * or {@link trendFromCounts} turn into exactly the report `segmentReport` or `trend` gives on the
 * same records in memory. A billion-row table becomes one GROUP BY, and only counts travel.
 *
 * A metric spec with `cluster` (a column) adds that account column to the grouping: one row per
 * group and account, which is all a clustered standard error needs (every response weighs 1 in
 * the warehouse), so the reports from these rows are clustered exactly as in memory.
 *
 * Each row holds the group's key columns (named as in the table; for a trend the time column
 * holds the period's first day as text `YYYY-MM-DD`, and `every` the period the rows are by),
 * `n` (records in the group), and per metric
 * the count at each scale point (`nps_0` … `nps_10`; `ces_minus3` below zero), the missing values
 * (`nps_missing`: NULL, or NaN where the dialect has it) and those off the scale (`nps_invalid`).
 * Metric columns must be numeric: DuckDB and PostgreSQL refuse a text or boolean one when they
 * bind the query. The rows are counted in two steps, a plain GROUP BY of the keys and values and
 * then the few rows it gives summed per scale point, so the query costs about what the
 * database's own GROUP BY costs.
 *
 * Safety: every table and column name is a quoted identifier of the dialect (a double quote
 * doubled; BigQuery names in backticks, and names with backticks or backslashes rejected there),
 * names with control characters or lone surrogates are rejected, and no value from the caller is
 * written into the SQL: the time zone is a bound parameter, and the only literals are the scale's
 * whole numbers and the library's own format strings. For DuckDB, a table name it could read as a
 * file (a replacement scan: dots, slashes, globs, a file extension) is refused; for PostgreSQL, a
 * name past 63 bytes. Names are used exactly as stored (case-sensitive: an unquoted Snowflake
 * table `responses` is stored as `RESPONSES`).
 *
 * Times: an instant column (`TIMESTAMPTZ`) is read as its instant and a naive one (`TIMESTAMP`)
 * as UTC, through epoch time, so no answer depends on the session's time zone.
 *
 * Periods: `every` and `timeZone` become the dialect's date truncation of the local date of each
 * instant (ISO weeks from Monday everywhere). `"ansi"` has no date truncation, so its rows are
 * days, which `trendFromCounts` rolls up into the periods.
 *
 * @param options - `{ table, dialect, metrics, by }`, `{ table, dialect, metrics, time, every, timeZone? }`,
 *   or both (a trend per segment: `by` with `time` and `every`).
 * @returns `{ sql, params }`.
 * @throws {@link MetricsTypeError} for an unknown option or dialect, a name that is not a string, a
 *   metric read by an accessor function (SQL needs a column), or both or neither of `by` and `time`.
 * @throws {@link MetricsInputError} for an empty name, one with control characters or a lone
 *   surrogate, a BigQuery name with a backtick, a DuckDB table name that could be a file, a
 *   PostgreSQL name past 63 bytes, a table of no or more than three parts, or a column named like
 *   a count column (`n`, `nps_9`, `cx_n`).
 * @example
 * ```ts
 * import { countsQuery } from "cxmetrics";
 * const { sql, params } = countsQuery({
 *   table: "responses",
 *   dialect: "postgres",
 *   by: "region",
 *   metrics: { nps: "ltr" },
 * });
 * sql.split("\n").slice(0, 4).join("\n");
 * // SELECT
 * //   "region",
 * //   SUM("cx_n") AS "n",
 * //   SUM(CASE WHEN "ltr" = 0 THEN "cx_n" ELSE 0 END) AS "nps_0",
 * params; // []
 * ```
 *
 * @category Warehouse
 */
export function countsQuery<M extends MetricName>(options: CountsQueryOptions<M>): CountsQuery {
  if (typeof options !== "object" || options === null) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      "options",
      options,
      "an object { table, dialect, metrics, by } or { table, dialect, metrics, time, every }",
    );
  }
  const o = readOptions(options, "countsQuery", QUERY_OPTIONS);
  const dialect = DIALECTS[assertOneOf(o.dialect, "options.dialect", SQL_DIALECTS)];
  const table = tableName(dialect, o.table);
  const plans = planMetrics(o.metrics, METRICS);
  const columns = plans.map((plan) => {
    if (plan.field === undefined) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `options.metrics.${plan.name}`,
        "an accessor",
        "a column name: SQL counts columns, not functions",
      );
    }
    if (plan.weight !== undefined) {
      throw new MetricsTypeError(
        "INVALID_OPTION",
        `options.metrics.${plan.name}.weight`,
        plan.weightField,
        "left out: countsQuery counts unweighted responses",
      );
    }
    if (plan.cluster !== undefined && plan.clusterField === undefined) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `options.metrics.${plan.name}.cluster`,
        "an accessor",
        "a column name: SQL groups by columns, not functions",
      );
    }
    return { plan, column: dialect.quote(plan.field, `options.metrics.${plan.name}`) };
  });
  // Two steps: the rows counted per distinct key and values (one plain GROUP BY, as fast as the
  // database counts), then those few rows summed into the columns per scale point.
  const rowCount = dialect.quote(ROW_COUNT, ROW_COUNT);
  const counted = new Set<string>([N_COLUMN, ROW_COUNT]);
  const selects: string[] = [`SUM(${rowCount}) AS ${dialect.quote(N_COLUMN, "n")}`];
  for (const { plan, column } of columns) {
    if (plan.field === ROW_COUNT) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `options.metrics.${plan.name}`,
        plan.field,
        `a column not named ${ROW_COUNT} (the query's own count)`,
      );
    }
    const nan = dialect.isNaN(column);
    const missing = nan === undefined ? `${column} IS NULL` : `${column} IS NULL OR ${nan}`;
    const scores: number[] = [];
    for (let s = plan.min; s <= plan.max; s++) {
      scores.push(s);
      const name = scoreColumn(plan.name, s);
      counted.add(name);
      selects.push(`SUM(CASE WHEN ${column} = ${s} THEN ${rowCount} ELSE 0 END) AS ${dialect.quote(name, name)}`);
    }
    const skip = skipColumns(plan.name);
    counted.add(skip.missing).add(skip.invalid);
    selects.push(`SUM(CASE WHEN ${missing} THEN ${rowCount} ELSE 0 END) AS ${dialect.quote(skip.missing, skip.missing)}`);
    selects.push(
      `SUM(CASE WHEN ${missing} OR ${column} IN (${scores.join(", ")}) THEN 0 ELSE ${rowCount} END) AS ${dialect.quote(skip.invalid, skip.invalid)}`,
    );
  }
  const values = [...new Set(columns.map((c) => c.column))];
  if (o.by === undefined && o.time === undefined) {
    throw new MetricsTypeError(
      "INVALID_OPTION",
      "options",
      options,
      "by (segments), time and every (a trend), or all three (a trend per segment)",
    );
  }
  const keyName = (name: unknown, argument: string): string => {
    const quoted = dialect.quote(name, argument);
    if (counted.has(name as string)) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        argument,
        name,
        `a column not named like a count column of the result (${N_COLUMN}, nps_0, nps_missing, …)`,
      );
    }
    return quoted;
  };
  const list: unknown[] = o.by === undefined ? [] : Array.isArray(o.by) ? o.by : [o.by];
  if (o.by !== undefined && list.length === 0) throw new MetricsInputError("EMPTY_INPUT", "options.by", o.by, "at least one column");
  // The accounts of clustered metrics are grouped by too: one row per key and account, whose
  // counts are the account's sums (every response weighs 1 here).
  const clusterColumns = [
    ...new Set(
      columns.flatMap(({ plan }) =>
        plan.clusterField === undefined ? [] : [keyName(plan.clusterField, `options.metrics.${plan.name}.cluster`)],
      ),
    ),
  ];
  const keyList = [
    ...new Set([...list.map((b, i) => keyName(b, Array.isArray(o.by) ? `options.by[${i}]` : "options.by")), ...clusterColumns]),
  ];
  if (o.time === undefined) {
    if (o.every !== undefined || o.timeZone !== undefined) {
      throw new MetricsTypeError(
        "INVALID_OPTION",
        o.every !== undefined ? "options.every" : "options.timeZone",
        o.every ?? o.timeZone,
        "left out without time: only a trend has periods",
      );
    }
    const keys = keyList.join(", ");
    const grouped = [...new Set([...keyList, ...values])].join(", ");
    const inner = `SELECT ${grouped}, COUNT(*) AS ${rowCount}\n  FROM ${table}\n  GROUP BY ${grouped}`;
    return {
      sql: `SELECT\n  ${[keys, ...selects].join(",\n  ")}\nFROM (\n  ${inner}\n) AS ${dialect.quote("cx_counts", "cx_counts")}\nGROUP BY ${keys}`,
      params: [],
    };
  }
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS);
  const zone = timeZoneOption(o.timeZone);
  counted.add(EVERY_COLUMN);
  const time = keyName(o.time, "options.time");
  if (columns.some((c) => c.column === time)) {
    throw new MetricsInputError("OUT_OF_RANGE", "options.time", o.time, "a column that is not also a metric's");
  }
  if (keyList.includes(time)) {
    throw new MetricsInputError("OUT_OF_RANGE", "options.by", o.by, "segment and account columns other than options.time");
  }
  return { sql: trendSql(dialect, table, time, every, selects, values, keyList, rowCount), params: [zone] };
}

/** The name of the inner query's count of rows per distinct key and values. */
const ROW_COUNT = "cx_n";

/** The table option as the dialect's qualified name: one to three parts (catalog, schema, table). */
function tableName(dialect: Dialect, table: unknown): string {
  const parts: readonly unknown[] = Array.isArray(table) ? table : [table];
  if (parts.length < 1 || parts.length > 3) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "options.table",
      table,
      "a table name, or its parts: one to three (catalog, schema, table)",
    );
  }
  return dialect.table(parts, (i) => (Array.isArray(table) ? `options.table[${i}]` : "options.table"));
}

function trendSql(
  dialect: Dialect,
  table: string,
  time: string,
  every: PeriodUnit,
  selects: string[],
  values: readonly string[],
  keys: readonly string[],
  rowCount: string,
): string {
  // Innermost: each instant's local date (the zone bound once), counted per day, segment and
  // values; then the period's first day as text, and the days summed into periods per segment.
  const start = dialect.periodStart(time, every);
  const carried = [...new Set([...keys, ...values])].join(", ");
  const rows = `SELECT ${dialect.localDate(time, dialect.param(1))} AS ${time}, ${carried}\n      FROM ${table}`;
  const days = `SELECT ${time}, ${carried}, COUNT(*) AS ${rowCount}\n    FROM (\n      ${rows}\n    ) AS ${dialect.quote("cx_rows", "cx_rows")}\n    GROUP BY ${time}, ${carried}`;
  const periods = `SELECT ${dialect.text(start ?? time)} AS ${time}, ${carried}, ${rowCount}\n  FROM (\n    ${days}\n  ) AS ${dialect.quote("cx_days", "cx_days")}`;
  // The period the rows are by (a literal the library writes: "day" where the dialect leaves days),
  // so that a report by another period is an error, not weeks silently counted in one month.
  const unit = `'${start === undefined ? "day" : every}' AS ${dialect.quote(EVERY_COLUMN, EVERY_COLUMN)}`;
  const groupBy = [time, ...keys].join(", ");
  return `SELECT\n  ${[time, ...keys, unit, ...selects].join(",\n  ")}\nFROM (\n  ${periods}\n) AS ${dialect.quote("cx_periods", "cx_periods")}\nGROUP BY ${groupBy}`;
}
