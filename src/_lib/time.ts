// Times of records and the calendar periods they fall in, independent of the machine's time
// zone: instants are read in UTC or in the IANA zone given, dates and wall-clock strings as
// written. Internal.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";

import type { PeriodUnit, TimeUnit } from "../segments/trend.ts";

const DAY = 86_400_000;
/** 0000-01-01T00:00Z and 10000-01-01T00:00Z in milliseconds. */
const FIRST_MS = -62_167_219_200_000;
const END_MS = 253_402_300_800_000;
/** 1973-01-01T00:00Z in milliseconds: a smaller "millisecond" time is almost surely seconds. */
const EARLIEST_MS = 94_694_400_000;
/** 9999-12-31 in seconds: a larger "second" time is almost surely milliseconds. */
const LATEST_S = 253_402_214_400;

/** A validated time zone: "UTC" or an IANA name the runtime's Intl knows. */
export function timeZoneOption(value: unknown): string {
  if (value === undefined || value === "UTC") return "UTC";
  if (typeof value === "string") {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // fall through to the error below
    }
  }
  throw new MetricsTypeError("INVALID_OPTION", "options.timeZone", value, 'an IANA time zone name such as "Europe/Berlin" or "UTC"');
}

/** Reads record times in the zone's calendar. */
export interface TimeReader {
  /**
   * The local wall-clock time in milliseconds (as if the zone's clock were UTC: the local day is
   * ⌊ms / 86,400,000⌋), or a string saying why the value is not a valid time.
   */
  localMsOf(value: unknown): number | string;
  /** The local day number (days since 1970-01-01 in the zone's calendar), or why not. */
  dayOf(value: unknown): number | string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether y-m-d is a real calendar date (m 1-12, d within the month). */
function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 of a calendar date. */
function dayNumber(y: number, m: number, d: number): number {
  const ms = new Date(0).setUTCFullYear(y, m - 1, d);
  return Math.round(ms / DAY);
}

/** A reader for the given zone and unit. */
export function timeReader(timeZone: string, timeUnit: TimeUnit): TimeReader {
  const localOf = instantReader(timeZone);
  // Instants must fall in years 0000-9999 (what an ISO date can write, and what Intl formats).
  const fromInstant = (ms: number): number | string =>
    Number.isNaN(ms)
      ? "a valid Date (this one is Invalid Date)"
      : ms >= FIRST_MS && ms < END_MS
        ? localOf(ms)
        : "a time in the years 0000 to 9999";
  const localMsOf = (value: unknown): number | string => {
    if (value instanceof Date) return fromInstant(value.getTime());
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return "a finite number";
      if (timeUnit === "s") {
        return Math.abs(value) > LATEST_S
          ? 'seconds before 9999 (this looks like milliseconds: leave timeUnit at "ms")'
          : fromInstant(value * 1000);
      }
      return value < EARLIEST_MS ? 'epoch milliseconds after 1973 (this looks like seconds: pass timeUnit: "s")' : fromInstant(value);
    }
    if (typeof value !== "string") return "a Date, epoch milliseconds or an ISO 8601 date string";
    const m = ISO.exec(value.trim());
    if (m === null) return 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"';
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) return `a real calendar date (${m[1]}-${m[2]} has no day ${m[3]})`;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return "a valid time of day";
    if (m[8] === undefined) {
      // A date, or a wall-clock time in the zone: taken as written.
      const clock =
        m[4] === undefined
          ? 0
          : Number(m[4]) * 3_600_000 + Number(m[5]) * 60_000 + Number(m[6] ?? 0) * 1000 + Math.floor(Number(`0${m[7] ?? ""}`) * 1000);
      return dayNumber(y, mo, d) * DAY + clock;
    }
    const ms = Date.parse(value.trim().replace(" ", "T"));
    return fromInstant(ms);
  };
  return {
    localMsOf,
    dayOf(value) {
      const local = localMsOf(value);
      return typeof local === "number" ? Math.floor(local / DAY) : local;
    },
  };
}

/**
 * Local wall-clock milliseconds of an instant in the zone: UTC directly, other zones through
 * Intl, the zone's offset cached per minute.
 */
function instantReader(timeZone: string): (ms: number) => number {
  if (timeZone === "UTC") return (ms) => ms;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
    era: "short",
  });
  const offsets = new Map<number, number>();
  return (ms) => {
    const minute = Math.floor(ms / 60_000);
    let offset = offsets.get(minute);
    if (offset === undefined) {
      const parts: Record<string, string> = {};
      for (const p of format.formatToParts(minute * 60_000)) parts[p.type] = p.value;
      const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
      const local =
        dayNumber(year, Number(parts.month), Number(parts.day)) * DAY +
        Number(parts.hour) * 3_600_000 +
        Number(parts.minute) * 60_000 +
        Number(parts.second) * 1000;
      offset = local - minute * 60_000;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(minute, offset);
    }
    return ms + offset;
  };
}

/** A calendar period: its ordinal (consecutive periods differ by 1), label and first day. */
export interface PeriodOf {
  readonly index: number;
  readonly label: string;
  readonly start: string;
}

function pad(n: number, width = 2): string {
  return n < 0 ? `-${String(-n).padStart(width, "0")}` : String(n).padStart(width, "0");
}

function isoDay(day: number): string {
  const d = new Date(day * DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The ordinal of the period holding a day. Weeks are ISO weeks from Monday (day 0 was a Thursday). */
export function periodIndex(day: number, every: PeriodUnit): number {
  if (every === "day") return day;
  if (every === "week") return Math.floor((day + 3) / 7);
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (every === "month") return y * 12 + m;
  if (every === "quarter") return y * 4 + Math.floor(m / 3);
  return y;
}

/** The period with a given ordinal. */
export function periodAt(index: number, every: PeriodUnit): PeriodOf {
  if (every === "day") {
    const s = isoDay(index);
    return { index, label: s, start: s };
  }
  if (every === "week") {
    const monday = index * 7 - 3;
    const thursday = new Date((monday + 3) * DAY);
    const weekYear = thursday.getUTCFullYear();
    const week = Math.floor((monday + 3 - dayNumber(weekYear, 1, 1)) / 7) + 1;
    return { index, label: `${pad(weekYear, 4)}-W${pad(week)}`, start: isoDay(monday) };
  }
  if (every === "month") {
    const y = Math.floor(index / 12);
    const m = index - 12 * y;
    return { index, label: `${pad(y, 4)}-${pad(m + 1)}`, start: isoDay(dayNumber(y, m + 1, 1)) };
  }
  if (every === "quarter") {
    const y = Math.floor(index / 4);
    const q = index - 4 * y;
    return { index, label: `${pad(y, 4)}-Q${q + 1}`, start: isoDay(dayNumber(y, 3 * q + 1, 1)) };
  }
  return { index, label: pad(index, 4), start: isoDay(dayNumber(index, 1, 1)) };
}

/** At most this many periods between the first and the last record. */
export const MAX_PERIODS = 100_000;

/** Throws when the records span more periods than a report should list (a mistyped year). */
export function assertSpan(first: number, last: number, every: PeriodUnit): void {
  if (last - first + 1 > MAX_PERIODS) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "records time",
      `${periodAt(first, every).label} to ${periodAt(last, every).label}`,
      `a span of at most ${MAX_PERIODS} ${every} periods (check for a mistyped year, or use a longer options.every)`,
    );
  }
}
