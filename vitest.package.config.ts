import { defineConfig } from "vitest/config";

// The packaging suite: builds and packs the library, installs the tarball in a scratch project and
// imports it from CommonJS, ESM, Bun and Deno; checks publint, attw, size budgets, JSR, docs and
// the examples. Slower than the unit tests, so it runs in CI (`npm run test:package`).
export default defineConfig({
  test: {
    include: ["test-package/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
