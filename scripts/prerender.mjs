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
// fetching the assessment's chunks. It is marked `data-hashed`: pwa.mjs,
// which runs again after this, allows it in the CSP by its hash.
//
// Used by scripts/pwa.mjs (Trunk's post_build hook); also runnable alone:
//   node scripts/prerender.mjs DIR PUBLIC_URL
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";
import { chunkFiles } from "./chunk-files.mjs";

// The split point (src/ui/app.rs) whose chunks every page but the welcome page needs.
export const DEEP_LINK_SPLIT = "assessment_pages";

/**
 * The boot script. The prerendered page in index.html is the welcome page:
 * anywhere else, hide it until the app has drawn the right one, and fetch the
 * assessment's chunks (`preload`, file names) beside the main wasm instead of
 * once it runs (the welcome page is interactive without them; the app
 * fetches them once it is on screen). No comment in its text: it is part of
 * every first load.
 */
export function bootScript(preload) {
  return `if (location.pathname !== new URL(".", document.baseURI).pathname) {
  document.documentElement.classList.add("deep-link");
  for (const f of ${JSON.stringify(preload)})
    document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: new URL(f, document.baseURI).href }));
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
  const script = bootScript(await chunkFiles(dir, DEEP_LINK_SPLIT));
  const indexPath = path.join(dir, "index.html");
  fs.writeFileSync(indexPath, inject(fs.readFileSync(indexPath, "utf8"), body, script));
  return { bytes: Buffer.byteLength(body) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, publicUrl = "/"] = process.argv.slice(2);
  const r = await prerender(dir, publicUrl);
  console.log(`prerender.mjs: welcome page prerendered (${r.bytes} B)`);
}
