import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billingChanges, demoCharts, surveyRecords } from "../../examples/demo-charts.mjs";
import * as charts from "../../src/charts/index.ts";
import * as lib from "../../src/index.ts";

// A real browser: Debian's chromium, headless, loads a page that embeds the demo survey's specs
// with vega-embed (Vega, Vega-Lite and vega-embed from node_modules, as a user's page would),
// reports any error the page logged, and draws them; the screenshot is docs/images/charts-browser.png.
const root = resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
let dir = "";
let specs: Record<string, { call: string; spec: object }>;

beforeAll(() => {
  if (!statSync(CHROMIUM, { throwIfNoEntry: false })) {
    throw new Error("This test needs Debian's chromium (apt-get install -y chromium), as npm run test:browser says; .ci/run installs it.");
  }
  dir = mkdtempSync(join(tmpdir(), "cxmetrics-browser-"));
  for (const [pkg, file] of [
    ["vega", "build/vega.min.js"],
    ["vega-lite", "build/vega-lite.min.js"],
    ["vega-embed", "build/vega-embed.min.js"],
  ]) {
    copyFileSync(join(root, "node_modules", pkg!, file!), join(dir, `${pkg}.js`));
  }
  const records = surveyRecords(readFileSync(join(root, "examples/data/survey.csv"), "utf8"));
  const changes = billingChanges(readFileSync(join(root, "examples/data/billing.csv"), "utf8"));
  specs = demoCharts(lib, charts, records, changes);
  const embeds = Object.entries(specs)
    .map(([name, { spec }]) => `["${name}", ${JSON.stringify(spec)}]`)
    .join(",\n");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>loading</title>
<script src="vega.js"></script><script src="vega-lite.js"></script><script src="vega-embed.js"></script>
<style>body { font-family: sans-serif; margin: 16px; } .chart { margin-bottom: 24px; }</style></head>
<body><pre id="status" style="display: none"></pre><script>
const errors = [];
window.addEventListener("error", (e) => errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));
const consoleError = console.error;
console.error = (...a) => { errors.push(a.map(String).join(" ")); consoleError(...a); };
const consoleWarn = console.warn;
console.warn = (...a) => { errors.push("warning: " + a.map(String).join(" ")); consoleWarn(...a); };
const specs = [${embeds}];
Promise.all(specs.map(([name, spec]) => {
  const div = document.createElement("div");
  div.className = "chart";
  div.id = name;
  document.body.appendChild(div);
  return vegaEmbed(div, spec, { renderer: "svg", actions: false });
})).then(() => {
  const drawn = specs.map(([name]) => {
    const svg = document.querySelector("#" + name + " svg");
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return { name, width: Math.round(box.width), height: Math.round(box.height), marks: svg ? svg.querySelectorAll(".role-mark path, .role-mark line, .role-mark text").length : 0 };
  });
  document.getElementById("status").textContent = JSON.stringify({ errors, drawn });
  document.title = "done";
}).catch((e) => { errors.push(String(e)); document.getElementById("status").textContent = JSON.stringify({ errors, drawn: [] }); document.title = "done"; });
</script></body></html>`,
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function chromium(...args: string[]): string {
  return execFileSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--allow-file-access-from-files",
      "--virtual-time-budget=15000",
      ...args,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
  );
}

describe("the demo charts in a real browser (chromium, vega-embed)", () => {
  it("draw every chart, with no error or warning logged (but the schema-version notice)", () => {
    const dom = chromium("--dump-dom", `file://${join(dir, "index.html")}`);
    const status = /<pre id="status"[^>]*>([^<]*)<\/pre>/.exec(dom);
    expect(status, "the page reported nothing").not.toBeNull();
    const { errors, drawn } = JSON.parse(status![1]!.replaceAll("&quot;", '"').replaceAll("&amp;", "&")) as {
      errors: string[];
      drawn: { name: string; width: number; height: number; marks: number }[];
    };
    // The specs name Vega-Lite v5, the version Jupyter's renderer bundles (its MIME type is
    // application/vnd.vegalite.v5+json); vega-embed with Vega-Lite 6 notes the difference, and
    // that notice is the only message allowed.
    const notice = /^warning: WARN The input spec uses Vega-Lite v5, but the current version of Vega-Lite is v6\./;
    expect(errors.filter((e) => !notice.test(e))).toEqual([]);
    expect(drawn.map((d) => d.name)).toEqual(Object.keys(specs));
    for (const d of drawn) {
      expect(d.width, d.name).toBeGreaterThan(200);
      expect(d.height, d.name).toBeGreaterThan(50);
      expect(d.marks, d.name).toBeGreaterThan(0);
    }
  }, 150_000);

  it("takes the screenshot the guide shows (docs/images/charts-browser.png)", () => {
    const shot = join(dir, "charts.png");
    chromium(`--screenshot=${shot}`, "--window-size=760,2300", "--hide-scrollbars", `file://${join(dir, "index.html")}`);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.UPDATE_DOCS) copyFileSync(shot, join(root, "docs/images/charts-browser.png"));
  }, 150_000);
});

describe("cxmetrics/charts in a page without a bundler or an import map", () => {
  it("a plain <script type=module> imports the built dist/charts.js and dist/index.js and draws a chart", () => {
    if (!statSync(join(root, "dist/charts.js"), { throwIfNoEntry: false })) {
      execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
    }
    // The built files as a static site serves them, next to the page; no import map.
    for (const f of ["index.js", "charts.js"]) copyFileSync(join(root, "dist", f), join(dir, f));
    const charts = readFileSync(join(dir, "charts.js"), "utf8");
    expect(charts).not.toMatch(/from\s*["']cxmetrics["']|import\s*\(\s*["']cxmetrics["']\s*\)/);
    writeFileSync(
      join(dir, "module.html"),
      `<!doctype html><html><head><meta charset="utf-8"><title>loading</title>
<script src="vega.js"></script><script src="vega-lite.js"></script><script src="vega-embed.js"></script></head>
<body><div id="chart"></div><pre id="status"></pre>
<script type="module">
import { npsSummary, MetricsTypeError, isMetricsError } from "./index.js";
import { chart } from "./charts.js";
const out = { errors: [] };
try {
  const spec = chart(npsSummary([10, 9, 9, 7, 3, 10, 8, 6]));
  await vegaEmbed("#chart", spec, { renderer: "svg", actions: false });
  out.marks = document.querySelectorAll("#chart svg .role-mark path, #chart svg .role-mark text").length;
  // An error thrown by the charts file is the main file's class: the brand, not the copy, decides.
  try { chart({ nope: 1 }); } catch (e) { out.sameClass = e instanceof MetricsTypeError && isMetricsError(e); out.message = e.message; }
} catch (e) { out.errors.push(String(e)); }
document.getElementById("status").textContent = JSON.stringify(out);
document.title = "done";
</script></body></html>`,
    );
    const dom = chromium("--dump-dom", `file://${join(dir, "module.html")}`);
    const status = /<pre id="status"[^>]*>([^<]*)<\/pre>/.exec(dom);
    expect(status?.[1], "the page reported nothing").toBeTruthy();
    const out = JSON.parse(status![1]!.replaceAll("&quot;", '"').replaceAll("&amp;", "&")) as {
      errors: string[];
      marks: number;
      sameClass: boolean;
      message: string;
    };
    expect(out.errors).toEqual([]);
    expect(out.marks).toBeGreaterThan(0);
    expect(out.sameClass).toBe(true);
    expect(out.message).toMatch(/^result must be/);
  }, 150_000);
});
