import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// Two entries: the main one, and cxmetrics/charts. The charts entry takes the error classes from
// the main one ("cxmetrics", resolved by the package's own exports) instead of a copy of its own,
// so that an error it throws is `instanceof MetricsTypeError` for every importer.
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
  ];
});
