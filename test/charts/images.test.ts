import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { billingChanges, demoCharts, surveyRecords } from "../../examples/demo-charts.mjs";
import * as charts from "../../src/charts/index.ts";
import * as lib from "../../src/index.ts";
import { once } from "../helpers.ts";
import { markItems, renderSvg } from "./render.ts";

// The pictures of docs/charts.md: each demo chart rendered by vega to docs/images/chart-<name>.svg
// (UPDATE_DOCS=1 writes them), and the guide shows each with the call that made it.
const root = new URL("../../", import.meta.url);
// The demo charts are made in the first test (see once); the names come from the guide, and the
// last test checks the two lists agree.
const specs = once(() =>
  demoCharts(
    lib,
    charts,
    surveyRecords(readFileSync(new URL("examples/data/survey.csv", root), "utf8")),
    billingChanges(readFileSync(new URL("examples/data/billing.csv", root), "utf8")),
  ),
);
const guide = readFileSync(new URL("docs/charts.md", root), "utf8");

describe("docs/charts.md", () => {
  for (const [, name] of guide.matchAll(/!\[([\w-]+)\]\(images\/chart-\1\.svg\)/g)) {
    it(`shows ${name} with its call, as rendered now`, async () => {
      const { call, spec } = specs()[name as keyof ReturnType<typeof specs>]!;
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
      const file = new URL(`docs/images/chart-${name}.svg`, root);
      if (process.env.UPDATE_DOCS) writeFileSync(file, svg);
      expect(markItems(readFileSync(file, "utf8"))).toEqual(markItems(svg));
      expect(guide).toContain(call);
    });
  }

  it("shows every demo chart, and no other", () => {
    const shown = [...guide.matchAll(/!\[([\w-]+)\]\(images\/chart-\1\.svg\)/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual(Object.keys(specs()).sort());
  });
});
