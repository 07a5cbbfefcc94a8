import { defineConfig } from "vitest/config";

// The real-browser check: Debian's chromium, headless, draws the demo charts with vega-embed
// (test/charts/browser.test.ts). .ci/run installs chromium and runs it; locally:
// apt-get install -y chromium && npm run test:browser.
export default defineConfig({
  test: {
    include: ["test/charts/browser.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
