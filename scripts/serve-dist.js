#!/usr/bin/env node
// Serves the built task pane (dist/) over plain http on 127.0.0.1, for standalone mode in a browser and for the
// end-to-end tests. Node's http only: no dependency. Usage: node scripts/serve-dist.js [--port 3001] [--dir dist] [--build]
// (--build: run `npm run build` first when dist/ has no task pane yet).
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Starts a static server for `dir` on 127.0.0.1:`port` (0 picks a free port). Resolves with the server and its
 * base URL once it is listening.
 */
function serveDist({ dir = path.join(__dirname, "..", "dist"), port = 3001, host = "127.0.0.1" } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") pathname = "/taskpane.html";
    const file = path.resolve(root, `.${pathname}`);
    // Never serve anything outside dist/.
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

module.exports = { serveDist };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
  };
  const dir = path.resolve(option("dir", path.join(__dirname, "..", "dist")));
  if (!fs.existsSync(path.join(dir, "taskpane.html"))) {
    if (!args.includes("--build")) {
      console.error(`No task pane build in ${path.relative(process.cwd(), dir) || dir}: run "npm run build" first.`);
      process.exit(1);
    }
    console.log("No build yet: building the task pane first (npm run build).");
    const built = require("child_process").spawnSync("npm", ["run", "build"], {
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (built.status !== 0) process.exit(built.status || 1);
  }
  serveDist({ dir, port: Number(option("port", process.env.PORT || 3001)) })
    .then(({ url }) => {
      console.log(`Consortium Tracker (standalone mode): ${url}taskpane.html`);
      console.log("Press Ctrl+C to stop.");
    })
    .catch((error) => {
      console.error(`Could not start the server: ${error.message}`);
      process.exit(1);
    });
}
