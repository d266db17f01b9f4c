// A small static server that behaves like a plain static host (GitHub Pages
// style): files are served under a base path, and any unknown path under it is
// answered with 404.html and status 404. Used by `make serve` and the e2e tests.
//
//   node scripts/serve.mjs --dir dist --base /thingrisk/ --port 8080
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** "/thingrisk" or "thingrisk/" -> "/thingrisk/"; "" -> "/". */
export function normaliseBase(base) {
  let b = base || "/";
  if (!b.startsWith("/")) b = "/" + b;
  if (!b.endsWith("/")) b += "/";
  return b;
}

/** Starts the server; resolves to { server, url } once listening. */
export function startServer({ dir, base = "/", port = 0, host = "127.0.0.1", log = false }) {
  const root = path.resolve(dir);
  const prefix = normaliseBase(base);
  const send = (res, status, file) => {
    const type = TYPES[path.extname(file)] || "application/octet-stream";
    res.writeHead(status, {
      "content-type": type,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-cache",
    });
    fs.createReadStream(file).pipe(res);
  };
  const notFound = (res) => {
    const page = path.join(root, "404.html");
    if (fs.existsSync(page)) return send(res, 404, page);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found");
  };
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (log) console.log(`${req.method} ${pathname}`);
    if (pathname + "/" === prefix) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) return notFound(res);
    const rel = pathname.slice(prefix.length) || "index.html";
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) && file !== root) return notFound(res);
    fs.stat(file, (err, st) => {
      if (!err && st.isFile()) return send(res, 200, file);
      if (!err && st.isDirectory() && fs.existsSync(path.join(file, "index.html")))
        return send(res, 200, path.join(file, "index.html"));
      notFound(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host}:${p}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const { url } = await startServer({
    dir: arg("dir", "dist"),
    base: arg("base", "/"),
    port: Number(arg("port", 8080)),
    log: process.argv.includes("--log"),
  });
  console.log(`ThingRisk is served at ${url} (Ctrl+C to stop)`);
}
