// The catalog data's share of the release wasm, without a second build: the
// data build.rs embedded (the JSON files, or the web app's compact copy,
// catalog.bin; whichever the wasm holds) is found verbatim in its data, blanked
// (same length, zero bytes), and the wasm compressed again; the difference is
// what the catalog data costs a download. The code that parses and validates
// it is not counted (see twiggy for that).
//
//   node scripts/catalog-share.mjs DIST CATALOG_OUT_DIR   (prints JSON)
import fs from "node:fs";
import path from "node:path";
import { compressed, firstLoadFiles } from "./sizes.mjs";

const [dist, catalogDir] = process.argv.slice(2);
if (!dist || !catalogDir || !fs.existsSync(catalogDir)) {
  console.error("usage: node scripts/catalog-share.mjs DIST CATALOG_OUT_DIR (build.rs output: <target>/wasm32-unknown-unknown/release/build/thingrisk-*/out/catalog)");
  process.exit(2);
}
// The main wasm: the one the page loads at start (as scripts/sizes.mjs finds
// it), not one of the lazy pages' chunks.
const wasmName = firstLoadFiles(dist).files.find((f) => f.endsWith(".wasm"));
if (!wasmName) {
  console.error(`catalog-share: ${dist} loads no wasm at start`);
  process.exit(1);
}
const wasm = fs.readFileSync(path.join(dist, wasmName));
const blanked = Buffer.from(wasm);
const candidates = fs.readdirSync(catalogDir).filter((f) => /\.(json|bin)$/.test(f)).sort();
let json = 0;
const files = [];
for (const f of candidates) {
  const data = fs.readFileSync(path.join(catalogDir, f));
  const at = data.length ? blanked.indexOf(data) : -1;
  if (at < 0) continue;
  files.push(f);
  json += data.length;
  blanked.fill(0, at, at + data.length);
}
// Since the compact copy, the JSON files are not in the wasm: not a problem.
// None of them at all means the wrong file or a changed embedding: say so
// rather than report a share of zero.
if (!files.length) {
  console.error(`catalog-share: none of ${candidates.join(", ")} from ${catalogDir} is in ${wasmName}`);
  process.exit(1);
}
const all = Buffer.concat(files.map((f) => fs.readFileSync(path.join(catalogDir, f))));
const before = compressed(wasm);
const after = compressed(blanked);
console.log(
  JSON.stringify(
    {
      wasm: wasmName,
      files: files.length,
      embedded: files,
      json_raw: json,
      json_alone: compressed(all),
      wasm_before: before,
      wasm_without_catalog_data: after,
      share: { raw: json, gzip: before.gzip - after.gzip, brotli: before.brotli - after.brotli },
    },
    null,
    1,
  ),
);
