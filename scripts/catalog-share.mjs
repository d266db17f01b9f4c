// The catalog data's share of the release wasm, without a second build: the
// JSON that build.rs embedded is found verbatim in the wasm's data, blanked
// (same length, zero bytes), and the wasm compressed again; the difference is
// what the catalog data costs a download. The code that parses and validates
// it is not counted (see twiggy for that).
//
//   node scripts/catalog-share.mjs DIST CATALOG_OUT_DIR   (prints JSON)
import fs from "node:fs";
import path from "node:path";
import { compressed } from "./sizes.mjs";

const [dist, catalogDir] = process.argv.slice(2);
if (!dist || !catalogDir || !fs.existsSync(catalogDir)) {
  console.error("usage: node scripts/catalog-share.mjs DIST CATALOG_OUT_DIR (build.rs output: <target>/wasm32-unknown-unknown/release/build/thingrisk-*/out/catalog)");
  process.exit(2);
}
const wasmName = fs.readdirSync(dist).find((f) => f.endsWith(".wasm"));
const wasm = fs.readFileSync(path.join(dist, wasmName));
const blanked = Buffer.from(wasm);
const files = fs.readdirSync(catalogDir).filter((f) => f.endsWith(".json")).sort();
let json = 0;
const missing = [];
for (const f of files) {
  const data = fs.readFileSync(path.join(catalogDir, f));
  json += data.length;
  const at = blanked.indexOf(data);
  if (at < 0) missing.push(f);
  else blanked.fill(0, at, at + data.length);
}
const all = Buffer.concat(files.map((f) => fs.readFileSync(path.join(catalogDir, f))));
const before = compressed(wasm);
const after = compressed(blanked);
console.log(
  JSON.stringify(
    {
      wasm: wasmName,
      files: files.length,
      missing,
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
