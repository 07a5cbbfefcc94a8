import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// Two entries: the main one, and cxmetrics/charts.
const common: Options = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
};

// tsup builds the two entries at the same time, so neither may use `clean`: the main entry's clean
// removes every `*.d.ts` in dist when its declaration build starts, and on a busy machine that can
// come after the charts entry has written dist/charts.d.ts (one CI run packed a tarball without it).
// dist is emptied once here, before either build starts; scripts/check-dist.mjs then checks that
// every file package.json points at was written.
export default defineConfig((): Options[] => {
  rmSync("dist", { recursive: true, force: true });
  return [
    { ...common, entry: { index: "src/index.ts" } },
    // The charts entry is self-contained: it imports nothing, so a page can load dist/charts.js with
    // a plain <script type="module"> and no import map. Its copy of the error classes is the same
    // class to every importer: `instanceof` checks the Symbol.for("cxmetrics.error") brand.
    { ...common, entry: { charts: "src/charts/index.ts" } },
  ];
});
