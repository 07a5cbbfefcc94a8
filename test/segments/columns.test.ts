import { Dictionary, Float64, Int32, Int64, type RecordBatch, Table, tableFromArrays, Uint8, Utf8, vectorFromArray } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnRows } from "../../src/_lib/read/columns.ts";
import { MetricsInputError, MetricsTypeError, npsSummary, segmentReport, tally, trend } from "../../src/index.ts";
import { thrown } from "../helpers.ts";
import { generate, type Row } from "../warehouse/data.ts";

// Columnar input (a column object, dictionary codes, an Arrow Table of one or many record
// batches) must give exactly the report the same rows give as records.
const metrics = { nps: "ltr", csat: "sat" } as const;
const skip = { missing: "skip", onInvalid: "skip" } as const;

function columnsOf(rows: readonly Row[]) {
  return {
    region: rows.map((r) => r.region),
    plan: rows.map((r) => r.plan),
    ltr: rows.map((r) => r.ltr),
    sat: rows.map((r) => r.sat),
    at: rows.map((r) => r.at),
  };
}

/** An Arrow Table of the rows, in batches of `batch` rows: dictionary-encoded keys, Float64 scores with nulls. */
function arrowOf(rows: readonly Row[], batch = rows.length): Table {
  const batches: RecordBatch[] = [];
  // One type per column across the batches (one schema); each batch has its own dictionary.
  const regionType = new Dictionary(new Utf8(), new Int32(), 0);
  const planType = new Dictionary(new Utf8(), new Int32(), 1);
  for (let start = 0; start < rows.length; start += batch) {
    const part = rows.slice(start, start + batch);
    const t = new Table({
      region: vectorFromArray(
        part.map((r) => r.region),
        regionType,
      ),
      plan: vectorFromArray(
        part.map((r) => r.plan),
        planType,
      ),
      ltr: vectorFromArray(
        part.map((r) => r.ltr),
        new Float64(),
      ),
      sat: vectorFromArray(
        part.map((r) => r.sat),
        new Float64(),
      ),
      at: vectorFromArray(part.map((r) => (r.at === null ? null : new Date(r.at)))),
    });
    batches.push(...t.batches);
  }
  return new Table(batches);
}

