// Times of records and the calendar periods they fall in, independent of the machine's time
// zone: instants are read in UTC or in the IANA zone given, dates and wall-clock strings as
// written. Internal.

import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import { type PeriodUnit, TIME_UNITS, type TimeUnit } from "../../types.ts";
import { assertOneOf } from "../core/validate.ts";
import { trimEnds } from "./cells.ts";

const DAY = 86_400_000;
/** 0000-01-01T00:00Z and 10000-01-01T00:00Z in milliseconds. */
const FIRST_MS = -62_167_219_200_000;
const END_MS = 253_402_300_800_000;
/** 1973-01-01T00:00Z in milliseconds: a smaller "millisecond" time is almost surely seconds. */
const EARLIEST_MS = 94_694_400_000;
/** 9999-12-31 in seconds: a larger "second" time is almost surely milliseconds. */
const LATEST_S = 253_402_214_400;

/** An offset written as a time zone: "+05:00", "-0800", "UTC+5", "GMT-03:30". */
const OFFSET_ZONE = /^(?:UTC|GMT|UT)?\s*([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * A validated time zone: "UTC" or an IANA name the runtime's Intl knows. An offset ("+05:00") is
 * refused on every runtime: Deno's and Bun's Intl accept it and Node 20's does not, and SQL
 * dialects read it with opposite signs (PostgreSQL takes a bound "+05:00" as POSIX, UTC−5).
 */
export function timeZoneOption(value: unknown): string {
  if (value === undefined || value === "UTC") return "UTC";
  const offset = typeof value === "string" ? OFFSET_ZONE.exec(value.trim()) : null;
  if (offset !== null) {
    const hours = Number(offset[2]);
    const east = offset[1] === "+";
    // IANA's fixed-offset zones are Etc/GMT-5 for UTC+05:00: POSIX signs, the other way round.
    const etc =
      (offset[3] ?? "00") !== "00" || hours > (east ? 14 : 12)
        ? ""
        : hours === 0
          ? ' ("UTC")'
          : ` ("Etc/GMT${east ? "-" : "+"}${hours}" is UTC${east ? "+" : "-"}${hours}: IANA writes the sign inverted)`;
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "options.timeZone",
      value,
      `an IANA time zone name such as "Asia/Karachi" or "UTC", not an offset: offsets are read differently by each runtime and database${etc}`,
    );
  }
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
  /**
   * The instant in epoch milliseconds, or why the value is not a valid time. A date or a
   * wall-clock time without an offset is read in the zone: a time the zone skips (a spring-forward
   * gap) is moved forward by the gap, and one it repeats (a fall-back overlap) is the earlier
   * instant, as Temporal's "compatible" disambiguation does.
   */
  instantOf(value: unknown): number | string;
}

/** The `timeUnit` option: `undefined` when not given (then digit strings are not read as epoch time). */
export function timeUnitOption(value: unknown): TimeUnit | undefined {
  return value === undefined ? undefined : assertOneOf(value, "options.timeUnit", TIME_UNITS);
}

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

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (no Date allocated): H.
 * Hinnant's days_from_civil, for years from 0 on.
 */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO_FORMAT = 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"';

const OFFSET_RANGE = "a valid UTC offset (hours 00-23, minutes 00-59)";

/** The offset of the last instant parseIso read, in minutes (NaN when it had none). */
const ISO_OFFSET = { minutes: Number.NaN };

/** Digits of s from i to j (exclusive) as a number, or −1 if any is not a digit. */
function digits(s: string, i: number, j: number): number {
  if (j > s.length) return -1;
  let n = 0;
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Reads YYYY-MM-DD, optionally followed by T (or a space) and HH:MM[:SS[.fraction]] and an
 * offset (Z or ±HH[:]MM), without a regular expression or any allocation. Returns the written
 * wall-clock time in milliseconds (leaving the offset in ISO_OFFSET), or why the text is not
 * one.
 */
function parseIso(s: string): number | string {
  const n = s.length;
  ISO_OFFSET.minutes = Number.NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (n < 10 || y < 0 || mo < 0 || d < 0 || s[4] !== "-" || s[7] !== "-") return ISO_FORMAT;
  if (!isRealDate(y, mo, d)) {
    return mo < 1 || mo > 12
      ? `a real calendar date (there is no month ${s.slice(5, 7)})`
      : `a real calendar date (${s.slice(0, 7)} has no day ${s.slice(8, 10)})`;
  }
  let clock = 0;
  if (n > 10) {
    if ((s[10] !== "T" && s[10] !== " ") || s[13] !== ":") return ISO_FORMAT;
    const h = digits(s, 11, 13);
    const mi = digits(s, 14, 16);
    let sec = 0;
    let frac = 0;
    let i = 16;
    if (s[i] === ":") {
      sec = digits(s, 17, 19);
      if (sec < 0) return ISO_FORMAT;
      i = 19;
      if (s[i] === ".") {
        let k = i + 1;
        while (k < n && k - i <= 9 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
        if (k === i + 1) return ISO_FORMAT;
        frac = Math.floor(Number(`0${s.slice(i, k)}`) * 1000);
        i = k;
      }
    }
    if (h < 0 || mi < 0) return ISO_FORMAT;
    if (i < n) {
      // Z, " UTC" (BigQuery's exports), or ±HH:MM, ±HHMM and ±HH (PostgreSQL writes +00, +01, +05:30).
      if ((s[i] === "Z" && i + 1 === n) || (n - i === 4 && s.endsWith(" UTC"))) ISO_OFFSET.minutes = 0;
      else if ((s[i] === "+" || s[i] === "-") && (n - i === 6 ? s[i + 3] === ":" : n - i === 5 || n - i === 3)) {
        const oh = digits(s, i + 1, i + 3);
        const om = n - i === 3 ? 0 : digits(s, n - 2, n);
        if (oh < 0 || om < 0) return ISO_FORMAT;
        // ISO 8601 and RFC 3339 offsets run to ±23:59; +24:00 or +05:60 is no offset.
        if (oh > 23 || om > 59) return OFFSET_RANGE;
        ISO_OFFSET.minutes = (s[i] === "-" ? -1 : 1) * (oh * 60 + om);
      } else return ISO_FORMAT;
    }
    if (h > 23 || mi > 59 || sec > 59) return "a valid time of day";
    clock = h * 3_600_000 + mi * 60_000 + sec * 1000 + frac;
  }
  return dayNumber(y, mo, d) * DAY + clock;
}

/** Whether the value read last by a time reader was a wall-clock time (no offset) rather than an instant. */
const WALL = { clock: false };

const EPOCH_DIGITS = /^[+-]?\d+$/;

/**
 * A reader for the given zone and unit. `timeUnit` undefined reads numbers as milliseconds and
 * refuses strings of digits; a named unit also reads them ("1741944600" with `"s"`), as CSV
 * exports write epoch times.
 */
export function timeReader(timeZone: string, timeUnit: TimeUnit | undefined): TimeReader {
  const localOf = instantReader(timeZone);
  // Instants must fall in years 0000-9999 (what an ISO date can write, and what Intl formats).
  const instant = (ms: number): number | string =>
    Number.isNaN(ms) ? "a valid Date (this one is Invalid Date)" : ms >= FIRST_MS && ms < END_MS ? ms : "a time in the years 0000 to 9999";
  const epoch = (value: number): number | string => {
    if (!Number.isFinite(value)) return "a finite number";
    if (timeUnit === "s") {
      return Math.abs(value) > LATEST_S
        ? 'seconds before 9999 (this looks like milliseconds: leave timeUnit at "ms")'
        : instant(value * 1000);
    }
    return value < EARLIEST_MS ? 'epoch milliseconds after 1973 (this looks like seconds: pass timeUnit: "s")' : instant(value);
  };
  /** An instant in epoch ms, or a wall-clock time in ms with WALL.clock set, or why not. */
  const read = (value: unknown): number | string => {
    WALL.clock = false;
    if (value instanceof Date) return instant(value.getTime());
    if (typeof value === "number") return epoch(value);
    // BigInts as drivers return BIGINT epoch times (DuckDB's epoch_ms): past 2^53 they are out of range anyway.
    if (typeof value === "bigint") return epoch(Number(value));
    if (typeof value !== "string") return "a Date, epoch milliseconds or an ISO 8601 date string";
    const text = trimEnds(value);
    const parsed = parseIso(text);
    if (typeof parsed === "string") {
      // Only text that is no ISO date is tried as epoch digits (no digit string is one: ISO dates
      // have their hyphens), so an ISO date pays no regular expression.
      if (!EPOCH_DIGITS.test(text)) return parsed;
      return timeUnit === undefined
        ? 'an ISO 8601 date, or epoch time with timeUnit naming its unit ("ms" or "s"): a string of digits is read as epoch time only then'
        : epoch(Number(text));
    }
    // A date, or a wall-clock time in the zone, is taken as written; an instant is converted.
    if (Number.isNaN(ISO_OFFSET.minutes)) {
      WALL.clock = true;
      return parsed;
    }
    return instant(parsed - ISO_OFFSET.minutes * 60_000);
  };
  const localMsOf = (value: unknown): number | string => {
    const t = read(value);
    return typeof t === "string" || WALL.clock ? t : localOf(t);
  };
  return {
    localMsOf,
    dayOf(value) {
      const local = localMsOf(value);
      return typeof local === "number" ? Math.floor(local / DAY) : local;
    },
    instantOf(value) {
      const t = read(value);
      return typeof t === "string" || !WALL.clock ? t : wallToInstant(t, localOf);
    },
  };
}

/**
 * The instant whose wall clock in a zone reads `local`: candidates from the offsets a day before
 * and a day after, kept when they read back as `local`. Both in an overlap: the earlier. Neither
 * (a gap): the offset from before the gap, which lands past it by the gap's length.
 */
function wallToInstant(local: number, localOf: (ms: number) => number): number {
  const before = local - (localOf(local - DAY) - (local - DAY));
  const after = local - (localOf(local + DAY) - (local + DAY));
  const beforeFits = localOf(before) === local;
  const afterFits = localOf(after) === local;
  if (beforeFits && afterFits) return Math.min(before, after);
  if (afterFits) return after;
  return before;
}

/**
 * Local wall-clock milliseconds of an instant in the zone: UTC directly, other zones through
 * Intl. The offset is cached per UTC day: Intl is asked at the day's first and last minute, and
 * where the two agree (every day but the few with a transition) the whole day has that offset;
 * a day with a transition is cached per minute. So Intl runs about twice per distinct day.
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
  /** The zone's offset at a whole minute, from Intl. */
  const offsetAt = (minuteMs: number): number => {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(minuteMs)) parts[p.type] = p.value;
    const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
    const local =
      dayNumber(year, Number(parts.month), Number(parts.day)) * DAY +
      Number(parts.hour) * 3_600_000 +
      Number(parts.minute) * 60_000 +
      Number(parts.second) * 1000;
    return local - minuteMs;
  };
  // Per UTC day: the day's one offset, or NaN where it has a transition (then per minute). Days
  // within 2^15 of the first one asked (about 90 years each way) sit in a typed array, the rest in
  // a Map; Infinity marks a day not yet asked.
  const WINDOW = 65_536;
  let base = Number.NaN;
  let table: Float64Array | undefined;
  const far = new Map<number, number>();
  const minutes = new Map<number, number>();
  const dayOffset = (day: number): number => {
    const first = offsetAt(day * DAY);
    return first === offsetAt(day * DAY + DAY - 60_000) ? first : Number.NaN;
  };
  return (ms) => {
    const day = Math.floor(ms / DAY);
    if (table === undefined) {
      base = day - WINDOW / 2;
      table = new Float64Array(WINDOW).fill(Number.POSITIVE_INFINITY);
    }
    const slot = day - base;
    let offset: number;
    if (slot >= 0 && slot < WINDOW) {
      offset = table[slot]!;
      if (offset === Number.POSITIVE_INFINITY) offset = table[slot] = dayOffset(day);
    } else {
      const known = far.get(day);
      offset = known ?? dayOffset(day);
      if (known === undefined) far.set(day, offset);
    }
    if (!Number.isNaN(offset)) return ms + offset;
    const minute = Math.floor(ms / 60_000);
    let exact = minutes.get(minute);
    if (exact === undefined) {
      exact = offsetAt(minute * 60_000);
      if (minutes.size > 100_000) minutes.clear();
      minutes.set(minute, exact);
    }
    return ms + exact;
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
  // H. Hinnant's civil_from_days: the year and month of a day number, by arithmetic.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 2 : mp - 10; // 0-based month
  const y = yoe + era * 400 + (m <= 1 ? 1 : 0);
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
