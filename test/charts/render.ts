// Compile a Vega-Lite spec with vega-lite and render it with vega, headless, to SVG; and count
// the items of each mark in the SVG. For the chart tests and the demo.
import * as vega from "vega";
import * as vl from "vega-lite";

/** The spec compiled by vega-lite (as the JSON a user would save) into a vega view with no renderer. */
function headlessView(spec: object, logger?: object): vega.View {
  const compiled = vl.compile(
    JSON.parse(JSON.stringify(spec)) as vl.TopLevelSpec,
    logger === undefined ? undefined : { logger: logger as never },
  );
  return new vega.View(vega.parse(compiled.spec), { renderer: "none" });
}

/** The spec compiled (vega-lite) and rendered (vega) to an SVG string, with the compiler's warnings. */
export async function renderSvg(spec: object): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      warnings.push(`error: ${a.join(" ")}`);
      return logger;
    },
    warn: (...a: unknown[]) => {
      warnings.push(a.join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const view = headlessView(spec, logger);
  view.logger(logger as never);
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}

/** The items of each mark type in the SVG: `{ rect: 3, symbol: 5, rule: 5, … }` (a mark group's own children). */
export function markItems(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const re = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g;
  for (const m of svg.matchAll(re)) {
    const items = (m[2]!.match(/<(path|line|text|rect)\b/g) ?? []).length;
    counts[m[1]!] = (counts[m[1]!] ?? 0) + items;
  }
  return counts;
}

/** One drawn item of a rendered chart, as vega's scene graph holds it. */
export interface SceneItem {
  /** The mark's type: rect, symbol, rule, line, area, text, group, … */
  readonly mark: string;
  /** The mark's role: "mark" for data, "axis-label", "axis-title", "legend-label", "legend-symbol", "title-text", "legend", "frame", … */
  readonly role: string;
  /** Which mark of the scene the item belongs to (a line broken in two is two marks). */
  readonly markIndex: number;
  readonly item: Record<string, unknown>;
}

/** Every item vega draws for the spec (compiled by vega-lite, run headless), in scene-graph order. */
export async function renderScene(spec: object): Promise<SceneItem[]> {
  const view = headlessView(spec);
  await view.runAsync();
  const out: SceneItem[] = [];
  let marks = 0;
  const walk = (node: { marktype?: string; role?: string; items?: unknown[] }) => {
    const markIndex = marks++;
    for (const item of (node.items ?? []) as Record<string, unknown>[]) {
      out.push({ mark: node.marktype ?? "", role: node.role ?? "", markIndex, item });
      if (Array.isArray(item.items)) for (const child of item.items) walk(child as never);
    }
  };
  walk((view.scenegraph() as unknown as { root: never }).root);
  view.finalize();
  return out;
}

/** Six billing changes of four customers over three months: the cohort charts' data. */
export const COHORT_CHANGES = [
  { customer: "a", time: "2026-01-05", mrr: 10 },
  { customer: "b", time: "2026-01-09", mrr: 20 },
  { customer: "c", time: "2026-02-03", mrr: 10 },
  { customer: "a", time: "2026-02-20", mrr: 0 },
  { customer: "d", time: "2026-03-03", mrr: 5 },
  { customer: "b", time: "2026-03-30", mrr: 0 },
] as const;
