// Checks after `tsup` that every file package.json (and charts/package.json, for resolvers that
// ignore "exports") points at exists and is not empty. tsup reports a failed declaration build
// without failing the command, so a missing .d.ts would otherwise surface only in a packed
// tarball. Run by `npm run build`; exits 1 naming the missing files.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const targets = (value) =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(targets) : [];

const files = [];
for (const manifest of ["package.json", "charts/package.json"]) {
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  const listed = [pkg.main, pkg.module, pkg.types, ...targets(pkg.exports)].filter((path) => path?.includes("dist/"));
  files.push(...listed.map((path) => join(dirname(manifest), path)));
}

const missing = [...new Set(files)].filter((file) => {
  try {
    return statSync(file).size === 0;
  } catch {
    return true;
  }
});
if (missing.length > 0) {
  console.error(`build incomplete: ${missing.join(", ")} missing or empty (listed in package.json)`);
  process.exit(1);
}
