// The engine under mrrMovements and cohortRetention: billing changes ({ customer, time, mrr })
// read into each customer's MRR at the end of each period, and the transitions between
// consecutive period ends. One pass over changes that are in time order per customer, with state
// per customer (not per row); changes out of order are sorted first. Internal.

import { readCell, readId, STRICT_CELLS } from "../_lib/read/cells.ts";
import { periodIndex, type TimeReader } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { toGetter } from "../segments/engine.ts";
import type { PeriodUnit } from "../types.ts";

/** What a customer's MRR did between two period ends. */
export type TransitionKind = "new" | "expansion" | "contraction" | "churned" | "reactivation";

/** One customer's state while reading. */
export interface CustomerState {
  /** MRR in effect after the latest change read. */
  value: number;
  /** Period of the latest change (its value is the one at that period's end so far). */
  period: number;
  /** MRR at the end of the last period finalised. */
  lastEnd: number;
  /** Period of the first end above 0 (the cohort), or NaN while none. */
  cohort: number;
  /** Local time of the latest change, for order and duplicate checks. */
  time: number;
  /** Row of the latest change, for messages. */
  row: number;
}

/** Called for every change of a customer's period-end MRR, in time order per customer. */
export type OnTransition = (customer: CustomerState, period: number, from: number, to: number) => void;

/** How rows are read. */
export interface ChangeReader {
  readonly customer: (row: unknown, i: number) => unknown;
  readonly time: (row: unknown, i: number) => unknown;
  readonly mrr: (row: unknown, i: number) => unknown;
  readonly every: PeriodUnit;
  readonly reader: TimeReader;
  readonly lastWins: boolean;
  readonly skipInvalid: boolean;
}

/** Rows skipped with `onInvalid: "skip"`, by reason (mutable while reading). */
export type ChangeSkips = { -readonly [K in keyof MovementSkips]: MovementSkips[K] };

/** What a pass over the changes found. */
export interface ChangeSummary {
  readonly first: number;
  readonly last: number;
  readonly customers: Map<unknown, CustomerState>;
  readonly skipped: ChangeSkips;
}

/** Validated accessors of the row fields. */
export function changeAccessors(o: { customer?: unknown; time?: unknown; mrr?: unknown }) {
  return {
    customer: toGetter(o.customer ?? "customer", "options.customer"),
    time: toGetter(o.time ?? "time", "options.time"),
    mrr: toGetter(o.mrr ?? "mrr", "options.mrr"),
  };
}

/** The transition from one period-end MRR to the next, or undefined when nothing changed. */
export function transitionKind(from: number, to: number, seenAbove0: boolean): TransitionKind | undefined {
  if (from === to) return undefined;
  if (from === 0) return seenAbove0 ? "reactivation" : "new";
  if (to === 0) return "churned";
  return to > from ? "expansion" : "contraction";
}

/** Finalise a customer's latest period: report its transition and move on. */
function finalise(c: CustomerState, onTransition: OnTransition): void {
  if (c.value === c.lastEnd) return;
  onTransition(c, c.period, c.lastEnd, c.value);
  if (c.value > 0 && Number.isNaN(c.cohort)) c.cohort = c.period;
  c.lastEnd = c.value;
}

/** One row read, or null when it was skipped. */
interface Change {
  readonly customer: string | number;
  readonly time: number;
  readonly mrr: number;
}

function readChange(row: unknown, i: number, r: ChangeReader, skipped: ChangeSkips): Change | null {
  if (typeof row !== "object" || row === null)
    throw new MetricsTypeError("INVALID_TYPE", `changes[${i}]`, row, "an object { customer, time, mrr }");
  const rawId = r.customer(row, i);
  const id = readId(rawId);
  if (id === undefined) {
    if (r.skipInvalid) return skip(skipped, "customer");
    throw new MetricsTypeError(
      "INVALID_TYPE",
      `changes[${i}] customer`,
      rawId,
      'a customer id: a non-blank string or a finite number (or pass onInvalid: "skip")',
    );
  }
  const time = r.reader.localMsOf(r.time(row, i));
  if (typeof time === "string") {
    if (r.skipInvalid) return skip(skipped, "time");
    throw new MetricsInputError("OUT_OF_RANGE", `changes[${i}] time`, r.time(row, i), `${time} (or pass onInvalid: "skip")`);
  }
  const raw = r.mrr(row, i);
  const mrr = readCell(raw, STRICT_CELLS.markers);
  if (typeof mrr !== "number" || !Number.isFinite(mrr) || mrr < 0) {
    if (r.skipInvalid) return skip(skipped, "mrr");
    const expected = 'a finite MRR >= 0 (0 when cancelled; a blank is not 0) (or pass onInvalid: "skip")';
    if (typeof mrr === "number")
      throw new MetricsInputError(Number.isFinite(mrr) ? "OUT_OF_RANGE" : "NOT_FINITE", `changes[${i}] mrr`, raw, expected);
    throw new MetricsTypeError(mrr === undefined ? "MISSING_VALUE" : "INVALID_TYPE", `changes[${i}] mrr`, raw, expected);
  }
  return { customer: id, time, mrr };
}

