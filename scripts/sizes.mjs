// Sizes of a release build: every file raw, gzip -9 and brotli (quality 11),
// and the first-load set: what a browser fetches before the welcome page is
// interactive (index.html and the scripts, styles, icon, manifest and preloads
// it names, the glue and wasm its inline loader fetches, and the modules
// those scripts import; not the service worker's
// precache, which runs afterwards, nor the pages' wasm chunks, fetched when
// first needed (the assessment's once the welcome page is on screen, or at
// once beside the main wasm on any other page), nor apple-touch-icon, which only Safari fetches, on
// "add to home screen").
// gzip is `gzip -9` itself (node's zlib at level 9 comes out about 1% larger);
// brotli is node's built-in brotli at quality 11, so no extra tool is needed. Used by scripts/bench.sh and scripts/size-check.sh.
//
//   node scripts/sizes.mjs [dist] [--json] [--check LIMIT_BYTES]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { listFiles } from "./pwa.mjs";

/** Raw, gzip -9 and brotli-11 byte counts of a buffer. */
export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: execFileSync("gzip", ["-9c"], { input: buf, maxBuffer: 1 << 30 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}


/** A tag's attributes (quoted or not, as minified HTML has them) as an object. */
function attrs(text) {
  const out = {};
  for (const [, k, dq, sq, bare] of text.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g))
    out[k.toLowerCase()] = dq ?? sq ?? bare ?? "";
  return out;
}

/** Link relations the browser fetches while loading the page. */
const FETCHED_RELS = new Set(["stylesheet", "icon", "modulepreload", "preload", "manifest"]);

/**
 * The first-load set: index.html plus every build file it names with
 * <script src> or a fetched <link rel>, resolved against the public URL (the
 * <base href>). Names that are not in the build are reported, not guessed.
 */
export function firstLoadFiles(dir) {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const tags = (name) => [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "gi"))].map(([, a]) => attrs(a));
  const base = (tags("base")[0] || {}).href || "/";
  const files = new Set(["index.html"]);
  const missing = [];
  const add = (url) => {
    if (/^[a-z]+:/i.test(url) || url.startsWith("//")) return; // another origin: not ours
    let rel = url.startsWith("/") ? url : base + url;
    if (rel.startsWith(base)) rel = rel.slice(base.length);
    else rel = rel.replace(/^\//, "");
    rel = rel.split(/[?#]/)[0];
    if (fs.existsSync(path.join(dir, rel))) files.add(rel);
    else missing.push(url);
  };
  for (const a of tags("script")) if (a.src) add(a.src);
  for (const a of tags("link")) {
    const rel = (a.rel || "").toLowerCase().split(/\s+/);
    if (a.href && rel.some((r) => FETCHED_RELS.has(r))) add(a.href);
  }
  // The loader (an inline module script: Trunk's, or the one
  // scripts/inline-startup.mjs writes) imports the glue and fetches the wasm:
  // follow its string literals. The boot script, a classic script, only
  // names the chunks a deep link preloads: not the welcome page's load.
  for (const [, a, js] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (attrs(a).type !== "module" || attrs(a).src) continue;
    for (const [, url] of js.matchAll(/['"]([^'"]+\.(?:js|wasm))['"]/g)) add(url);
  }
  // A module's static imports load before it runs (the glue imports the lazy
  // pages' chunk loader, scripts/wasm-split): follow them. The wasm chunks
  // that loader names (`new URL("./x.wasm", import.meta.url)`) are fetched
  // only when a lazy page is first visited: listed as such, not counted.
  const lazy = new Set();
  const queue = [...files].filter((f) => f.endsWith(".js"));
  while (queue.length) {
    const f = queue.pop();
    const js = fs.readFileSync(path.join(dir, f), "utf8");
    const near = (spec) => path.posix.join(path.posix.dirname(f), spec);
    for (const [, spec] of js.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      const rel = near(spec);
      if (files.has(rel)) continue;
      if (fs.existsSync(path.join(dir, rel))) files.add(rel), queue.push(rel);
      else missing.push(spec);
    }
    for (const [, spec] of js.matchAll(/\bnew URL\(\s*["'](\.{1,2}\/[^"']+\.wasm)["']\s*,\s*import\.meta\.url/g))
      if (fs.existsSync(path.join(dir, near(spec)))) lazy.add(near(spec));
  }
  return { files: [...files].sort(), lazy: [...lazy].filter((f) => !files.has(f)).sort(), missing };
}

/** The whole table as data. */
export function measure(dir) {
  const first = firstLoadFiles(dir);
  const rows = listFiles(dir).map((f) => ({
    file: f,
    first: first.files.includes(f),
    lazy: first.lazy.includes(f),
    ...compressed(fs.readFileSync(path.join(dir, f))),
  }));
  const sum = (list) =>
    list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });
  return {
    rows,
    total: sum(rows),
    firstLoad: sum(rows.filter((r) => r.first)),
    lazy: { files: first.lazy.length, ...sum(rows.filter((r) => r.lazy)) },
    missing: first.missing,
  };
}

const kb = (n) => (n / 1024).toFixed(1);

/** Markdown table of `measure(dir)`. */
export function markdown(m) {
  const lines = [
    "| file | first load | raw B | gzip -9 B | brotli B |",
    "|---|:-:|--:|--:|--:|",
    ...m.rows.map((r) => `| ${r.file} | ${r.first ? "yes" : r.lazy ? "on demand" : ""} | ${r.raw} | ${r.gzip} | ${r.brotli} |`),
    `| **all files** | | ${m.total.raw} | ${m.total.gzip} | ${m.total.brotli} |`,
    `| **pages' chunks** (${m.lazy.files}, fetched after the first load, when first needed) | | ${m.lazy.raw} | ${m.lazy.gzip} | ${m.lazy.brotli} |`,
    `| **first-load transfer** | | **${m.firstLoad.raw}** (${kb(m.firstLoad.raw)} KiB) | **${m.firstLoad.gzip}** (${kb(m.firstLoad.gzip)} KiB) | **${m.firstLoad.brotli}** (${kb(m.firstLoad.brotli)} KiB) |`,
  ];
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--check") || "dist";
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    console.error(`${dir} has no index.html: build first`);
    process.exit(2);
  }
  const m = measure(dir);
  if (m.missing.length) console.error(`warning: index.html names files not in ${dir}: ${m.missing.join(", ")}`);
  if (args.includes("--json")) {
    console.log(JSON.stringify(m, null, 1));
  } else {
    console.log(markdown(m));
  }
  const at = args.indexOf("--check");
  if (at >= 0) {
    const limit = Number(args[at + 1]);
    if (!Number.isFinite(limit) || limit <= 0) {
      console.error("--check needs a limit in bytes");
      process.exit(2);
    }
    const { gzip } = m.firstLoad;
    if (gzip > limit) {
      console.error(
        `\nSIZE CHECK FAILED: first-load transfer is ${gzip} B gzip -9, over the limit of ${limit} B ` +
          `(scripts/size-budget.txt) by ${gzip - limit} B. Find what grew (make bench, twiggy) before raising the limit.`,
      );
      process.exit(1);
    }
    console.log(`\nsize check: first-load transfer ${gzip} B gzip -9 <= limit ${limit} B (${limit - gzip} B to spare)`);
  }
}
