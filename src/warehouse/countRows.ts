// Counts a database returned (the rows of countsQuery's SQL) read into the groups a report is
// assembled from: the same per-group tallies the records would have given. Internal.

import { bigintCell } from "../_lib/core/math.ts";
import { assertArrayLike } from "../_lib/core/validate.ts";
import { isMissingCell, readId } from "../_lib/read/cells.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import {
  type Counter,
  clusterRow,
  clusterSumsOf,
  emptyCounts,
  emptySkipped,
  type Grouped,
  type GroupState,
  type KeyReader,
  MISSING_KEY_REMEDY,
  NO_KEY,
  type Plan,
  type ReadRules,
} from "../segments/engine.ts";

/** The column holding the number of records of a group. */
export const N_COLUMN = "n";

/** The column of a trend's rows holding the period they are by. */
export const EVERY_COLUMN = "every";

/** The column of a metric's count at one scale point: `nps_9`, and `ces_minus3` below zero. */
export function scoreColumn(metric: string, score: number): string {
  return `${metric}_${score < 0 ? `minus${-score}` : score}`;
}

/** The columns of a metric's missing and out-of-scale counts. */
export function skipColumns(metric: string): { missing: string; invalid: string } {
  return { missing: `${metric}_missing`, invalid: `${metric}_invalid` };
}

/** A count as a driver returns it (a number, a BigInt, or a string of digits), as a number. */
function readCount(value: unknown, argument: string): number {
  const n = typeof value === "bigint" ? bigintCell(value) : typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n === "number" && Number.isSafeInteger(n) && n >= 0) return n;
  const Kind = typeof value === "number" || typeof value === "bigint" || typeof value === "string" ? MetricsInputError : MetricsTypeError;
  throw new Kind(
    Kind === MetricsInputError ? "OUT_OF_RANGE" : "INVALID_TYPE",
    argument,
    value,
    "a count: a whole number >= 0 (a number, a BigInt or a string of digits, as database drivers return counts)",
  );
}

function addSkipped(c: Counter, kind: "missing" | "invalid", count: number): void {
  c[kind] += count;
}

/** What the rows are read as, for messages: the key's column and label. */
export interface RowKeyNames {
  readonly column: string | undefined;
  readonly label: string;
}

/**
 * Rows of counts per group into the groups of a report. Each row holds its group's key columns,
 * `n`, and per metric a count per scale point with the missing and out-of-scale counts; rows with
 * the same key add up (daily partitions, shards). Rows are checked: counts are whole numbers and
 * add up to `n` for every metric. Missing and invalid keys and values are skipped and counted,
 * or throw, by the same rules as records; skipped counts have no first row (`firstMissing` null).
 */
