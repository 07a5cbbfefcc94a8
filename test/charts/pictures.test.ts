import { describe, expect, it } from "vitest";
import { chart } from "../../src/charts/index.ts";
import {
  cesSummary,
  cohortRetention,
  csatSummary,
  distribution,
  npsSummary,
  projectRetention,
  segmentReport,
  trend,
} from "../../src/index.ts";
import { COHORT_CHANGES, renderScene, renderSvg, type SceneItem } from "./render.ts";

// What a reader sees: each chart rendered by vega (headless) and read back from its scene graph —
// the bars' colours, widths and order, the axes' labels and titles, the legend, the tooltips and
// the title — each checked against the result it draws or a figure worked by hand.

type Item = Record<string, unknown>;

/** The parts of a rendered chart a reader looks at. */
async function look(spec: object) {
  const scene = await renderScene(spec);
  const role = (r: string, mark?: string) => scene.filter((s) => s.role === r && (mark === undefined || s.mark === mark));
  const items = (r: string, mark?: string) => role(r, mark).map((s) => s.item);
  const texts = (r: string) => items(r).map((i) => i.text);
  return {
    scene,
    marks: (mark: string) => items("mark", mark),
    /** The data marks of one type, one array per mark (a line broken in two is two). */
    runs: (mark: string) => {
      const runs = new Map<number, Item[]>();
      for (const s of role("mark", mark)) runs.set(s.markIndex, [...(runs.get(s.markIndex) ?? []), s.item]);
      return [...runs.values()];
    },
    axes: items("axis", "group"),
    axisLabels: (orient: "bottom" | "left") => axisItems(scene, orient, "axis-label").map((i) => i.text),
    axisLabelItems: (orient: "bottom" | "left") => axisItems(scene, orient, "axis-label"),
    axisTitle: (orient: "bottom" | "left") => axisItems(scene, orient, "axis-title")[0]?.text,
    /** The x position of a value on the bottom axis, read off its first and last labels (a linear axis). */
    xScale: () => {
      const ticks = axisItems(scene, "bottom", "axis-label").map((i) => ({ x: i.x as number, value: numberOf(i.text) }));
      const [a, b] = [ticks[0]!, ticks.at(-1)!];
      return (v: number) => a.x + ((v - a.value) * (b.x - a.x)) / (b.value - a.value);
    },
    legends: items("legend", "group"),
    legendLabels: texts("legend-label"),
    legendSymbols: items("legend-symbol"),
    legendTitle: texts("legend-title"),
    legendEntries: items("scope", "group"),
    title: items("title-text")[0]!,
    subtitle: items("title-subtitle")[0]!,
    frame: items("frame", "group")[0]!,
  };
}

/** The visible items of one role on one axis (those that follow its group in the scene, up to the next axis). */
function axisItems(scene: SceneItem[], orient: string, r: string): Item[] {
  const out: Item[] = [];
  let inside = false;
  for (const s of scene) {
    if (s.role === "axis" && s.mark === "group") inside = s.item.orient === orient;
    else if (s.role !== r && !s.role.startsWith("axis")) inside = false;
    else if (inside && s.role === r && (s.item.opacity ?? 1) !== 0) out.push(s.item);
  }
  return out;
}

