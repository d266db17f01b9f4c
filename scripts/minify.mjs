// Minifies what Trunk ships as written: the wasm-bindgen JS glue (about 62 KB
// of readable JS with comments), the lazy pages' chunk loader it imports
// (scripts/wasm-split) and the stylesheet. Trunk's own minifier
// would also rewrite index.html (unquoted attributes, no <head>), which the
// regular expressions of pwa.mjs and prerender.mjs do not expect, so it
// stays off and scripts/pwa.mjs runs this first, on the staged build, before
// scripts/inline-startup.mjs rewrites the loader and inlines the stylesheet.
// esbuild does both kinds of file.
//
// Each minified file gets a new name carrying the sha256 of its content (a
// changed file under Trunk's old hashed name could be served stale from HTTP
// or service-worker caches), every reference in index.html follows, and the
// SRI hashes of the tags that load it are computed again. The wasm gets the
// same kind of name: Trunk hashes the wasm rustc wrote, before wasm-bindgen
// and wasm-opt, so a release that only changes their versions or flags would
// ship new bytes under the old name. A file whose name already carries the
// hash of its content is this step's own output, so a rerun on a finished
// build changes nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";

const sha = (algo, data, enc = "hex") => crypto.createHash(algo).update(data).digest(enc);
// Trunk's file hashes are 64-bit numbers in hex without leading zeros (1 to 16
// digits); the names this step gives are always 16.
const HASHED = /-([0-9a-f]{1,16})\.(js|css)$/;

/** The glue's file name: what Trunk's inline loader imports `init` from. */
export function glueName(html) {
  const m = html.match(/\bimport init, \* as bindings from '[^']*?([^/']+-[0-9a-f]{1,16}\.js)'/);
  return m ? m[1] : null;
}

/** The wasm's file name: what Trunk's inline loader passes to `init`. */
export function wasmName(html) {
  const m = html.match(/\bmodule_or_path: '[^']*?([^/']+-[0-9a-f]{1,16}_bg\.wasm)'/);
  return m ? m[1] : null;
}

/** File names of the stylesheets index.html links. */
export function stylesheetNames(html) {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map(([tag]) => (tag.match(/\bhref="[^"]*?([^/"]+-[0-9a-f]{1,16}\.css)"/) || [])[1])
    .filter(Boolean);
}

/** Minified source: an ES module (export names and properties kept as they are) or CSS. */
export function minifySource(code, kind) {
  const options = kind === "css" ? { loader: "css" } : { loader: "js", format: "esm", target: "es2020" };
  return transformSync(code, { ...options, minify: true, legalComments: "none" }).code;
}

/** The SRI hash of `content`: "sha384-…". */
export const integrity = (content) => `sha384-${sha("sha384", content, "base64")}`;

/** Sets integrity="sha384-…" on every <link>/<script> tag that names `file`. */
export function setIntegrity(html, file, content) {
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) =>
    tag.includes(file) ? tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity(content)}"`) : tag,
  );
}

/**
 * Minifies `file` in `dir` under a new hashed name; returns that name and
 * content, or null if done already (`always`: for files named after their
 * content before minifying, as scripts/wasm-split names the chunk loader).
 */
function minifyRenamed(dir, file, always = false) {
  const [, hash, kind] = file.match(HASHED);
  const code = fs.readFileSync(path.join(dir, file), "utf8");
  if (!always && sha("sha256", code).startsWith(hash)) return null; // ours already
  const min = minifySource(code, kind);
  const name = file.replace(HASHED, `-${sha("sha256", min).slice(0, 16)}.${kind}`);
  fs.writeFileSync(path.join(dir, name), min);
  if (name !== file) fs.rmSync(path.join(dir, file));
  return { name, min };
}

/** Minifies `file` in `dir` under a new hashed name; returns index.html's new text. */
function minifyFile(dir, html, file) {
  const done = minifyRenamed(dir, file);
  return done ? setIntegrity(html.replaceAll(file, done.name), done.name, done.min) : html;
}

/** The lazy pages' chunk loaders the glue imports (scripts/wasm-split): `__wasm_split-<hash>.js`. */
export function splitLoaderNames(glue) {
  return [...new Set([...glue.matchAll(/["']\.\/(__wasm_split-[0-9a-f]{16}\.js)["']/g)].map((m) => m[1]))];
}

/**
 * Minifies the chunk loaders the glue `file` imports, and points the glue at
 * their new names. Runs once per build: with the glue, before it is minified.
 */
function minifySplitLoaders(dir, file) {
  const gluePath = path.join(dir, file);
  const glue = fs.readFileSync(gluePath, "utf8");
  let next = glue;
  for (const loader of splitLoaderNames(glue)) {
    const done = minifyRenamed(dir, loader, true);
    if (done) next = next.replaceAll(loader, done.name);
  }
  if (next !== glue) fs.writeFileSync(gluePath, next);
}

/** Renames the wasm `file` in `dir` after its content; returns index.html's new text (its SRI hash stays right). */
function nameWasm(dir, html, file) {
  const [, hash] = file.match(/-([0-9a-f]{1,16})_bg\.wasm$/);
  const content = sha("sha256", fs.readFileSync(path.join(dir, file))).slice(0, 16);
  if (content === hash) return html;
  const name = file.replace(/-[0-9a-f]{1,16}_bg\.wasm$/, `-${content}_bg.wasm`);
  fs.renameSync(path.join(dir, file), path.join(dir, name));
  return html.replaceAll(file, name);
}

/**
 * Minifies the glue and the stylesheets of the build in `dir` and names the
 * wasm after its content; returns index.html's new text (the caller writes it).
 */
export function minifyAssets(dir, html) {
  // Once Trunk's loader is gone (pwa.mjs has run on this build) glue and wasm are done.
  const glue = glueName(html);
  const wasm = wasmName(html);
  // Trunk's inline loader is still here but its names were not understood:
  // fail rather than ship an unminified build (as a 15-digit hash once did).
  if (/\bimport init\b/.test(html) && !(glue && wasm))
    throw new Error("minify.mjs: cannot find the glue and wasm names in Trunk's loader: has its form changed?");
  // The glue names the chunk loaders, so they go first (the glue's hash then covers their names).
  if (glue) minifySplitLoaders(dir, glue);
  for (const file of [...(glue ? [glue] : []), ...stylesheetNames(html)]) html = minifyFile(dir, html, file);
  return wasm ? nameWasm(dir, html, wasm) : html;
}