export function groupRows(
  rows: unknown,
  keys: KeyReader,
  key: RowKeyNames,
  plans: readonly Plan[],
  rules: ReadRules,
  checkRow?: (row: Record<string, unknown>, i: number) => void,
): Grouped {
  const list = assertArrayLike(rows, "rows");
  if (list.length === 0) throw new MetricsInputError("EMPTY_INPUT", "rows", rows, "at least one row of counts");
  for (const plan of plans) {
    if (plan.weight !== undefined) {
      throw new MetricsTypeError(
        "INVALID_OPTION",
        `options.metrics.${plan.name}.weight`,
        plan.weightField ?? "an accessor",
        "left out: counts from a database are unweighted (report weighted data from its records)",
      );
    }
    if (plan.cluster !== undefined && plan.clusterField === undefined) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `options.metrics.${plan.name}.cluster`,
        "an accessor",
        "the account column the query grouped by (counts have no records to call an accessor on)",
      );
    }
  }
  const groups = new Map<unknown, GroupState>();
  const skipped = emptySkipped(plans);
  const columns = plans.map((plan) => {
    const scores: string[] = [];
    for (let s = plan.min; s <= plan.max; s++) scores.push(scoreColumn(plan.name, s));
    return { scores, ...skipColumns(plan.name) };
  });
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (typeof row !== "object" || row === null)
      throw new MetricsTypeError("INVALID_TYPE", `rows[${i}]`, row, "an object: one row of counts");
    const r = row as Record<string, unknown>;
    if (!(N_COLUMN in r)) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `rows[${i}]`,
        row,
        `a row with a column "${N_COLUMN}", as countsQuery's SQL returns (its columns are ${Object.keys(r).join(", ")})`,
      );
    }
    checkRow?.(r, i);
    const n = readCount(r[N_COLUMN], `rows[${i}].${N_COLUMN}`);
    const counts = plans.map((plan, j) => {
      const c = columns[j]!;
      const values = c.scores.map((name) => readCount(r[name], `rows[${i}].${name}`));
      const missing = readCount(r[c.missing], `rows[${i}].${c.missing}`);
      const invalid = readCount(r[c.invalid], `rows[${i}].${c.invalid}`);
      const valid = values.reduce((a, b) => a + b, 0);
      if (valid + missing + invalid !== n) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `rows[${i}]`,
          row,
          `counts of ${plan.name} that add up to n (${n}): ${valid} on the scale, ${missing} missing and ${invalid} invalid make ${valid + missing + invalid}`,
        );
      }
      return { values, missing, invalid };
    });
    if (n === 0) continue;
    let mapKey = keys.read(r, i);
    if (mapKey !== NO_KEY && keys.check !== undefined && !groups.has(mapKey) && !keys.check(mapKey)) mapKey = NO_KEY;
    if (mapKey === NO_KEY) {
      const { kind, value, expected } = keys.problem;
      if (kind === "missing" ? rules.keys.skipMissing : rules.skipInvalid) {
        addSkipped(skipped.records, kind, n);
        continue;
      }
      // A trend by segment reads two keys: the problem names the one it is about.
      const which = keys.problem.key;
      const column = which === undefined ? key.column : which.field;
      const label = which === undefined ? key.label : which.label;
      const name = column === undefined ? `rows[${i}] ${label}` : `rows[${i}].${column}`;
      const hint = kind === "missing" ? `, not missing (${MISSING_KEY_REMEDY})` : ' (or pass onInvalid: "skip")';
      const Kind = kind === "missing" ? MetricsInputError : MetricsTypeError;
      throw new Kind(kind === "missing" ? "MISSING_VALUE" : "INVALID_TYPE", name, value, `${expected}${hint}`);
    }
    let state = groups.get(mapKey);
    if (state === undefined) {
      state = { key: keys.shown(mapKey), n: 0, counts: plans.map(emptyCounts), clusters: plans.map(clusterSumsOf) };
      groups.set(mapKey, state);
    }
    state.n += n;
    plans.forEach((plan, j) => {
      const { values, missing, invalid } = counts[j]!;
      const c = columns[j]!;
      if (missing > 0 && !rules.cells.skipMissing) {
        throw new MetricsInputError(
          "MISSING_VALUE",
          `rows[${i}].${c.missing}`,
          missing,
          `0: the ${plan.field ?? plan.name} values of this group include missing ones (pass missing: "skip" to skip them)`,
        );
      }
      if (invalid > 0 && !rules.skipInvalid) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `rows[${i}].${c.invalid}`,
          invalid,
          `0: the ${plan.field ?? plan.name} values of this group include ones off the scale ${plan.min} to ${plan.max} (pass onInvalid: "skip" to skip them)`,
        );
      }
      const into = state.counts[j]!;
      if (plan.cluster !== undefined) {
        // A row per account: its counts are the account's sums of weights 1 (Σw = Σw² = count).
        const raw = r[plan.clusterField!];
        const id = isMissingCell(raw, rules.keys) ? undefined : readId(raw);
        const valid = values.reduce((a, b) => a + b, 0);
        if (id === undefined) {
          if (valid > 0 && !rules.cells.skipMissing) {
            throw new MetricsInputError(
              "MISSING_VALUE",
              `rows[${i}].${plan.clusterField}`,
              raw,
              'an account id for the responses of this row (pass missing: "skip" to skip them)',
            );
          }
          addSkipped(skipped[plan.name]!, "missing", missing + valid);
          addSkipped(skipped[plan.name]!, "invalid", invalid);
          return;
        }
        const size = values.length;
        const sums = clusterRow(state.clusters![j]!, id, size);
        for (let k = 0; k < size; k++) {
          into[k]! += values[k]!;
          into[size + k]! += values[k]!;
          into[2 * size + k]! += values[k]!;
          sums[k]! += values[k]!;
        }
        addSkipped(skipped[plan.name]!, "missing", missing);
        addSkipped(skipped[plan.name]!, "invalid", invalid);
        return;
      }
      addSkipped(skipped[plan.name]!, "missing", missing);
      addSkipped(skipped[plan.name]!, "invalid", invalid);
      for (let k = 0; k < values.length; k++) into[k]! += values[k]!;
    });
  }
  if (groups.size === 0) {
    throw new MetricsInputError(
      "EMPTY_INPUT",
      "rows",
      rows,
      `a row with records and a valid ${key.label}: every row's records were skipped`,
    );
  }
  plans.forEach((plan, j) => {
    let total = 0;
    for (const g of groups.values()) for (const c of g.counts[j]!) total += c;
    if (total === 0) {
      throw new MetricsInputError(
        "EMPTY_INPUT",
        `options.metrics.${plan.name}`,
        plan.field ?? "an accessor",
        "a column with at least one valid value: every value was skipped",
      );
    }
  });
  return { groups, skipped };
}
