// The mutation results the scripts read, kept in git so that they outlive the machine a run was
// made on: test/mutation/results.json holds, per file of src/, the SHA-256 of the source the run
// mutated, how many mutants were killed and rejected by the type checker, and every mutant left
// alive (survived or not covered) with its place and replacement. `node scripts/mutation-save.mjs`
// merges a Stryker report (reports/mutation.json) into it; scripts/mutation-static.mjs records
// its verdicts in it. Also: the equivalent mutants listed in docs/mutation-equivalents.md, as
// "file:line:column MutatorName" keys.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

export const RESULTS = new URL("../test/mutation/results.json", import.meta.url);

/** The SHA-256 of a file's text, hex. */
export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** The text of a file of the repository, or undefined when it is gone. */
export function sourceOf(path) {
  const file = new URL(`../${path}`, import.meta.url);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/**
 * The saved results, files since removed from src/ left out. Each file gets `current`: whether
 * its source is still the one the run mutated (when not, its figures predate a change).
 */
export function readResults() {
  const saved = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  const files = {};
  for (const [path, file] of Object.entries(saved)) {
    const source = sourceOf(path);
    if (source !== undefined) files[path] = { ...file, current: sha256(source) === file.sha256 };
  }
  return files;
}

/** Writes the results, files and mutants in a stable order so that a diff shows what changed. */
export function writeResults(files) {
  const sorted = {};
  for (const path of Object.keys(files).sort()) {
    const { current, ...file } = files[path];
    file.alive.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    sorted[path] = file;
  }
  mkdirSync(new URL(".", RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(sorted, null, 2)}\n`);
}

export function readEquivalents() {
  const file = new URL("../docs/mutation-equivalents.md", import.meta.url);
  if (!existsSync(file)) return new Set();
  return new Set([...readFileSync(file, "utf8").matchAll(/^- (\S+:\d+:\d+) (\w+):/gm)].map((m) => `${m[1]} ${m[2]}`));
}

/** The key of a mutant in docs/mutation-equivalents.md. */
export const mutantKey = (path, mutant) => `${path}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}`;

/** The offsets [from, to) of a mutant's location (1-based lines and columns) in its file's source. */
export function span(source, { start, end }) {
  const offset = ({ line, column }) => {
    let at = 0;
    for (let l = 1; l < line; l++) at = source.indexOf("\n", at) + 1;
    return at + column - 1;
  };
  return [offset(start), offset(end)];
}
