// Minifies the wasm-bindgen JS glue of a Trunk build (about 62 KB of readable
// JS with comments: -2.3 KB gzip on the first load). Trunk copies the glue as
// wasm-bindgen writes it and has no minify step for it, so scripts/pwa.mjs
// runs this first, on the staged build, before it moves the inline loader out.
//
// The minified glue gets a new name carrying the sha256 of its content (a
// changed file under Trunk's old hashed name could be served stale from HTTP
// or service-worker caches), every reference in index.html follows, and the
// SRI hashes of the tags that load it are computed again. A glue whose name
// already carries the hash of its content is this step's own output, so a
// rerun on a finished build changes nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { minify_sync } from "terser";

const sha = (algo, data, enc = "hex") => crypto.createHash(algo).update(data).digest(enc);

/** The glue's file name: what Trunk's inline loader imports `init` from. */
export function glueName(html) {
  const m = html.match(/\bimport init, \* as bindings from '([^']*?)([^/']+-[0-9a-f]{16}\.js)'/);
  return m ? m[2] : null;
}

/** Minified ES module source; export names and properties are kept as they are. */
export function minifyJs(code) {
  const out = minify_sync(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  return out.code + "\n";
}

/** Sets integrity="sha384-…" on every <link>/<script> tag that names `file`. */
export function setIntegrity(html, file, content) {
  const integrity = `sha384-${sha("sha384", content, "base64")}`;
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) =>
    tag.includes(file) ? tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`) : tag,
  );
}

/** Minifies the glue in `dir` and returns index.html's new text (the caller writes it). */
export function minifyGlue(dir, html) {
  const old = glueName(html);
  if (!old) return html; // the loader is a file already: pwa.mjs has run on this build
  const code = fs.readFileSync(path.join(dir, old), "utf8");
  if (old.includes(`-${sha("sha256", code).slice(0, 16)}.js`)) return html; // ours already
  const min = minifyJs(code);
  const name = old.replace(/-[0-9a-f]{16}\.js$/, `-${sha("sha256", min).slice(0, 16)}.js`);
  fs.writeFileSync(path.join(dir, name), min);
  if (name !== old) fs.rmSync(path.join(dir, old));
  return setIntegrity(html.replaceAll(old, name), name, min);
}
