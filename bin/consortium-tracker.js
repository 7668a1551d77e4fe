#!/usr/bin/env node
// Compiled by `npm ci` (the package's prepare script) into lib/.
require("../lib/src/cli/main.js").runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`consortium-tracker: ${error instanceof Error ? error.message : String(error)}`); process.exitCode = 2; }
);
