#!/usr/bin/env node
// Lists the built bundles in dist/ with their size and gzip size, largest first, so a change that bloats the
// task pane shows up in the build output. Usage: node scripts/bundle-size.js [dist-folder]
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
if (!fs.existsSync(dist)) {
  console.error(`No build found at ${path.relative(process.cwd(), dist) || dist}: run "npm run build" first.`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = fs
  .readdirSync(dist)
  .filter((name) => name.endsWith(".js"))
  .map((name) => {
    const bytes = fs.readFileSync(path.join(dist, name));
    return { name, size: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.size - a.size);

const width = Math.max(6, ...rows.map((row) => row.name.length));
console.log(`${"Bundle".padEnd(width)}  ${"Size".padStart(10)}  ${"Gzip".padStart(10)}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${kb(row.size).padStart(10)}  ${kb(row.gzip).padStart(10)}`);
}
const total = rows.reduce((sum, row) => ({ size: sum.size + row.size, gzip: sum.gzip + row.gzip }), {
  size: 0,
  gzip: 0,
});
console.log(`${"Total".padEnd(width)}  ${kb(total.size).padStart(10)}  ${kb(total.gzip).padStart(10)}`);
