// Prerenders the welcome page into index.html at build time, so a first visit
// shows real content as soon as the HTML and CSS arrive instead of after the
// whole wasm has downloaded (slow networks, Lighthouse's LCP).
//
// The app itself is the only source: this loads the finished build in
// headless Chromium with empty storage, takes the page the app drew (header,
// welcome page, footer) and places it in <div id="boot"> in index.html.
// src/ui/mod.rs removes that div just before the app mounts, so the switch
// happens in one task with nothing in between to paint. On any address other
// than the app's root, the boot script (inline and sync, first in <head>)
// marks the page before first paint and the CSS hides the prerendered
// welcome, so a deep link never flashes the wrong page; it also starts
// fetching that page's chunks (and hands them to the chunk loader). It is marked `data-hashed`: pwa.mjs,
// which runs again after this, allows it in the CSP by its hash.
//
// Used by scripts/pwa.mjs (Trunk's post_build hook); also runnable alone:
//   node scripts/prerender.mjs DIR PUBLIC_URL
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";
import { chunkFiles } from "./chunk-files.mjs";

/**
 * Which split point's chunks (src/ui/app.rs) a deep link preloads, by the
 * first segment of its path below the public URL: the rarely used pages', or
 * else the assessment's. It follows `page()` in app.rs; an e2e test
 * (lazy.test.mjs) opens every route and checks the preload against what the
 * app fetches.
 */
export const DEEP_LINK_SPLITS = [
  { split: "more_pages", segments: ["data", "training", "report", "catalog", "supply"] },
  { split: "assessment_pages", segments: null },
];

/** Where the boot script keeps a click made before the app runs; src/ui/early_click.rs reads it. */
export const EARLY_CLICK = "__thingriskEarlyClick";

/**
 * The boot script. The prerendered page in index.html is the welcome page:
 * anywhere else, hide it until the app has drawn the right one, and fetch
 * that page's chunks beside the main wasm instead of once it runs (`groups`:
 * DEEP_LINK_SPLITS with the file names of each split as `files`). The
 * welcome page needs no chunk (the app fetches the assessment's once it is on
 * screen).
 *
 * The chunks are fetched by the script itself, and the chunk loader's own
 * `fetch` of the same URL (scripts/wasm-split) is handed that response, once;
 * then `fetch` is the browser's again. Not `<link rel=preload as=fetch>`:
 * WebKit never gives a preload to `fetch()`, so it downloaded every chunk
 * twice (tests/xengine).
 *
 * A click on a link or action button of the prerendered page, made before
 * the app runs (seconds on a slow link), is not lost: the element is marked
 * busy, the page's live region says so to screen readers, the click is
 * kept, and the app does it on its own copy once it is on screen
 * (src/ui/early_click.rs). A link is not followed meanwhile: that would
 * start the whole download again.
 *
 * No comment in its text: it is part of every first load.
 */
export function bootScript(groups) {
  const table = groups.map(({ segments, files }) => [segments, files]);
  return `{
  addEventListener("click", (e) => {
    const el = e.target.closest?.("#boot [data-action], #boot a[href]:not([href^='#'])");
    if (!el || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    document.querySelector("#boot [aria-busy]")?.removeAttribute("aria-busy");
    el.setAttribute("aria-busy", "true");
    const live = document.querySelector("#boot .notices");
    if (live) live.replaceChildren(Object.assign(document.createElement("p"), { className: "visually-hidden", textContent: "ThingRisk is still loading: this opens in a moment." }));
    window.${EARLY_CLICK} = el.dataset.action ? "action:" + el.dataset.action : "href:" + el.getAttribute("href");
  }, true);
  const base = new URL(".", document.baseURI).pathname;
  if (location.pathname !== base) {
    document.documentElement.classList.add("deep-link");
    const first = location.pathname.slice(base.length).split("/")[0];
    const early = new Map();
    for (const f of ${JSON.stringify(table)}.find(([s]) => !s || s.includes(first))[1]) {
      const url = new URL(f, document.baseURI).href;
      const response = fetch(url);
      response.catch(() => {});
      early.set(url, response);
    }
    const plain = fetch;
    window.fetch = (input, init) => {
      const response = !init && early.get(String(input));
      if (!response) return plain(input, init);
      early.delete(String(input));
      if (!early.size) window.fetch = plain;
      return response;
    };
  }
}
`;
}

/** The body the app draws at its root with empty storage, without scripts and Leptos' empty comment markers. */
export async function renderWelcome(dir, base) {
  const { chromium } = await import("playwright-core");
  const { server, url } = await startServer({ dir, base });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.locator("body > main h1").waitFor({ timeout: 30_000 });
    if (errors.length) throw new Error(`the app failed while prerendering: ${errors.join("; ")}`);
    return await page.evaluate(() =>
      [...document.body.children]
        .filter((e) => !["SCRIPT", "NOSCRIPT"].includes(e.tagName) && e.id !== "boot")
        .map((e) => e.outerHTML.replace(/<!---->/g, ""))
        .join("\n"),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Puts `body` into index.html's <div id="boot"> (replacing an earlier one)
 * and the boot script `script` first in <head>. Returns the new HTML.
 */
export function inject(html, body, script) {
  html = html.replace(/\n?<div id="boot">[\s\S]*?<\/div><!--\/boot-->/, "");
  html = html.replace(/\n?\s*<script data-hashed data-boot>[\s\S]*?<\/script>/, "");
  const tag = `<script data-hashed data-boot>${script}</script>`;
  html = html.replace(/(<base [^>]*>)/, (base) => `${base}\n    ${tag}`);
  if (!html.includes(tag)) throw new Error("index.html has no <base>: cannot place the boot script");
  return html.replace(/<body>/, `<body>\n<div id="boot">${body}</div><!--/boot-->`);
}

/** Prerenders `dir` (a finished build) in place; index.html only (pwa.mjs copies it to 404.html). */
export async function prerender(dir, publicUrl) {
  const body = await renderWelcome(dir, publicUrl);
  if (!/<main[\s>]/.test(body)) throw new Error("prerendering found no <main> in the page the app drew");
  const groups = [];
  for (const g of DEEP_LINK_SPLITS) groups.push({ ...g, files: await chunkFiles(dir, g.split) });
  const script = bootScript(groups);
  const indexPath = path.join(dir, "index.html");
  fs.writeFileSync(indexPath, inject(fs.readFileSync(indexPath, "utf8"), body, script));
  return { bytes: Buffer.byteLength(body) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, publicUrl = "/"] = process.argv.slice(2);
  const r = await prerender(dir, publicUrl);
  console.log(`prerender.mjs: welcome page prerendered (${r.bytes} B)`);
}
