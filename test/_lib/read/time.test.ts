// The time reader under trend and the revenue metrics (src/_lib/read/time.ts) against independent
// oracles: ISO 8601 text read by a regular expression and JavaScript's Date, and calendar periods
// from Date's UTC fields. The reader parses without either, by arithmetic, so any slip in a bound
// (a month 13, a day 31 in April, 24:00, a 10-digit fraction, an offset without its colon) shows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertSpan, periodAt, periodIndex, timeReader } from "../../../src/_lib/read/time.ts";

const DAY = 86_400_000;

/** Milliseconds of a UTC wall clock, for any year from 0 (Date.UTC maps years 0-99 to 1900-1999). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** YYYY-MM-DD of a UTC instant, years below 0 as -YYYY. */
function isoDate(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

const FIRST = utc(0, 1, 1);
const END = utc(10000, 1, 1);
// Offsets: Z, RFC 3339's ±HH:MM and ±HHMM, PostgreSQL's ±HH, BigQuery's " UTC".
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z| UTC|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The oracle: wall-clock (no offset) or UTC (an offset) milliseconds, or "invalid". */
function oracle(text: string): number | "invalid" {
  const m = ISO.exec(text);
  if (m === null) return "invalid";
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => (m[i] === undefined ? 0 : Number(m[i])));
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const offset = m[8];
  const written = utc(y!, mo!, d!, h!, mi!, s!, ms);
  const check = new Date(written);
  if (check.getUTCMonth() + 1 !== mo || check.getUTCDate() !== d || h! > 23 || mi! > 59 || s! > 59) return "invalid";
  if (offset === undefined) return written;
  // RFC 3339: offsets run to ±23:59.
  const utcOffset = offset === "Z" || offset === " UTC";
  const offsetMinutes = offset.length === 3 ? 0 : Number(offset.slice(-2));
  if (!utcOffset && (Number(offset.slice(1, 3)) > 23 || offsetMinutes > 59)) return "invalid";
  const minutes = utcOffset ? 0 : (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + offsetMinutes);
  const instant = written - minutes * 60_000;
  return instant >= FIRST && instant < END ? instant : "invalid";
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const isoText = fc
  .record({
    year: fc.constantFrom("0000", "0001", "1900", "1970", "2000", "2024", "2025", "2100", "9999"),
    month: two(13),
    day: two(32),
    sep: fc.constantFrom("T", " ", "t", "_"),
    hour: two(25),
    minute: two(61),
    second: fc.option(two(61), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    offset: fc.constantFrom(
      "",
      "Z",
      "z",
      "+09:00",
      "-05:30",
      "+0930",
      "-1200",
      "+14:00",
      "+23:59",
      "+24:00",
      "+05:60",
      "+99:99",
      "-2400",
      "+09:0",
      "+9:00",
      "+09",
      "-08",
      "+24",
      " UTC",
      " utc",
      "UTC",
      "  UTC",
      "+1",
      "+09-00",
      "Z0",
    ),
    time: fc.constantFrom("none", "hm", "hms"),
  })
  .map(({ year, month, day, sep, hour, minute, second, fraction, offset, time }) => {
    const date = `${year}-${month}-${day}`;
    if (time === "none") return date;
    const seconds = time === "hms" && second !== undefined ? `:${second}${fraction === undefined ? "" : `.${fraction}`}` : "";
    return `${date}${sep}${hour}:${minute}${seconds}${offset}`;
  });

describe("timeReader: ISO 8601 text", () => {
  const reader = timeReader("UTC", "ms");

  it("reads what a regular expression and Date read, and rejects what they reject (property)", () => {
    fc.assert(
      fc.property(isoText, (text) => {
        const want = oracle(text);
        const got = reader.localMsOf(text);
        if (want === "invalid") expect(typeof got, `${text}: got ${got}`).toBe("string");
        else expect(got, text).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it("at each bound: the last valid value read, the first invalid one rejected with its reason", () => {
    const cases: [string, number | string][] = [
      ["2024-02-29", utc(2024, 2, 29)],
      ["2100-02-29", "a real calendar date (2100-02 has no day 29)"],
      ["2000-02-29", utc(2000, 2, 29)],
      ["2025-04-30", utc(2025, 4, 30)],
      ["2025-04-31", "a real calendar date (2025-04 has no day 31)"],
      ["2025-12-31", utc(2025, 12, 31)],
      ["2025-13-01", "a real calendar date (there is no month 13)"],
      ["2025-00-10", "a real calendar date (there is no month 00)"],
      ["2025-01-00", "a real calendar date (2025-01 has no day 00)"],
      ["2025-06-01T23:59:59.999", utc(2025, 6, 1, 23, 59, 59, 999)],
      ["2025-06-01T24:00", "a valid time of day"],
      ["2025-06-01T23:60", "a valid time of day"],
      ["2025-06-01T23:59:60", "a valid time of day"],
      ["2025-06-01T12:00:00.123456789", utc(2025, 6, 1, 12, 0, 0, 123)],
      ["2025-06-01T12:00:00.1234567891", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T12:00:00.", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T00:30+01:00", utc(2025, 5, 31, 23, 30)],
      ["2025-06-01T00:30+0100", utc(2025, 5, 31, 23, 30)],
      ["2025-06-01T23:30-0130", utc(2025, 6, 2, 1, 0)],
      ["2025-06-01 12:00Z", utc(2025, 6, 1, 12)],
      ["2025-06-01T12:00+01:0", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T12", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-6-01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025/06/01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["0000-01-01T00:30+01:00", "a time in the years 0000 to 9999"],
      ["9999-12-31T23:30-01:00", "a time in the years 0000 to 9999"],
      ["0000-01-01", utc(0, 1, 1)],
      // White space around the text is trimmed, at either end alone too; other characters are not.
      [" 2025-06-01 ", utc(2025, 6, 1)],
      ["\t2025-06-01", utc(2025, 6, 1)],
      ["2025-06-01T12:00Z\n", utc(2025, 6, 1, 12)],
      ["2025-06-01!", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      // White space past ASCII too: a no-break space, a byte-order mark (a CSV's first cell).
      ["\u00a02025-06-01", utc(2025, 6, 1)],
      ["\ufeff2025-06-01T12:00Z", utc(2025, 6, 1, 12)],
      ["2025-06-01\u2003", utc(2025, 6, 1)],
      ["2025-06-01\u00e9", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      // Each separator, and each digit field, checked on its own: one wrong character is enough.
      ["2025/06-01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06/01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["20x5-06-01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-0x-01", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-0x", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-1/", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09-30", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:3", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01Tx9:30", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:x0", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:30:5", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:30:x5", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:30#01:00", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:30+010", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
      ["2025-06-01T09:30+01:000", 'an ISO 8601 date such as "2025-12-17" or "2025-12-17T09:30:00Z"'],
    ];
    for (const [text, want] of cases) expect(reader.localMsOf(text), text).toBe(want);
  });
});

describe("periodIndex and periodAt: calendar periods", () => {
  // Day numbers from 0000-01-01 to 9999-12-31.
  const day = fc.integer({ min: Math.floor(FIRST / DAY), max: Math.floor(END / DAY) - 1 });

  it("month, quarter and year are Date's UTC fields of the day, and each period starts on its first day (property)", () => {
    fc.assert(
      fc.property(day, (d) => {
        const date = new Date(d * DAY);
        const [y, m] = [date.getUTCFullYear(), date.getUTCMonth()];
        expect(periodIndex(d, "day")).toBe(d);
        expect(periodIndex(d, "month")).toBe(y * 12 + m);
        expect(periodIndex(d, "quarter")).toBe(y * 4 + Math.floor(m / 3));
        expect(periodIndex(d, "year")).toBe(y);
        expect(periodAt(periodIndex(d, "month"), "month").start).toBe(isoDate(utc(y, m + 1, 1)));
        expect(periodAt(periodIndex(d, "quarter"), "quarter").start).toBe(isoDate(utc(y, 3 * Math.floor(m / 3) + 1, 1)));
        expect(periodAt(periodIndex(d, "year"), "year").start).toBe(isoDate(utc(y, 1, 1)));
        expect(periodAt(d, "day").label).toBe(isoDate(d * DAY));
      }),
      { numRuns: 2000 },
    );
  });

  it("the last day of a 400-year era, 29 February of a year divisible by 400, is in February", () => {
    // Day 146,096 of an era (counted from 1 March) is the one day where the 400-year term of the
    // calendar arithmetic is 1; a property over random days rarely lands on it.
    for (const y of [1600, 2000, 2400]) {
      const day = utc(y, 2, 29) / DAY;
      expect(periodAt(periodIndex(day, "month"), "month").label).toBe(`${y}-02`);
      expect(periodAt(periodIndex(day, "year"), "year").label).toBe(`${y}`);
      expect(periodAt(periodIndex(day + 1, "month"), "month").label).toBe(`${y}-03`);
    }
  });

  it("weeks are ISO weeks: from Monday, numbered in the year of their Thursday (property)", () => {
    fc.assert(
      fc.property(day, (d) => {
        const weekday = (new Date(d * DAY).getUTCDay() + 6) % 7; // Monday 0
        const monday = d - weekday;
        const thursday = new Date((monday + 3) * DAY);
        const weekYear = thursday.getUTCFullYear();
        const week = Math.floor((monday + 3 - utc(weekYear, 1, 1) / DAY) / 7) + 1;
        const period = periodAt(periodIndex(d, "week"), "week");
        // The week of 0000-01-01 belongs to year −1, written -0001.
        const year = weekYear < 0 ? `-${String(-weekYear).padStart(4, "0")}` : String(weekYear).padStart(4, "0");
        expect(period.label).toBe(`${year}-W${String(week).padStart(2, "0")}`);
        expect(period.start).toBe(isoDate(monday * DAY));
        expect(periodIndex(monday + 6, "week")).toBe(periodIndex(monday, "week"));
        expect(periodIndex(monday + 7, "week")).toBe(periodIndex(monday, "week") + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("timeReader: Dates, numbers and other zones", () => {
  it("takes instants from 0000-01-01 up to 10000-01-01 (excluded), and says what is wrong with the rest", () => {
    const reader = timeReader("UTC", "ms");
    const [first, end] = [FIRST, END];
    expect(reader.localMsOf(new Date(first))).toBe(first);
    expect(reader.localMsOf(new Date(end - 1))).toBe(end - 1);
    expect(reader.localMsOf(new Date(first - 1))).toBe("a time in the years 0000 to 9999");
    expect(reader.localMsOf(new Date(end))).toBe("a time in the years 0000 to 9999");
    expect(reader.localMsOf(new Date(Number.NaN))).toBe("a valid Date (this one is Invalid Date)");
    expect(reader.localMsOf(Number.NaN)).toBe("a finite number");
    expect(reader.localMsOf(Number.POSITIVE_INFINITY)).toBe("a finite number");
    expect(reader.localMsOf(true)).toBe("a Date, epoch milliseconds or an ISO 8601 date string");
  });

  it("tells milliseconds from seconds at 1973-01-01 (as ms) and 9999-12-31 (as s), both ends included", () => {
    const ms = timeReader("UTC", "ms");
    const s = timeReader("UTC", "s");
    const earliest = utc(1973, 1, 1);
    expect(ms.localMsOf(earliest)).toBe(earliest);
    expect(ms.localMsOf(earliest - 1)).toBe('epoch milliseconds after 1973 (this looks like seconds: pass timeUnit: "s")');
    const latest = utc(9999, 12, 31) / 1000;
    expect(s.localMsOf(latest)).toBe(latest * 1000);
    expect(s.localMsOf(-latest)).toBe("a time in the years 0000 to 9999");
    expect(s.localMsOf(latest + 1)).toBe('seconds before 9999 (this looks like milliseconds: leave timeUnit at "ms")');
  });

  it("says what a time must be when it is a number that is not finite, or neither a Date, number nor string", () => {
    const reader = timeReader("UTC", "ms");
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY]) expect(reader.localMsOf(v)).toBe("a finite number");
    for (const v of [true, null, {}, Symbol("t")]) {
      expect(reader.dayOf(v)).toBe("a Date, epoch milliseconds or an ISO 8601 date string");
    }
    // BigInts are read as the numbers they are (DuckDB returns epoch_ms() as a BIGINT).
    expect(reader.localMsOf(1_700_000_000_000n)).toBe(1_700_000_000_000);
  });

  it("reads an instant's wall clock in a zone to the second, before year 1 too", () => {
    // Asia/Kolkata is UTC+05:30 all year; New York kept local mean time, −04:56:02, before 1883.
    expect(timeReader("Asia/Kolkata", "ms").localMsOf("2025-06-01T12:34:56Z")).toBe(utc(2025, 6, 1, 18, 4, 56));
    expect(timeReader("America/New_York", "ms").localMsOf("0000-01-01T00:30:00Z")).toBe(utc(-1, 12, 31, 19, 33, 58));
    const day = timeReader("America/New_York", "ms").dayOf("0000-01-01T00:30:00Z") as number;
    expect(periodAt(periodIndex(day, "week"), "week").label).toBe("-0001-W52");
    expect(periodAt(periodIndex(day, "year"), "year").label).toBe("-0001");
  });

  it("caches a zone's offset per day without missing a transition: Intl's wall clock at any instant, DST days included (property)", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"];
    const wallClock = (zone: string, ms: number): number => {
      const parts: Record<string, string> = {};
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        hourCycle: "h23",
      });
      for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
      return (
        utc(Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) +
        (((ms % 1000) + 1000) % 1000)
      );
    };
    // Instants near the 2024-2026 transitions (each zone's spring and autumn change) and anywhere in 1900-2100.
    const near = fc.tuple(
      fc.integer({ min: 2024, max: 2026 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 86_399_999 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.oneof(
            near.map(([y, m, d, t]) => utc(y, m, d) + t),
            fc.integer({ min: utc(1900, 1, 1), max: utc(2100, 1, 1) }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (zone, instants) => {
          const reader = timeReader(zone, "ms");
          for (const ms of instants)
            expect(reader.localMsOf(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(wallClock(zone, ms));
        },
      ),
      { numRuns: 200 },
    );
    // The minutes on each side of New York's 2025 changes (10 March 07:00Z and 2 November 06:00Z).
    const ny = timeReader("America/New_York", "ms");
    expect(ny.localMsOf(utc(2025, 3, 9, 6, 59, 59))).toBe(utc(2025, 3, 9, 1, 59, 59));
    expect(ny.localMsOf(utc(2025, 3, 9, 7, 0, 0))).toBe(utc(2025, 3, 9, 3, 0, 0));
    expect(ny.localMsOf(utc(2025, 11, 2, 5, 59, 59))).toBe(utc(2025, 11, 2, 1, 59, 59));
    expect(ny.localMsOf(utc(2025, 11, 2, 6, 0, 0))).toBe(utc(2025, 11, 2, 1, 0, 0));
  });

  it("allows a span of 100,000 periods and no more, naming the first and last", () => {
    expect(() => assertSpan(0, 99_999, "day")).not.toThrow();
    try {
      assertSpan(0, 100_000, "day");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ argument: "records time", value: `1970-01-01 to ${isoDate(100_000 * DAY)}` });
    }
  });
});