/** [r, g, b] of "#rrggbb" or "rgb(r, g, b)". */
function rgb(colour: unknown): [number, number, number] {
  const c = String(colour);
  if (c.startsWith("#")) return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(c);
  if (m === null) throw new Error(`not a colour: ${c}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** What a reader calls the colour: "grey" when the channels are within 30 of each other, else the strongest. */
function hue(colour: unknown): "grey" | "red" | "green" | "blue" {
  const [r, g, b] = rgb(colour);
  if (Math.max(r, g, b) - Math.min(r, g, b) <= 30) return "grey";
  return r >= g && r >= b ? "red" : g >= b ? "green" : "blue";
}

/** Relative luminance, 0 (black) to 1 (white). */
const lightness = (colour: unknown) => {
  const [r, g, b] = rgb(colour);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

/** An axis label as a number (vega writes minus signs as U+2212). */
const numberOf = (label: unknown) => Number(String(label).replace("−", "-"));

const percentLabels = ["0%", "10%", "20%", "30%", "40%", "50%", "60%", "70%", "80%", "90%", "100%"];
const close = (a: unknown, b: number) => expect(a as number).toBeCloseTo(b, 6);

describe("the charts as a reader sees them", () => {
  it("NPS summary: red, grey and green bars stacked from 0 by share, a percent axis, the legend below, the score on top", async () => {
    const s = npsSummary({ promoters: 5, passives: 3, detractors: 2 });
    const c = await look(chart(s));
    const bars = c.marks("rect");
    expect(bars.map((b) => hue(b.fill))).toEqual(["red", "grey", "green"]);
    // 2, 3 and 5 of 10 across the default 480 pixels, one after the other from 0
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [0, 96],
      [96, 144],
      [240, 240],
    ]);
    expect(bars.map((b) => b.height)).toEqual([40, 40, 40]); // 0.8 of the 50-pixel band
    expect(bars.map((b) => b.tooltip)).toEqual([
      { group: "Detractors", share: "20.0%" },
      { group: "Passives", share: "30.0%" },
      { group: "Promoters", share: "50.0%" },
    ]);
    expect(c.axisLabels("bottom")).toEqual(percentLabels);
    expect(c.axisTitle("bottom")).toBe("Share of responses");
    expect(c.legendLabels).toEqual(["Detractors", "Passives", "Promoters"]);
    expect(c.legendSymbols.map((l) => l.fill)).toEqual(bars.map((b) => b.fill));
    expect(c.legendTitle).toEqual([]);
    expect(c.legends[0]).toMatchObject({ orient: "bottom" });
    expect(c.legends[0]!.y as number).toBeGreaterThan(50);
    // NPS = 50 − 20 = 30 points
    expect(c.title.text).toBe("NPS 30.0 points");
    const { lower, upper } = s.interval;
    expect(c.subtitle.text).toBe(`95% interval ${lower.toFixed(1)} to ${upper.toFixed(1)} (adjusted-wald), n = 10`);
  });

  it("CSAT summary: the satisfied share in green, the rest grey, and the interval as a dark rule across the bar", async () => {
    const s = csatSummary({ counts: [2, 3, 10, 40, 45] });
    const c = await look(chart(s));
    const bars = c.marks("rect");
    expect(bars.map((b) => hue(b.fill))).toEqual(["green", "grey"]);
    // 85 of 100 satisfied: 408 of 480 pixels, the other 72 after it
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [0, 408],
      [408, 72],
    ]);
    expect(bars.map((b) => b.tooltip)).toEqual([
      { group: "Satisfied", share: "85.0%" },
      { group: "Not satisfied", share: "15.0%" },
    ]);
    expect(c.legendLabels).toEqual(["Satisfied", "Not satisfied"]);
    const [rule] = c.marks("rule");
    close(rule!.x, 480 * s.interval.lower);
    close(rule!.x2, 480 * s.interval.upper);
    expect(rule!.y).toBe(25); // across the middle of the bar
    expect(rule!.strokeWidth).toBe(2);
    expect([hue(rule!.stroke), lightness(rule!.stroke) < 0.3]).toEqual(["grey", true]);
    expect(c.axisLabels("bottom")).toEqual(percentLabels);
    expect(c.axisTitle("bottom")).toBe("CSAT (share satisfied)");
    expect(c.title.text).toBe("CSAT 85.0%");
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(c.subtitle.text).toBe(`95% interval ${pct(s.interval.lower)} to ${pct(s.interval.upper)} (wilson), n = 100`);
  });

  it("CES summary: the mean as a filled blue point on its blue interval, on an axis that starts near the data, not at 0", async () => {
    const s = cesSummary([7, 6, 5, 6, 3, 6, 7, 5]);
    const c = await look(chart(s));
    const labels = c.axisLabels("bottom").map(Number);
    expect(labels[0]).toBeGreaterThan(3); // the interval is about 4.5 to 6.7
    const x = c.xScale();
    const [rule] = c.marks("rule");
    const [point] = c.marks("symbol");
    close(rule!.x, x(s.interval.lower));
    close(rule!.x2, x(s.interval.upper));
    close(point!.x, x(s.estimate));
    expect([hue(rule!.stroke), hue(point!.fill), rule!.strokeWidth, point!.size]).toEqual(["blue", "blue", 2, 90]);
    expect(rule!.stroke).toBe(point!.fill);
    expect(c.axes.map((a) => a.orient)).toEqual(["bottom", "bottom"]); // grid and axis: no y axis
    expect(c.axisTitle("bottom")).toBe("CES (scale points)");
    // mean 45/8
    expect(c.title.text).toBe("CES 5.63");
    expect(c.subtitle.text).toBe(`95% interval ${s.interval.lower.toFixed(2)} to ${s.interval.upper.toFixed(2)} (t), n = 8`);
  });

  it("distribution: a segment per score, low scores red to high scores green, its count and share in the tooltip", async () => {
    const d = distribution([1, 2, 2, 3, 4, 4, 4, 5, 5, 5], { scale: [1, 5] });
    const c = await look(chart(d));
    const bars = c.marks("rect");
    expect(bars.map((b) => b.tooltip)).toEqual([
      { score: 1, count: 1, share: "10.0%" },
      { score: 2, count: 2, share: "20.0%" },
      { score: 3, count: 1, share: "10.0%" },
      { score: 4, count: 3, share: "30.0%" },
      { score: 5, count: 3, share: "30.0%" },
    ]);
    expect(bars.map((b) => Math.round(b.x as number))).toEqual([0, 48, 144, 192, 336]);
    expect([hue(bars[0]!.fill), hue(bars[4]!.fill)]).toEqual(["red", "green"]);
    expect(c.axisLabels("bottom")).toEqual(percentLabels);
    expect(c.axisTitle("bottom")).toBe("Share of responses");
    expect(c.legendTitle).toEqual(["Score"]);
    expect(c.legendLabels).toEqual(["1", "2", "3", "4", "5"]);
    expect(c.legends[0]).toMatchObject({ orient: "bottom" });
    expect(c.legendEntries.map((e) => e.column)).toEqual([0, 1, 2, 3, 4]); // in a row
    // 6 of 10 at 4 or 5; mean 35/10; the median of the sorted ten is (4 + 4)/2
    expect(c.title.text).toBe("Top box (4-5) 60.0%");
    expect(c.subtitle.text).toBe("Mean 3.50, median 4, n = 10");
    // another scheme on request
    const blues = await look(chart(d, { scheme: "blues" }));
    expect(blues.marks("rect").map((b) => hue(b.fill))).toEqual(["blue", "blue", "blue", "blue", "blue"]);
  });

  it("segment report: a row per segment in the report's order, point and interval where they belong, coloured by its test, the whole sample dashed", async () => {
    const records = Array.from({ length: 600 }, (_, i) => ({
      region: ["north", "south", "east", "west", "tiny"][i % 5 === 4 && i > 100 ? i % 4 : i % 5]!,
      ltr: i % 5 === 0 ? 10 : i % 5 === 1 ? (i % 2 ? 3 : 9) : (i * 7) % 11,
      sat: 1 + ((i * 3) % 5),
    }));
    const report = segmentReport(records, { by: "region", metrics: { nps: "ltr", csat: "sat" }, minN: 30 });
    const c = await look(chart(report));
    expect(c.axisLabels("left")).toEqual(report.segments.map((s) => s.key));
    expect(c.axisTitle("left")).toBeUndefined();
    expect(c.axisLabels("bottom").map(numberOf).every(Number.isInteger)).toBe(true); // NPS in whole points
    const x = c.xScale();
    const [rules, points] = [c.marks("rule"), c.marks("symbol")];
    const status = (s: (typeof report.segments)[number]) => (s.nps!.n < 30 ? "faint" : s.nps!.vsRest!.significant ? "accent" : "muted");
    report.segments.forEach((s, i) => {
      close(rules[i]!.x, x(s.nps!.interval.lower));
      close(rules[i]!.x2, x(s.nps!.interval.upper));
      close(points[i]!.x, x(s.nps!.estimate));
      expect(rules[i]!.y).toBe(points[i]!.y);
      expect(rules[i]!.stroke).toBe(points[i]!.fill);
      expect(rules[i]!.tooltip).toEqual({
        segment: s.key,
        estimate: s.nps!.estimate.toFixed(2).replace("-", "−"),
        lower: s.nps!.interval.lower.toFixed(2).replace("-", "−"),
        upper: s.nps!.interval.upper.toFixed(2).replace("-", "−"),
        n: s.nps!.n,
        "p (Holm)": expect.stringMatching(/^[0-9.e-]+$/),
      });
      const shade = {
        accent: hue(points[i]!.fill) === "blue",
        muted: hue(points[i]!.fill) === "grey",
        faint: hue(points[i]!.fill) === "grey",
      };
      expect(shade[status(s)], `${s.key}: ${status(s)}`).toBe(true);
    });
    expect(rules.map((r) => r.strokeWidth).slice(0, -1)).toEqual(report.segments.map(() => 2));
    expect(points.map((p) => p.size)).toEqual(report.segments.map(() => 70));
    // the three statuses, in this order, each a distinct colour; small segments lighter than the rest
    expect(c.legendLabels).toEqual(["different from the rest", "not significantly different", "fewer than 30 responses"]);
    const [accent, muted, faint] = c.legendSymbols.map((l) => l.fill);
    expect([hue(accent), hue(muted), hue(faint)]).toEqual(["blue", "grey", "grey"]);
    expect(lightness(faint)).toBeGreaterThan(lightness(muted) + 0.2);
    expect(c.legends[0]).toMatchObject({ orient: "bottom" });
    expect(c.legendTitle).toEqual([]);
    const overall = rules.at(-1)!;
    expect(overall.strokeDash).toEqual([4, 4]);
    close(overall.x, x(report.total.nps!.estimate));
    expect([hue(overall.stroke), lightness(overall.stroke) < 0.3]).toEqual(["grey", true]);
    expect(c.title.text).toBe(`NPS by segment (all: ${report.total.nps!.estimate.toFixed(1)})`);
    expect(c.subtitle.text).toBe("95% intervals; dashed line: all responses; colour: each segment against the rest, Holm-adjusted");
    expect(c.frame.height).toBe(24 * 5); // 24 pixels a row

    // CSAT: its unit on the axis, percentages in the tooltip
    const csat = await look(chart(report, { metric: "csat" }));
    expect(csat.axisTitle("bottom")).toBe("CSAT (share satisfied)");
    expect(csat.axisLabels("bottom").every((t) => /^\d+%$/.test(String(t)))).toBe(true);
    expect(csat.marks("symbol")[0]!.tooltip).toMatchObject({ estimate: `${(100 * report.segments[0]!.csat!.estimate).toFixed(1)}%` });
    expect(csat.title.text).toBe(`CSAT by segment (all: ${(100 * report.total.csat!.estimate).toFixed(1)}%)`);
    // one segment: the chart keeps a readable height
    const one = await look(chart(segmentReport(records.slice(0, 50), { by: () => "all", metrics: { nps: "ltr" } })));
    expect(one.frame.height).toBe(60);
  });

  it("trend: a blue band and line per run of periods, red diamonds on significant changes, months on the axis", async () => {
    const records = Array.from({ length: 600 }, (_, i) => ({
      ltr: i % 5 === 0 ? 10 : i % 5 === 1 ? (i % 2 ? 3 : 9) : (i * 7) % 11,
      at: `2026-${String(1 + (i % 8)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`,
    }));
    const t = trend(
      records.filter((r) => !r.at.startsWith("2026-04")),
      { time: "at", every: "month", metrics: { nps: "ltr" }, minN: 10 },
    );
    const c = await look(chart(t));
    const bands = c.runs("area");
    const lines = c.runs("line");
    // broken at the empty April: January to March, then May to August
    expect(lines.map((l) => l.map((p) => (p.tooltip as Item).period))).toEqual([
      ["2026-01", "2026-02", "2026-03"],
      ["2026-05", "2026-06", "2026-07", "2026-08"],
    ]);
    expect(bands.map((b) => b.length)).toEqual([3, 4]);
    for (const b of bands.flat()) expect([hue(b.fill), b.opacity]).toEqual(["blue", 0.18]);
    for (const l of lines.flat()) expect([hue(l.stroke), l.strokeWidth]).toEqual(["blue", 2]);
    const jan = t.periods[0]!.nps!;
    expect(lines[0]![0]!.tooltip).toEqual({
      period: "2026-01",
      estimate: jan.estimate.toFixed(2),
      lower: jan.interval.lower.toFixed(2).replace("-", "−"),
      upper: jan.interval.upper.toFixed(2),
      n: jan.n,
    });
    const significant = t.periods.filter((p) => p.nps?.change?.significant === true).map((p) => p.period);
    const diamonds = c.marks("symbol");
    expect(diamonds.map((d) => (d.tooltip as Item).period)).toEqual(significant);
    for (const d of diamonds) expect([d.shape, hue(d.fill), d.size]).toEqual(["diamond", "red", 110]);
    expect(c.axisLabels("bottom")).toEqual(["Jan 2026", "Mar 2026", "May 2026", "Jul 2026"]);
    expect(c.axisTitle("bottom")).toBeUndefined();
    expect(c.axisTitle("left")).toBe("NPS (points)");
    expect(c.axisLabels("left").every((l) => /^−?\d+$/.test(String(l)))).toBe(true);
    expect(c.axisLabels("left")).not.toContain("−100"); // the axis fits the data, not 0 to ±100
    expect(c.frame.height).toBe(220);
    expect(c.title.text).toBe("NPS by month");
    expect(c.subtitle.text).toBe("Band: 95% interval; diamonds: a significant change from the period before; time zone UTC");

    // each period length labelled as itself, in UTC
    const at = (every: "day" | "week" | "quarter" | "year", times: string[]) =>
      trend(
        times.map((time) => ({ time, ltr: 9 })),
        { time: "time", every, metrics: { nps: "ltr" } },
      );
    const labels = async (r: ReturnType<typeof at>) => (await look(chart(r, { width: 1200 }))).axisLabels("bottom");
    expect(await labels(at("quarter", ["2025-02-01", "2025-05-01", "2025-08-01"]))).toEqual(["2025 Q1", "2025 Q2", "2025 Q3"]);
    expect(await labels(at("year", ["2023-06-01", "2024-06-01", "2025-06-01"]))).toEqual(["2023", "2024", "2025"]);
    expect((await labels(at("day", ["2025-03-01", "2025-03-02", "2025-03-03"])))[0]).toBe("Mar 01, 2025");
    expect((await labels(at("week", ["2025-03-03", "2025-03-10", "2025-03-17"])))[0]).toBe("Mar 03, 2025");
  });

  it("cohort retention: darker cells for more customers kept, white labels on the dark ones, cohorts in order down the side", async () => {
    const changes = COHORT_CHANGES;
    const cohorts = cohortRetention(changes, { every: "month" });
    const c = await look(chart(cohorts));
    const cells = c.marks("rect");
    // January: 2 customers, 1 left in February (a stopped; b's 20 of 30 MRR), none in March
    expect(cells.map((r) => r.tooltip)).toEqual([
      { cohort: "2026-01", age: 0, customers: 2, share: "100.0%", "MRR retained": "100.0%" },
      { cohort: "2026-01", age: 1, customers: 1, share: "50.0%", "MRR retained": "66.7%" },
      { cohort: "2026-01", age: 2, customers: 0, share: "0.0%", "MRR retained": "0.0%" },
      { cohort: "2026-02", age: 0, customers: 1, share: "100.0%", "MRR retained": "100.0%" },
      { cohort: "2026-02", age: 1, customers: 1, share: "100.0%", "MRR retained": "100.0%" },
      { cohort: "2026-03", age: 0, customers: 1, share: "100.0%", "MRR retained": "100.0%" },
    ]);
    const [full, half, none] = cells.map((r) => r.fill);
    expect(lightness(full)).toBeLessThan(lightness(half));
    expect(lightness(half)).toBeLessThan(lightness(none));
    expect(hue(full)).toBe("blue");
    // the colour scale runs from 0 to 1 whatever the data: a lone 50 % cell is mid-blue, not the darkest
    const halfOnly = await look(chart(cohortRetention([changes[0]!, changes[1]!, changes[3]!], { every: "month" })));
    expect(halfOnly.marks("rect").map((r) => (r.tooltip as Item).share)).toEqual(["100.0%", "50.0%"]);
    expect(lightness(halfOnly.marks("rect")[1]!.fill)).toBeCloseTo(lightness(half), 6);
    const labels = c.marks("text");
    expect(labels.map((l) => [l.text, l.fill])).toEqual([
      ["100%", "white"],
      ["50%", "black"],
      ["0%", "black"],
      ["100%", "white"],
      ["100%", "white"],
      ["100%", "white"],
    ]);
    expect(labels.map((l) => l.fontSize)).toEqual(labels.map(() => 10));
    expect(c.axisLabels("left")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(c.axisLabels("bottom")).toEqual(["0", "1", "2"]);
    expect(c.axisLabelItems("bottom").map((i) => i.angle)).toEqual([0, 0, 0]);
    expect(c.axisTitle("bottom")).toBe("Age (months since the first)");
    expect(c.axisTitle("left")).toBe("Cohort");
    expect(c.legendTitle).toEqual(["Customers retained"]);
    expect(c.legendLabels).toEqual(["0%", "50%", "100%"]);
    expect(c.frame.height).toBe(80); // at least 80 pixels; 22 a cohort beyond that
    expect(c.title.text).toBe("Customer retention by cohort");
    expect(c.subtitle.text).toBe("Share of each cohort's customers still billing; time zone UTC");
    const fourWeeks = [...changes, { customer: "e", time: "2026-01-20", mrr: 5 }];
    const weekly = await look(chart(cohortRetention(fourWeeks, { every: "week" }), { scheme: "greens" }));
    expect(weekly.axisTitle("bottom")).toBe("Age (weeks since the first)");
    expect(weekly.axisLabels("left")).toEqual(["2026-W02", "2026-W04", "2026-W06", "2026-W10"]);
    expect(weekly.frame.height).toBe(22 * 4);
    expect(hue(weekly.marks("rect")[0]!.fill)).toBe("green");
  });

  it("retention projection: a dashed blue curve from 0 to 100 %, whole periods, the actual shares solid and dark beside it", async () => {
    const projection = projectRetention({ model: "sbg", params: { alpha: 1, beta: 2 } }, 4);
    const c = await look(chart(projection, { actual: [0.7, 0.5] }));
    const [projected, actual] = c.runs("line");
    // S(t) = β/(α+β) · (β+1)/(α+β+1) · … : 2/3, 1/2, 2/5, 1/3
    expect(projected!.map((p) => p.tooltip)).toEqual([
      { series: "Projected", period: 1, survival: "66.7%" },
      { series: "Projected", period: 2, survival: "50.0%" },
      { series: "Projected", period: 3, survival: "40.0%" },
      { series: "Projected", period: 4, survival: "33.3%" },
    ]);
    expect(actual!.map((p) => p.tooltip)).toEqual([
      { series: "Actual", period: 1, survival: "70.0%" },
      { series: "Actual", period: 2, survival: "50.0%" },
    ]);
    expect([hue(projected![0]!.stroke), projected![0]!.strokeDash]).toEqual(["blue", [4, 3]]);
    expect([hue(actual![0]!.stroke), lightness(actual![0]!.stroke) < 0.3, actual![0]!.strokeDash]).toEqual(["grey", true, [1, 0]]);
    expect(c.marks("symbol")).toHaveLength(6); // a point on every value
    expect(c.axisLabels("left")[0]).toBe("0%");
    expect(c.axisLabels("left").at(-1)).toBe("100%");
    expect(c.axisLabels("bottom")).toEqual(["1", "2", "3", "4"]); // whole periods only
    expect(c.axisTitle("bottom")).toBe("Periods since the start");
    expect(c.axisTitle("left")).toBe("Share still customers");
    expect(c.legendLabels).toEqual(["Actual", "Projected"]);
    expect(c.legendTitle).toEqual([]);
    expect(c.legends.map((l) => l.orient)).toEqual(["bottom"]);
    expect(c.title.text).toBe("Retention: actual and projected");
    expect(c.subtitle.text).toBe("Survival S(t) of the shifted-beta-geometric model, 4 periods");
    expect(c.frame.height).toBe(220);
    const alone = await look(chart(projection));
    expect(alone.title.text).toBe("Projected retention");
    expect(alone.legendLabels).toEqual(["Projected"]);
    expect([hue(alone.marks("line")[0]!.stroke), alone.marks("line")[0]!.strokeDash]).toEqual(["blue", [4, 3]]);
  });

  it("every chart: the title over the subtitle at the left, no frame around the plot, the size and title asked for", async () => {
    const c = await look(chart(npsSummary({ promoters: 5, passives: 3, detractors: 2 })));
    expect(c.title).toMatchObject({ fontSize: 14, fontWeight: "bold", align: "left" });
    expect(c.subtitle).toMatchObject({ fontSize: 12, fill: "#555", align: "left" });
    expect(c.scene.find((s) => s.role === "title" && s.mark === "group")!.item).toMatchObject({ anchor: "start" });
    expect(c.frame.stroke).toBeNull();
    expect(c.scene.filter((s) => s.role === "axis-label").every((s) => s.item.fontSize === 11)).toBe(true);
    expect(c.scene.filter((s) => s.role === "axis-title").every((s) => s.item.fontSize === 12)).toBe(true);
    const sized = await look(chart(cesSummary([3, 4, 5]), { width: 300, height: 120, title: "Effort, Q3" }));
    expect([sized.frame.width, sized.frame.height, sized.title.text]).toEqual([300, 120, "Effort, Q3"]);
    const schemed = await look(chart(npsSummary({ promoters: 5, passives: 3, detractors: 2 }), { scheme: "tableau10" }));
    const fills = schemed.marks("rect").map((b) => b.fill);
    expect(new Set(fills).size).toBe(3);
    expect(fills).not.toEqual(c.marks("rect").map((b) => b.fill));
    // a scheme is used as given, not replaced by vega's default for categories (tableau10)
    const set1 = await look(chart(npsSummary({ promoters: 5, passives: 3, detractors: 2 }), { scheme: "set1" }));
    expect(set1.marks("rect").map((b) => b.fill)).not.toEqual(fills);
  });

  it("edges: shares whose sum rounds above 1, a report without a whole-sample score, the minN boundary, scales off 0, no significant change", async () => {
    // 9/28 + 18/28 + 1/28 is 1.0000000000000002 in doubles: the share axes still end at 100 %
    const tipped = await look(chart(npsSummary({ detractors: 9, passives: 18, promoters: 1 })));
    expect(tipped.axisLabels("bottom").at(-1)).toBe("100%");
    const scores = [...Array(9).fill(1), ...Array(18).fill(2), 3];
    const spread = await look(chart(distribution(scores, { scale: [1, 3] })));
    expect(spread.axisLabels("bottom").at(-1)).toBe("100%");
    expect(spread.marks("rect").map((b) => b.height)).toEqual([40, 40, 40]); // 0.8 of the 50-pixel band

    const records = Array.from({ length: 90 }, (_, i) => ({
      g: ["a", "b", "c"][i % 3]!,
      ltr: i % 3 === 0 ? 10 : 9 - (i % 7),
      sat: [3, 4, 5, 4, 5][i % 5]!,
    }));
    const report = segmentReport(records, { by: "g", metrics: { nps: "ltr", csat: "sat" }, minN: 30 });
    // each segment has exactly minN = 30 responses: none is drawn as too small
    expect(report.segments.map((s) => s.nps!.n)).toEqual([30, 30, 30]);
    const atMin = await look(chart(report));
    expect(atMin.marks("symbol").map((p) => hue(p.fill))).not.toContain("grey");
    const fewer = await look(chart(segmentReport(records, { by: "g", metrics: { nps: "ltr" }, minN: 31 })));
    expect(new Set(fewer.marks("symbol").map((p) => p.fill)).size).toBe(1);
    expect(lightness(fewer.marks("symbol")[0]!.fill)).toBeGreaterThan(0.7); // all three faint
    // CSAT around 0.7: the axis fits the intervals, it does not start at 0 %; the tooltip in percent
    const csat = await look(chart(report, { metric: "csat" }));
    expect(csat.axisLabels("bottom")[0]).not.toBe("0%");
    const c0 = report.segments[0]!.csat!;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(csat.marks("rule")[0]!.tooltip).toMatchObject({ lower: pct(c0.interval.lower), upper: pct(c0.interval.upper) });
    // a hand-made report whose whole sample has no NPS: no dashed line, no "all" in the title
    const noTotal = await look(chart({ ...report, total: { ...report.total, nps: null } }));
    expect(noTotal.title.text).toBe("NPS by segment");
    expect(noTotal.marks("rule").filter((r) => r.strokeDash !== undefined)).toEqual([]);

    // a trend asked for its metric by name; all scores high: the axis fits them, far from 0
    const high = Array.from({ length: 120 }, (_, i) => ({ ltr: i % 4 === 0 ? 8 : 10, at: `2026-0${1 + (i % 3)}-15` }));
    const t = trend(high, { time: "at", every: "month", metrics: { nps: "ltr" } });
    expect(t.periods.every((p) => p.nps!.change === null || p.nps!.change.significant === false)).toBe(true);
    const { warnings } = await renderSvg(chart(t, { metric: "nps" }));
    expect(warnings).toEqual([]); // no empty layer for the changes
    const fitted = await look(chart(t, { metric: "nps" }));
    expect(fitted.marks("symbol")).toEqual([]);
    expect(numberOf(fitted.axisLabels("left")[0])).toBeGreaterThan(20);
  });

  it("projection: periods evenly along the axis, the spec carrying only the rows drawn, and observed shares checked", async () => {
    const projection = projectRetention({ model: "sbg", params: { alpha: 1, beta: 2 } }, 4);
    const spec = chart(projection);
    expect((spec.data as { values: unknown[] }).values).toHaveLength(4);
    const c = await look(spec);
    expect(c.marks("line").map((p) => p.x)).toEqual([0, 160, 320, 480]);
    for (const actual of [[Number.NaN], [-0.01], [1.01], ["0.5"], 0.5, [0.5, Number.POSITIVE_INFINITY]]) {
      expect(() => chart(projection, { actual: actual as never }), JSON.stringify(actual)).toThrow(
        /^options.actual must be observed survival shares of periods 1, 2, …: fractions in \[0, 1\]/,
      );
    }
    expect((chart(projection, { actual: [1, 0] }).data as { values: unknown[] }).values).toHaveLength(6);
  });

  it("options: sizes above 0 and strings where strings go", () => {
    const s = npsSummary({ promoters: 5, passives: 3, detractors: 2 });
    for (const [key, value] of [
      ["width", 0],
      ["width", -1],
      ["height", Number.NaN],
      ["height", Number.POSITIVE_INFINITY],
      ["width", "480"],
    ] as const) {
      expect(() => chart(s, { [key]: value }), `${key}: ${value}`).toThrow(
        `options.${key} must be a width or height in pixels, a number above 0`,
      );
    }
    expect(chart(s, { width: 0.5 }).width).toBe(0.5);
    for (const key of ["title", "scheme"] as const) {
      expect(() => chart(s, { [key]: 5 as never }), key).toThrow(`options.${key} must be a string; got 5`);
    }
    expect(() => chart(s, { metric: 5 as never })).toThrow("options.metric must be a string; got 5");
  });
});
