// Which wasm files the lazy pages' chunk loader (scripts/wasm-split) fetches
// for one split point: its own chunk and the shared chunks it needs. Found by
// running the loader itself with a fetch that only records the URLs (and
// never answers), so no second reading of its generated code can drift from it.
//
//   node scripts/chunk-files.mjs DIR SPLIT_NAME     (prints a JSON array of file names; [] when none)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

let imports = 0;

/** The chunk files, sorted, that loading `name` fetches from the build in `dir`. */
export async function chunkFiles(dir, name) {
  const links = fs.readdirSync(dir).filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  if (links.length === 0) return [];
  if (links.length > 1) throw new Error(`chunk-files: more than one chunk loader in ${dir}: ${links}`);
  // Imported as a .mjs copy beside it (same relative URLs): a .js file outside
  // a "type": "module" package makes node warn before it reads it as a module.
  const copy = path.join(dir, `.chunk-files-${process.pid}.mjs`);
  fs.copyFileSync(path.join(dir, links[0]), copy);
  let loader;
  try {
    // A fresh instance each call (the query): the loader remembers the
    // chunks it has loaded, so a second split point would skip shared ones.
    loader = await import(`${pathToFileURL(copy).href}?${++imports}`);
  } finally {
    fs.rmSync(copy);
  }
  const load = loader[`__wasm_split_load_${name}`];
  if (typeof load !== "function") throw new Error(`chunk-files: ${links[0]} has no split point "${name}"`);
  // Stand-ins: the main module's exports (the loader reads them once a chunk's
  // dependencies are in; scripts/wasm-split/bin/wasm-bindgen adds this setter),
  // a fetch that records, and an instantiation that never ends.
  loader.__wasm_split_set_main(() => ({ __indirect_function_table: { get: () => () => {} } }));
  const seen = [];
  const real = { fetch: globalThis.fetch, instantiate: WebAssembly.instantiateStreaming };
  globalThis.fetch = (url) => {
    seen.push(path.posix.basename(new URL(url).pathname));
    return new Promise(() => {});
  };
  WebAssembly.instantiateStreaming = () => new Promise(() => {});
  try {
    load(0, 0);
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    globalThis.fetch = real.fetch;
    WebAssembly.instantiateStreaming = real.instantiate;
  }
  for (const f of seen) if (!fs.existsSync(path.join(dir, f))) throw new Error(`chunk-files: ${f} is not in ${dir}`);
  return seen.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, name] = process.argv.slice(2);
  console.log(JSON.stringify(await chunkFiles(dir, name)));
}
