// Shared set-up for the end-to-end tests: serves dist/ under a subpath the way
// a static host does, drives Debian's Chromium through playwright-core, and
// records every request and console error so tests can assert on them.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, "../..");
export const BASE = process.env.E2E_BASE || "/thingrisk/";
export const ARTIFACTS = path.join(repo, "tests/e2e/artifacts");

const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Starts the server and the browser. Call `close()` when done. */
export async function launch({ dir = process.env.E2E_DIST || path.join(repo, "dist"), base = BASE } = {}) {
  if (!fs.existsSync(path.join(dir, "index.html")))
    throw new Error(`${dir} has no build: run the release build first (make test does)`);
  const { server, url } = await startServer({ dir, base });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const origin = new URL(url).origin;
  const pages = [];
  return {
    url,
    origin,
    browser,
    server,
    /** A fresh page (own context, so own storage) with request and error logs. */
    async page(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const log = { requests: [], foreign: [], errors: [] };
      page.on("request", (r) => {
        log.requests.push(r.url());
        const u = r.url();
        if (!u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:")) log.foreign.push(u);
      });
      page.on("console", (m) => {
        if (m.type() === "error") log.errors.push(m.text());
      });
      page.on("pageerror", (e) => log.errors.push(String(e)));
      // Content-Security-Policy violations of every document this page loads.
      log.csp = [];
      await context.exposeBinding("__e2eCsp", (_, v) => log.csp.push(v));
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__e2eCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`),
        ),
      );
      pages.push(log);
      return { page, context, log };
    },
    /** Every page's CSP violations and requests to other origins so far (both must stay empty). */
    leaks() {
      return { csp: pages.flatMap((l) => l.csp), foreign: pages.flatMap((l) => l.foreign) };
    },
    /** Closes everything; fails the file if any page broke the CSP or left the origin. */
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      const { csp, foreign } = this.leaks();
      if (csp.length || foreign.length)
        throw new Error(`CSP violations: ${JSON.stringify(csp)}; requests to other origins: ${JSON.stringify(foreign)}`);
    },
  };
}

/** Waits until the app has mounted (the main landmark has content). */
export async function appReady(page) {
  // The app's own <main> (a child of <body>), not the prerendered welcome page in #boot.
  await page.waitForSelector("body > main h1", { timeout: 20_000 });
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * The counts of the heat map captioned `caption` (a substring), read from
 * its table twin as 25 numbers, highest likelihood row first. The twin is
 * built only while open: this opens it when closed and waits for its cells.
 */
export async function heatTableCounts(page, caption) {
  const figure = page.locator("figure.heat-map", { has: page.locator("figcaption", { hasText: caption }) });
  const twin = figure.locator("details.table-twin");
  if (!(await twin.evaluate((d) => d.open))) await twin.locator("summary").click();
  const cells = twin.locator("table.heat-table tbody button");
  await cells.nth(24).waitFor({ state: "attached" });
  return (await cells.allTextContents()).map(Number);
}

/**
 * Clicks the main navigation's link `name`. On a phone the links sit behind
 * the header's "Menu" button (src/ui/app.rs): it is opened first.
 */
export async function navTo(page, name) {
  const menu = page.locator("body > header .menu-button");
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
}

/**
 * The words of table cells (th, td) in `scope` that the layout broke across
 * lines inside the word (each word's Range spans two line boxes). Breaks
 * after a hyphen or a slash are a word's own and do not count.
 */
export async function brokenWords(page, scope = "body > main") {
  return page.evaluate((scope) => {
    const out = [];
    for (const cell of document.querySelectorAll(`${scope} table th, ${scope} table td`)) {
      if (!cell.getClientRects().length) continue; // not shown
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.data.matchAll(/[^\s\-\u2010-\u2014/]+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.bottom)));
          if (lines.size > 1) out.push(`"${m[0]}" in "${cell.textContent.trim()}"`);
        }
      }
    }
    return out;
  }, scope);
}