function skip(skipped: ChangeSkips, reason: keyof ChangeSkips): null {
  skipped[reason]++;
  return null;
}

/** Marks that a customer's changes came out of time order: the caller sorts and reads again. */
const OUT_OF_ORDER = Symbol("out of order");

/**
 * Reads `rows` (each customer's changes in time order) and reports every period-end transition.
 * Returns OUT_OF_ORDER when a customer's change is earlier than one already read.
 */
function pass(
  rows: Iterable<unknown> | ArrayLike<unknown>,
  order: ArrayLike<number> | null,
  r: ChangeReader,
  onTransition: OnTransition,
): ChangeSummary | typeof OUT_OF_ORDER {
  const customers = new Map<unknown, CustomerState>();
  const skipped: ChangeSkips = { customer: 0, time: 0, mrr: 0 };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const visit = (row: unknown, i: number): typeof OUT_OF_ORDER | undefined => {
    const change = readChange(row, i, r, skipped);
    if (change === null) return undefined;
    const period = periodIndex(Math.floor(change.time / 86_400_000), r.every);
    if (period < first) first = period;
    if (period > last) last = period;
    let c = customers.get(change.customer);
    if (c === undefined) {
      c = { value: 0, period, lastEnd: 0, cohort: Number.NaN, time: change.time, row: i };
      customers.set(change.customer, c);
    } else if (change.time < c.time) {
      return OUT_OF_ORDER;
    } else if (change.time === c.time && !r.lastWins) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `changes[${i}]`,
        row,
        `one change per customer and instant: changes[${c.row}] is the same customer at the same time (pass duplicates: "last" to keep the later row)`,
      );
    }
    if (period !== c.period) {
      finalise(c, onTransition);
      c.period = period;
    }
    c.value = change.mrr;
    c.time = change.time;
    c.row = i;
    return undefined;
  };
  if (order !== null) {
    const list = rows as ArrayLike<unknown>;
    for (let k = 0; k < order.length; k++) if (visit(list[order[k]!], order[k]!) === OUT_OF_ORDER) return OUT_OF_ORDER;
  } else if (typeof (rows as ArrayLike<unknown>).length === "number") {
    const list = rows as ArrayLike<unknown>;
    for (let i = 0; i < list.length; i++) if (visit(list[i], i) === OUT_OF_ORDER) return OUT_OF_ORDER;
  } else {
    let i = 0;
    for (const row of rows as Iterable<unknown>) if (visit(row, i++) === OUT_OF_ORDER) return OUT_OF_ORDER;
  }
  for (const c of customers.values()) finalise(c, onTransition);
  return { first, last, customers, skipped };
}

/**
 * Every period-end transition of every customer. Changes in time order per customer are read in
 * one pass, with state per customer (an iterable is never copied); an array out of order is sorted
 * by time (stable: rows of the same instant keep their order) and read again; an iterable out of
 * order is an error, since it cannot be read twice.
 */
export function readChanges(changes: unknown, r: ChangeReader, onTransition: () => OnTransition): ChangeSummary {
  const isList = typeof changes === "object" && changes !== null && typeof (changes as ArrayLike<unknown>).length === "number";
  if (!isList && !(typeof changes === "object" && changes !== null && Symbol.iterator in changes)) {
    throw new MetricsTypeError("INVALID_TYPE", "changes", changes, "an array (or iterable) of { customer, time, mrr } rows");
  }
  const once = pass(changes as Iterable<unknown> | ArrayLike<unknown>, null, r, onTransition());
  if (once !== OUT_OF_ORDER) {
    if (once.customers.size === 0 && once.skipped.customer + once.skipped.time + once.skipped.mrr === 0) {
      throw new MetricsInputError("EMPTY_INPUT", "changes", changes, "at least one change");
    }
    return once;
  }
  if (!isList) {
    // A stream cannot be read twice: its changes must come in time order per customer.
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "changes",
      "an iterable",
      "in time order for each customer when given as an iterable (sort it, or pass an array, which is sorted for you)",
    );
  }
  const rows = changes as ArrayLike<unknown>;
  const times = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const t = r.reader.localMsOf(r.time(rows[i], i));
    times[i] = typeof t === "number" ? t : Number.NEGATIVE_INFINITY; // invalid rows are reported in the pass
  }
  const order = Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  const sorted = pass(rows, order, r, onTransition());
  if (sorted === OUT_OF_ORDER) throw new Error("unreachable: sorted changes out of order");
  return sorted;
}

/**
 * Rows skipped with `onInvalid: "skip"`, by the field at fault.
 *
 * @category Subscriptions
 */
export interface MovementSkips {
  /** Rows whose customer id was null, blank or not a string or finite number. */
  readonly customer: number;
  /** Rows whose time was not a valid time. */
  readonly time: number;
  /** Rows whose MRR was missing, negative, non-finite or not a number. */
  readonly mrr: number;
}
