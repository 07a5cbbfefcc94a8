import { defineConfig } from "tsup";

// Two entries: the main one, and cxmetrics/charts. The charts entry takes the error classes from
// the main one ("cxmetrics", resolved by the package's own exports) instead of a copy of its own,
// so that an error it throws is `instanceof MetricsTypeError` for every importer.
const common = {
  format: ["esm", "cjs"] as ("esm" | "cjs")[],
  dts: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
};

export default defineConfig([
  { ...common, entry: { index: "src/index.ts" }, clean: true },
  {
    ...common,
    entry: { charts: "src/charts/index.ts" },
    external: ["cxmetrics"],
    esbuildPlugins: [
      {
        name: "errors-from-the-main-entry",
        setup(build) {
          build.onResolve({ filter: /[/\\]errors\.ts$|^\.\.?\/(\.\.\/)*errors\.ts$/ }, () => ({ path: "cxmetrics", external: true }));
        },
      },
    ],
  },
]);
