// The Stryker results the mutation scripts read: every report in reports/ (mutation.json, and the
// copies a run over part of src/ was saved as, mutation-<part>.json), oldest first, so that a
// file's newest results win (files no longer in src/ left out); and the equivalent mutants listed in docs/mutation-equivalents.md,
// as "file:line:column MutatorName" keys.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";

export function readReports() {
  const reports = new URL("../reports/", import.meta.url);
  const files = {};
  for (const f of readdirSync(reports)
    .filter((f) => /^mutation.*\.json$/.test(f))
    .map((f) => new URL(f, reports))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs))
    Object.assign(files, JSON.parse(readFileSync(f, "utf8")).files);
  // (A file since removed from src/ no longer counts.)
  for (const path of Object.keys(files)) if (!existsSync(new URL(`../${path}`, import.meta.url))) delete files[path];
  applyStaticVerdicts(files);
  return { files };
}

/**
 * The verdicts of scripts/mutation-static.mjs on mutants Stryker reported as survived: each
 * applies while the file's source still has the same text at the mutant's place.
 */
function applyStaticVerdicts(files) {
  const file = new URL("../reports/static.json", import.meta.url);
  if (!existsSync(file)) return;
  const verdicts = JSON.parse(readFileSync(file, "utf8"));
  for (const [path, f] of Object.entries(files)) {
    for (const m of f.mutants) {
      const v = verdicts[mutantKey(path, m)];
      if (!(m.status === "Survived" && v?.status === "Killed")) continue;
      const text = f.source.slice(...span(f.source, m.location));
      if (text !== v.original) continue;
      m.status = "Killed";
      m.statusReason = `${v.failed} tests failed with it applied by hand (scripts/mutation-static.mjs)`;
    }
  }
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
