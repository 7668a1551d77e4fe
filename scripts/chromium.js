// The system's Chromium for the browser tests, the pane benchmark and the screenshots: headless, no sandbox (it
// runs as root in CI), and nothing of its own reaching the network. CHROMIUM_PATH overrides /usr/bin/chromium.
"use strict";
const { chromium } = require("playwright-core");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/** Starts Chromium; resolves with playwright-core's Browser. */
function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Lets a browser context reach only this machine's own server; `refused(host)` hears of anything else. */
function localOnly(context, refused = () => {}) {
  return context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "127.0.0.1" || host === "localhost") return route.continue();
    refused(host);
    return route.abort();
  });
}

module.exports = { launchChromium, localOnly };
