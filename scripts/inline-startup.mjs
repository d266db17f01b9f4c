// Puts what the first paint and the app's start need into index.html itself,
// so that neither waits for another round trip: the stylesheet (a
// render-blocking file otherwise) and the loader that starts the app (Trunk's
// inline `<script type="module">`, rewritten here). scripts/prerender.mjs adds
// the third inline script, the boot script. Each is marked `data-hashed`, and
// scripts/pwa.mjs allows exactly these in the CSP by their sha256 (no
// 'unsafe-inline').
//
// The loader starts the wasm download itself, in place of Trunk's
// `<link rel=preload>` in <head>. It fetches the wasm before it imports the
// glue, so the two download side by side as with the preload. When the
// prerendered welcome page is on screen, the loader first lets that page be
// painted (one frame): the 200 KB wasm then takes no bandwidth from the first
// paint, and Lighthouse does not count it towards that paint's LCP (it counts
// every request that ended before the paint). On any other page there is
// nothing to paint first, so it starts at once. Measured on a slow-4G-like
// link at 4x CPU (see the issue notes): first paint 0.33-0.95 s instead of
// 0.83-1.06 s, the app's own welcome page at about the same time as before.
//
// Used by scripts/pwa.mjs (step 1); idempotent, as that script is.
import fs from "node:fs";
import path from "node:path";
import { glueName, wasmName, stylesheetNames, integrity } from "./minify.mjs";

/**
 * The loader: `glue` and `wasm` are URLs, `integrity` the wasm's SRI hash.
 * No comments in its text: it is part of every first load.
 */
export function loaderScript({ glue, wasm, integrity }) {
  return `if (document.visibilityState === "visible" && document.getElementById("boot") && !document.documentElement.classList.contains("deep-link"))
  await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 100); });
const wasm = fetch(${JSON.stringify(wasm)}, { integrity: ${JSON.stringify(integrity)} });
const bindings = await import(${JSON.stringify(glue)});
const instance = await bindings.default({ module_or_path: wasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
`;
}

/** Trunk's stylesheet links become `<style>` with the file's content; the files go. */
export function inlineStylesheets(dir, html) {
  return html.replace(/<link\b[^>]*>/g, (tag) => {
    const [file] = stylesheetNames(tag);
    if (!file) return tag;
    const css = fs.readFileSync(path.join(dir, file), "utf8");
    if (/<\/style/i.test(css)) throw new Error(`inline-startup: ${file} contains "</style": cannot inline it`);
    fs.rmSync(path.join(dir, file));
    return `<style data-hashed>${css.trim()}</style>`;
  });
}

/** Trunk's loader becomes `loaderScript`, and its <link rel=preload> of the wasm goes. */
export function inlineLoader(dir, html, publicUrl) {
  const trunk = html.match(/<script type="module">(?=[^<]*\bimport init\b)[\s\S]*?<\/script>/);
  if (!trunk) return html; // done already (or no app in this page)
  const glue = glueName(trunk[0]);
  const wasm = wasmName(trunk[0]);
  if (!glue || !wasm) throw new Error("inline-startup: cannot find the glue and wasm names in Trunk's loader: has its form changed?");
  const body = loaderScript({
    glue: publicUrl + glue,
    wasm: publicUrl + wasm,
    integrity: integrity(fs.readFileSync(path.join(dir, wasm))),
  });
  html = html.replace(trunk[0], () => `<script type="module" data-hashed>${body}</script>`);
  let preloads = 0;
  html = html.replace(/\s*<link\b[^>]*>/g, (tag) =>
    /\brel="preload"/.test(tag) && tag.includes(wasm) ? (preloads++, "") : tag,
  );
  if (!preloads) throw new Error("inline-startup: Trunk's preload of the wasm not found: has its form changed?");
  return html;
}

/** Both steps on index.html's text `html` of the build in `dir`; returns the new text. */
export function inlineStartup(dir, html, publicUrl) {
  return inlineLoader(dir, inlineStylesheets(dir, html), publicUrl);
}
