// After `changeset version` bumps package.json, copy the version into jsr.json so npm and JSR
// publish the same release. Run by `npm run version-packages`.
import { readFileSync, writeFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));
const jsr = JSON.parse(readFileSync("jsr.json", "utf8"));
jsr.version = version;
writeFileSync("jsr.json", `${JSON.stringify(jsr, null, 2)}\n`);
console.log(`jsr.json version set to ${version}`);
