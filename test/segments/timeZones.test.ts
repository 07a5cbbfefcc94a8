// The machine's time zone must not change a report. CI runs this file (and trend.test.ts) under
// TZ=Asia/Tokyo and TZ=America/New_York as well as the default; every run must give the trend
// output stored in test/fixtures/trend-time-zones.json (written with UPDATE_GOLDEN=1).
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MetricsInputError, trend } from "../../src/index.ts";
import { expectError } from "../helpers.ts";
import { messySurvey } from "./messyCsv.ts";

const GOLDEN = new URL("../fixtures/trend-time-zones.json", import.meta.url);

/** Times in every form trend reads, near month and day boundaries. */
const records = [
  { at: "2025-11-30T23:30:00Z", ltr: 9 },
  { at: "2025-12-01T00:30", ltr: 3 },
  { at: "2025-12-01", ltr: 10 },
  { at: "2025-12-01T00:30:00+09:00", ltr: 7 },
  { at: new Date(Date.UTC(2025, 11, 31, 23, 59)), ltr: 8 },
  { at: Date.UTC(2026, 0, 1, 0, 1), ltr: 6 },
  { at: "2026-03-29T01:30:00Z", ltr: 9 },
  { at: "2026-10-25 01:30", ltr: 10 },
];

function outputs() {
  const messy = messySurvey(5000).rows;
  const result: Record<string, unknown> = {};
  for (const timeZone of ["UTC", "Asia/Tokyo", "America/New_York", "Europe/London", "Asia/Kolkata"]) {
    for (const every of ["day", "week", "month"] as const) {
      const t = trend(records, { time: "at", every, timeZone, metrics: { nps: "ltr" }, minN: 1 });
      result[`${timeZone} ${every}`] = t.periods.filter((p) => p.n > 0).map((p) => [p.period, p.start, p.n, p.nps?.estimate]);
    }
    const m = trend(messy, { time: "date", every: "week", timeZone, metrics: { nps: "ltr" }, missing: "skip", onInvalid: "skip" });
    result[`${timeZone} messy weeks`] = m.periods.map((p) => [p.period, p.n, p.nps?.estimate ?? null]);
  }
  return result;
}

describe("trend in any machine time zone", () => {
  it(`trend(records, { timeZone }) gives the stored output under TZ=${process.env.TZ ?? "(unset)"}`, () => {
    const actual = outputs();
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  });

  it("trend(records) periods follow the zone asked for: 23:30Z on Nov 30 is December in Tokyo, November in New York", () => {
    const at = (timeZone: string) =>
      trend([{ at: "2025-11-30T23:30:00Z", ltr: 9 }], { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } }).periods[0]!.period;
    expect(at("Asia/Tokyo")).toBe("2025-12");
    expect(at("America/New_York")).toBe("2025-11");
    expect(at("UTC")).toBe("2025-11");
  });
});

describe("time zones are IANA names on every runtime", () => {
  const one = [{ at: "2025-01-31T20:00:00Z", ltr: 9 }];
  it.each(["+05:00", "-0800", "UTC+5", "GMT-03:30", " +05:00", "\u221205:00"])("trend refuses the offset %j as a time zone", (timeZone) => {
    expect(() => trend(one, { time: "at", every: "month", timeZone, metrics: { nps: "ltr" } })).toThrow(
      /^options\.timeZone must be an IANA time zone name such as "Asia\/Karachi" or "UTC", not an offset/,
    );
  });

  it("the refusal names the IANA zone of a whole-hour offset, with IANA's inverted sign", () => {
    expect(() => trend(one, { time: "at", every: "month", timeZone: "+05:00", metrics: { nps: "ltr" } })).toThrow(
      '("Etc/GMT-5" is UTC+5: IANA writes the sign inverted); got "+05:00"',
    );
    // Etc/GMT-5 is UTC+5 in the tz database: 20:00Z on 31 January is 01:00 on 1 February there.
    expect(trend(one, { time: "at", every: "month", timeZone: "Etc/GMT-5", metrics: { nps: "ltr" } }).periods[0]!.period).toBe("2025-02");
  });

  it("an ISO offset past ±23:59 is OUT_OF_RANGE, as 2025-02-30 is", () => {
    for (const at of ["2025-01-01T00:00:00+24:00", "2025-01-01T00:00:00+05:60", "2025-01-01T00:00:00+99:99"]) {
      expectError(
        () => trend([{ at, ltr: 9 }], { time: "at", every: "month", metrics: { nps: "ltr" } }),
        MetricsInputError,
        "OUT_OF_RANGE",
        "records[0] time",
        `records[0] time must be a valid UTC offset (hours 00-23, minutes 00-59) (or pass onInvalid: "skip"); got "${at}"`,
      );
    }
    expect(
      trend([{ at: "2025-01-01T00:00:00+23:59", ltr: 9 }], { time: "at", every: "day", metrics: { nps: "ltr" } }).periods[0]!.period,
    ).toBe("2024-12-31");
  });
});