describe("columnar input", () => {
  const rows = generate(20_000, 3);

  it("a column object gives the report the records give: segments, nested segments, trends", () => {
    const columns = columnsOf(rows);
    expect(segmentReport(columns, { by: "region", metrics, ...skip })).toEqual(segmentReport(rows, { by: "region", metrics, ...skip }));
    expect(segmentReport(columns, { by: ["region", "plan"], metrics, ...skip })).toEqual(
      segmentReport(rows, { by: ["region", "plan"], metrics, ...skip }),
    );
    expect(trend(columns, { time: "at", every: "week", timeZone: "Asia/Tokyo", metrics, ...skip })).toEqual(
      trend(rows, { time: "at", every: "week", timeZone: "Asia/Tokyo", metrics, ...skip }),
    );
  });

  it("typed-array scores and dictionary codes (-1 for missing) read by code", () => {
    const clean = rows.filter((r) => r.region !== null && r.ltr !== null && Number.isInteger(r.ltr) && r.ltr >= 0 && r.ltr <= 10);
    const dictionary = ["north", "south", "east", "west", "N/A"];
    const codes = Int8Array.from(clean, (r) => dictionary.indexOf(r.region!));
    codes[0] = -1; // missing
    const records = clean.map((r, i) => ({ region: i === 0 ? null : r.region, ltr: r.ltr }));
    const columns = { region: { codes, dictionary }, ltr: Uint8Array.from(clean, (r) => r.ltr!) };
    expect(segmentReport(columns, { by: "region", metrics: { nps: "ltr" }, missing: "skip" })).toEqual(
      segmentReport(records, { by: "region", metrics: { nps: "ltr" }, missing: "skip" }),
    );
    // integer columns with values off the scale (11, 255) in any metric: skipped and counted, or the same error
    const sat = Uint8Array.from(clean, (_, i) => (i % 97 === 5 ? 6 : 1 + (i % 5)));
    const ltr = Uint8Array.from(clean, (r, i) => (i % 101 === 7 ? 11 : i % 211 === 3 ? 255 : r.ltr!));
    const typed = { region: { codes, dictionary }, ltr, sat, effort: Int16Array.from(clean, (_, i) => (i % 89 === 1 ? -2 : 1 + (i % 7))) };
    const asRecords = records.map((r, i) => ({ region: r.region, ltr: ltr[i], sat: sat[i], effort: typed.effort[i] }));
    const all = { nps: "ltr", csat: "sat", ces: "effort" } as const;
    for (const rules of [{ missing: "skip", onInvalid: "skip" }, { missing: "skip" }] as const) {
      const outcome = (input: object) => {
        try {
          return segmentReport(input as typeof asRecords, { by: "region", metrics: all, ...rules });
        } catch (error) {
          return (error as Error).message;
        }
      };
      expect(outcome(typed)).toEqual(outcome(asRecords));
    }
    expect(segmentReport(typed, { by: "region", metrics: all, missing: "skip", onInvalid: "skip" }).skipped.nps.invalid).toBeGreaterThan(0);
  });

  it("an Arrow Table (one batch or many, dictionaries differing per batch) gives the same reports", () => {
    for (const batch of [rows.length, 3_000]) {
      const table = arrowOf(rows, batch);
      expect(table.batches.length).toBe(Math.ceil(rows.length / batch));
      expect(segmentReport(table, { by: ["region", "plan"], metrics, ...skip })).toEqual(
        segmentReport(rows, { by: ["region", "plan"], metrics, ...skip }),
      );
      expect(trend(table, { time: "at", every: "month", timeZone: "Europe/Berlin", metrics, ...skip })).toEqual(
        trend(rows, { time: "at", every: "month", timeZone: "Europe/Berlin", metrics, ...skip }),
      );
    }
  });

  it("tally and the summaries read an Arrow Vector: its typed array when there are no nulls, nulls as missing", () => {
    const scores = rows.flatMap((r) => (r.ltr !== null && Number.isInteger(r.ltr) && r.ltr >= 0 && r.ltr <= 10 ? [r.ltr] : []));
    const vector = vectorFromArray(scores, new Uint8());
    expect(tally(vector, { scale: [0, 10] })).toEqual(tally(scores, { scale: [0, 10] }));
    expect(npsSummary(vector)).toEqual(npsSummary(scores));
    const withNulls = vectorFromArray([9, null, 3], new Uint8());
    expect(tally(withNulls, { scale: [0, 10], missing: "skip" })).toEqual(tally([9, null, 3], { scale: [0, 10], missing: "skip" }));
    expect(() => tally(withNulls, { scale: [0, 10] })).toThrow(/^scores\[1\] must be a whole number from 0 to 10, not missing/);
    const table = tableFromArrays({ ltr: Int32Array.from([10, 11]) });
    expect(() => tally(table.getChild("ltr")!, { scale: [0, 10] })).toThrow(/^scores\[1\] must be a whole number from 0 to 10; got 11/);
  });

  it("any rows and any rules: records, columns and dictionary codes give the same report or the same error (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            region: fc.constantFrom("a", "b", "c", null, ""),
            ltr: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)),
            sat: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null), fc.constant(6)),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.constantFrom({}, skip, { missing: "skip" } as const, { onInvalid: "skip" } as const),
        (records, rules) => {
          const outcome = (input: object) => {
            try {
              return segmentReport(input as typeof records, { by: "region", metrics, ...rules });
            } catch (error) {
              return (error as Error).message;
            }
          };
          const columns = { region: records.map((r) => r.region), ltr: records.map((r) => r.ltr), sat: records.map((r) => r.sat) };
          const dictionary = ["a", "b", "c", null, ""];
          const coded = { ...columns, region: { codes: Int8Array.from(records, (r) => dictionary.indexOf(r.region)), dictionary } };
          const expected = outcome(records);
          // the same report, or the same error at the same row, from the records, the columns and the codes
          expect(outcome(columns)).toEqual(expected);
          expect(outcome(coded)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("one to three metrics in any order, of any cells, each from a plain array or an integer typed array: the records' report or error (property)", () => {
    // Cells a score column may hold: scores, the scale's edges and one past them, fractions, text
    // (each scale's lowest score as "0" or "1", a score on every scale as "3", one on NPS's and
    // CES's only as "7"), a BigInt, missing values. NPS's scale starts at 0 and CSAT's and CES's
    // at 1, and any metric may come first, so each offset is exercised in each position.
    const cell = fc.oneof(
      fc.integer({ min: -1, max: 12 }),
      fc.constantFrom(null, undefined, 2.5, 0.1, "0", "1", "3", "7", 7n, Number.NaN, 1e300),
    );
    const specs = { nps: "ltr", csat: "sat", ces: "effort" } as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ region: fc.constantFrom("a", "b", null), ltr: cell, sat: cell, effort: cell }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.constantFrom({}, skip, { missing: "skip" } as const, { onInvalid: "skip" } as const),
        fc.shuffledSubarray(["nps", "csat", "ces"] as const, { minLength: 1 }),
        fc.record({ ltr: fc.boolean(), sat: fc.boolean(), effort: fc.boolean() }),
        (records, rules, names, typed) => {
          const metrics = Object.fromEntries(names.map((name) => [name, specs[name]]));
          const outcome = (input: object) => {
            try {
              return segmentReport(input as typeof records, { by: "region", metrics, ...rules });
            } catch (error) {
              return (error as Error).message;
            }
          };
          // Integer typed arrays hold whole numbers only (other cells become 3): the records then
          // carry the numbers the arrays hold.
          const held = (name: "ltr" | "sat" | "effort") =>
            typed[name]
              ? Int16Array.from(records, (r) => (Number.isInteger(r[name]) ? (r[name] as number) : 3))
              : records.map((r) => r[name]);
          const columns = { region: records.map((r) => r.region), ltr: held("ltr"), sat: held("sat"), effort: held("effort") };
          const rows = records.map((r, i) => ({ region: r.region, ltr: columns.ltr[i], sat: columns.sat[i], effort: columns.effort[i] }));
          expect(outcome(columns)).toEqual(outcome(rows));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a weighted metric from columns: the weights count, as in the records' report", () => {
    const columns = { region: ["a", "a", "b", "a"], ltr: [10, 0, 9, 6], w: [3, 1, 2, 0.5] };
    const metrics = { nps: { value: "ltr", weight: "w" }, csat: { value: "ltr", scale: [0, 10] } } as const;
    const rows = columns.region.map((region, i) => ({ region, ltr: columns.ltr[i], w: columns.w[i] }));
    const report = segmentReport(columns, { by: "region", metrics, minN: 1 });
    expect(report).toEqual(segmentReport(rows, { by: "region", metrics, minN: 1 }));
    // Region a: promoters weigh 3, detractors 1 + 0.5, so NPS = 100 · (3 − 1.5) / 4.5.
    expect(report.segments[0]!.nps!.estimate).toBeCloseTo((100 * 1.5) / 4.5, 12);
  });

  it("a dictionary that lists a key twice: the rows of both codes in one segment", () => {
    const columns = { region: { codes: Int8Array.of(0, 1, 2, 2, 0), dictionary: ["a", "b", "a"] }, ltr: [10, 0, 9, 9, 3] };
    const report = segmentReport(columns, { by: "region", metrics: { nps: "ltr" }, minN: 1 });
    expect(report.segments.map((s) => [s.key, s.n])).toEqual([
      ["a", 4],
      ["b", 1],
    ]);
    expect(report.segments[0]!.tallies.nps!.counts).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 1]);
  });

  it("a key cell that is an object or a function: the records' error, naming the value", () => {
    for (const bad of [{ id: 1 }, [2], () => 3]) {
      const columns = { region: ["a", bad, "a"], ltr: [10, 9, 8] };
      const rows = [0, 1, 2].map((i) => ({ region: columns.region[i], ltr: columns.ltr[i] }));
      const options = { by: "region", metrics: { nps: "ltr" } } as const;
      const message = thrown(() => segmentReport(rows as never, options)).message;
      expect(message).toMatch(/^records\[1\] segment key must be a string, finite number or boolean .*; got /);
      expect(thrown(() => segmentReport(columns as never, options)).message).toBe(message);
    }
  });

  it("the fast path reads a row's cells through the row object only where a cell is not a score", () => {
    // Every score of each scale, both ends included (NPS from 0, CSAT and CES from 1), in every
    // group; then one cell in 50 off the scale or not a number, in each metric in turn.
    const n = 700;
    const region = Array.from({ length: n }, (_, i) => ["a", "b", "c"][i % 3]);
    const scores = { ltr: (i: number) => i % 11, sat: (i: number) => 1 + (i % 5), effort: (i: number) => 1 + (i % 7) };
    const all = { nps: "ltr", csat: "sat", ces: "effort" } as const;
    const moves = (columns: object, options: object = {}) => {
      const rows = columnRows(columns)!;
      const moveTo = rows.moveTo;
      let count = 0;
      (rows as { moveTo: (i: number) => void }).moveTo = (i) => {
        count++;
        moveTo(i);
      };
      const report = segmentReport(rows as never, { by: "region", metrics: all, ...options });
      return { count, report };
    };
    /** A plain column of the scores f gives, with `bad` in one row in 50 when given. */
    const values = (f: (i: number) => number, bad?: unknown) =>
      Array.from({ length: n }, (_, i): unknown => (bad !== undefined && i % 50 === 7 ? bad : f(i)));
    for (const typed of [false, true]) {
      const column = (f: (i: number) => number, bad?: number) => (typed ? Int16Array.from(values(f, bad) as number[]) : values(f, bad));
      const clean = { region, ltr: column(scores.ltr), sat: column(scores.sat), effort: column(scores.effort) };
      const { count, report } = moves(clean);
      expect(count).toBe(0);
      expect(report).toEqual(
        segmentReport(
          Array.from({ length: n }, (_, i) => ({ region: region[i], ltr: clean.ltr[i], sat: clean.sat[i], effort: clean.effort[i] })),
          { by: "region", metrics: all },
        ),
      );
      for (const [name, bad] of [
        ["ltr", 11],
        ["ltr", -1],
        ["sat", 0],
        ["sat", 6],
        ["effort", 0],
        ["effort", 8],
      ] as const) {
        const dirty = { ...clean, [name]: column(scores[name], bad) };
        const skipped = moves(dirty, { onInvalid: "skip" });
        expect(skipped.count, `${name} ${bad}`).toBe(14);
        const metric = ({ ltr: "nps", sat: "csat", effort: "ces" } as const)[name];
        expect(skipped.report.skipped[metric].invalid).toBe(14);
        expect(skipped.report.total.n).toBe(n);
      }
    }
    // Cells a typed array cannot hold take the row path too: a fraction, text, a missing value.
    for (const bad of [2.5, "7", null]) {
      const columns = { region, ltr: values(scores.ltr), sat: values(scores.sat), effort: values(scores.effort, bad) };
      expect(moves(columns, { onInvalid: "skip", missing: "skip" }).count).toBe(14);
    }
  });

  it("Arrow vectors of every layout read as the plain values would: sliced, 64-bit, with nulls, dictionaries with nulls", () => {
    const regions = ["north", "south", null, "east", "south", "north", "east", null, "north", "south", "east", "north"];
    const scores = [9, 10, 3, null, 7, 8, 0, 6, 10, 9, null, 5];
    const records = regions.map((region, i) => ({ region, ltr: scores[i] }));
    const options = { by: "region", metrics: { nps: "ltr" }, missing: "skip" } as const;
    const want = segmentReport(records, options);
    const dictionary = () => vectorFromArray(regions, new Dictionary(new Utf8(), new Int32()));
    const layouts = {
      "plain, with nulls": { region: dictionary(), ltr: vectorFromArray(scores, new Float64()) },
      "64-bit integers": {
        region: dictionary(),
        ltr: vectorFromArray(
          scores.map((v) => (v === null ? null : BigInt(v))),
          new Int64(),
        ),
      },
      "two chunks each": {
        region: vectorFromArray(regions.slice(0, 5), new Dictionary(new Utf8(), new Int32())).concat(
          vectorFromArray(regions.slice(5), new Dictionary(new Utf8(), new Int32())),
        ),
        ltr: vectorFromArray(scores.slice(0, 5), new Float64()).concat(vectorFromArray(scores.slice(5), new Float64())),
      },
    };
    for (const [name, columns] of Object.entries(layouts)) expect(segmentReport(columns as never, options), name).toEqual(want);
    // Without nulls: chunked numbers (each chunk's own values), 64-bit integers (BigInts converted),
    // and scores written as text (read as cells are: "9" a score, "nine" invalid).
    const full = [9, 10, 3, 4, 7, 8, 0, 6, 10, 9, 2, 5];
    const fullRecords = regions.map((region, i) => ({ region, ltr: full[i] }));
    const fullOptions = { ...options, onInvalid: "skip" } as const;
    const wantFull = segmentReport(fullRecords, fullOptions);
    const cleanLayouts = {
      "two chunks": vectorFromArray(full.slice(0, 5), new Float64()).concat(vectorFromArray(full.slice(5), new Float64())),
      "64-bit integers": vectorFromArray(full.map(BigInt), new Int64()),
    };
    for (const [name, ltr] of Object.entries(cleanLayouts)) {
      expect(segmentReport({ region: dictionary(), ltr } as never, fullOptions), name).toEqual(wantFull);
    }
    const text = full.map((v, i) => (i === 4 ? "nine" : String(v)));
    expect(segmentReport({ region: dictionary(), ltr: vectorFromArray(text, new Utf8()) } as never, fullOptions)).toEqual(
      segmentReport(
        regions.map((region, i) => ({ region, ltr: text[i] })),
        fullOptions,
      ),
    );
    // A slice of a vector without nulls: its own typed array (Arrow starts it at the slice's first row), no copy.
    const clean = [9, 10, 3, 7, 8, 0, 6, 10, 9, 5, 4, 2];
    const sliced = vectorFromArray(clean, new Float64()).slice(3, 9);
    const cleanRegions = vectorFromArray(
      ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"],
      new Dictionary(new Utf8(), new Int32()),
    ).slice(3, 9);
    expect(segmentReport({ region: cleanRegions, ltr: sliced } as never, { by: "region", metrics: { nps: "ltr" } })).toEqual(
      segmentReport(
        clean.slice(3, 9).map((ltr, i) => ({ region: (3 + i) % 2 === 0 ? "a" : "b", ltr })),
        { by: "region", metrics: { nps: "ltr" } },
      ),
    );
  });

  it("a slice of an Arrow Table reads the sliced rows (Arrow slices the value buffers with the rows)", () => {
    const table = arrowOf(rows.slice(0, 4_000));
    for (const [start, end] of [
      [0, 1_000],
      [1_234, 3_210],
    ]) {
      expect(segmentReport(table.slice(start, end), { by: ["region", "plan"], metrics, ...skip })).toEqual(
        segmentReport(rows.slice(start, end), { by: ["region", "plan"], metrics, ...skip }),
      );
    }
    const scores = [9, 10, 3, 7, 8, 0, 6, 10, 9, 5];
    expect(tally(vectorFromArray(scores, new Uint8()).slice(2, 8), { scale: [0, 10] })).toEqual(
      tally(scores.slice(2, 8), { scale: [0, 10] }),
    );
  });

  it("dictionary codes: a null or negative code is missing, a fractional or too large one an error; codes and dictionary must be lists", () => {
    const dictionary = ["a", "b"];
    const ltr = [9, 10, 3];
    const report = segmentReport({ region: { codes: [0, null, -1], dictionary }, ltr } as never, {
      by: "region",
      metrics: { nps: "ltr" },
      missing: "skip",
    });
    expect(report.skipped.records).toMatchObject({ missing: 2 });
    expect(() =>
      segmentReport({ region: { codes: [0, 1.5, 1], dictionary }, ltr } as never, { by: "region", metrics: { nps: "ltr" } }),
    ).toThrow("records.region.codes[1] must be a code into the dictionary's 2 values (or -1 for missing); got 1.5");
    // The same from typed codes and typed scores (the fast path for whole numbers): a code past
    // the dictionary's end is an error, a negative one a missing key.
    for (const [code, outcome] of [
      [2, "records.region.codes[1] must be a code into the dictionary's 2 values (or -1 for missing); got 2"],
      [
        -1,
        'records[1] segment key must be a string, finite number or boolean, not missing (pass missing: "skip" to drop the records without one); got undefined',
      ],
    ] as const) {
      const typed = { region: { codes: Int8Array.of(0, code, 1), dictionary }, ltr: Uint8Array.from(ltr) };
      expect(thrown(() => segmentReport(typed, { by: "region", metrics: { nps: "ltr" } })).message).toBe(outcome);
    }
    expect(() => segmentReport({ region: { codes: 5, dictionary }, ltr } as never, { by: "region", metrics: { nps: "ltr" } })).toThrow(
      "records.region.codes must be an array or typed array; got 5",
    );
    expect(() =>
      segmentReport({ region: { codes: [0], dictionary: null }, ltr: [9] } as never, { by: "region", metrics: { nps: "ltr" } }),
    ).toThrow("records.region.dictionary must be an array or typed array; got null");
    // A function has a length too, but it is not a column.
    expect(() => segmentReport({ region: ["a"], ltr: (() => 9) as never }, { by: "region", metrics: { nps: "ltr" } })).toThrow(
      /^records\.ltr must be a column: an array, a typed array/,
    );
  });

  it("clear errors: columns of different lengths, a column that is not one, a code out of range, a misspelt column", () => {
    const cases: [() => unknown, RegExp, typeof MetricsInputError | typeof MetricsTypeError][] = [
      [
        () => segmentReport({ region: ["a", "b"], ltr: [9] }, { by: "region", metrics: { nps: "ltr" } }),
        /^records.ltr must be a column of 2 rows, as region is \(this one has 1\)/,
        MetricsInputError,
      ],
      [
        () => segmentReport({ region: "a", ltr: [9] } as never, { by: "region", metrics: { nps: "ltr" } }),
        /^records.region must be a column: an array, a typed array, dictionary codes \{ codes, dictionary \}, or an Arrow Vector; got "a"/,
        MetricsTypeError,
      ],
      [
        () => segmentReport({ region: { codes: [0, 2], dictionary: ["a", "b"] }, ltr: [9, 9] }, { by: "region", metrics: { nps: "ltr" } }),
        /^records.region.codes\[1\] must be a code into the dictionary's 2 values \(or -1 for missing\); got 2/,
        MetricsInputError,
      ],
      [
        () => segmentReport({ region: ["a"], ltr: [9] }, { by: "regoin" as never, metrics: { nps: "ltr" } }),
        /records\[0\] has no field "regoin" \(options.by\); its fields are region, ltr: did you mean "region"\?/,
        MetricsTypeError,
      ],
      [
        () => segmentReport({}, { by: "region", metrics: { nps: "ltr" } } as never),
        /^records must be records, or columns \{ name: values \}/,
        MetricsInputError,
      ],
    ];
    for (const [call, message, kind] of cases) {
      expect(call, String(message)).toThrow(message);
      expect(call).toThrow(kind);
    }
  });
});
