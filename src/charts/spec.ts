// A Vega-Lite specification as plain JSON, with a Jupyter display hook that JSON does not see.
import { readOptions } from "../_lib/core/options.ts";
import { MetricsTypeError } from "../errors.ts";

/**
 * The Vega-Lite schema every {@link chart} spec names: version 5, which Vega-Lite 5 and 6,
 * `vega-embed` and Jupyter's Vega-Lite renderer read.
 *
 * @example
 * ```ts
 * import { VEGA_LITE_SCHEMA } from "cxmetrics/charts";
 * VEGA_LITE_SCHEMA.endsWith("/v5.json"); // true
 * ```
 *
 * @category Charts
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * A Vega-Lite specification: plain JSON (`JSON.stringify` gives the whole spec), ready for
 * `vega-embed`, the Vega editor, Observable or any Vega-Lite renderer. In a Deno Jupyter notebook
 * it shows as a chart when it is a cell's last expression.
 *
 * @category Charts
 */
export interface VegaLiteSpec {
  /** The Vega-Lite schema, version 5. */
  readonly $schema: string;
  /** The rest of the specification. */
  readonly [key: string]: unknown;
}

/**
 * Options of {@link chart}.
 *
 * @category Charts
 */
export interface ChartOptions {
  /** The chart's title. Default: the metric, its score and interval. */
  title?: string;
  /** For a segment report or trend, the metric to draw: `"nps"`, `"csat"` or `"ces"`. Default: the first the result has. */
  metric?: string;
  /** Width in pixels. Default 480. */
  width?: number;
  /** Height in pixels. Default: by the kind of chart. */
  height?: number;
  /** A Vega colour scheme for the categories or cells (`"tableau10"`, `"viridis"`, `"redyellowgreen"`). Default: the library's colours. */
  scheme?: string;
  /** For a retention projection, the observed survival shares of periods 1, 2, … to draw beside it. */
  actual?: readonly number[];
}

const CHART_OPTIONS = ["title", "metric", "width", "height", "scheme", "actual"] as const;

/** The options, checked: unknown keys throw, sizes are positive numbers, the scheme a name. */
export function chartOptions(options: ChartOptions | undefined): Partial<ChartOptions> {
  const o = readOptions(options, "chart", CHART_OPTIONS);
  for (const key of ["width", "height"] as const) {
    const v = o[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v <= 0)) {
      throw new MetricsTypeError("INVALID_TYPE", `options.${key}`, v, "a width or height in pixels, a number above 0");
    }
  }
  for (const key of ["title", "scheme", "metric"] as const) {
    const v = o[key];
    if (v !== undefined && typeof v !== "string") throw new MetricsTypeError("INVALID_TYPE", `options.${key}`, v, "a string");
  }
  return o;
}

const DISPLAY = Symbol.for("Jupyter.display");

/**
 * The finished spec: schema, title, size and config, plus Deno's Jupyter display hook (a
 * symbol-keyed, non-enumerable method: JSON and `Object.keys` never see it) giving the
 * Vega-Lite MIME bundle with a text fallback.
 */
export function finish(
  body: Record<string, unknown>,
  o: Partial<ChartOptions>,
  title: string,
  subtitle: string,
  height: number,
): VegaLiteSpec {
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title ?? title, subtitle, anchor: "start" },
    width: o.width ?? 480,
    height: o.height ?? height,
    ...body,
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 14, subtitleColor: "#555" } },
  };
  Object.defineProperty(spec, DISPLAY, {
    enumerable: false,
    value: () => ({
      "application/vnd.vegalite.v5+json": JSON.parse(JSON.stringify(spec)),
      "text/plain": `${o.title ?? title}\n${subtitle}`,
    }),
  });
  return spec;
}
