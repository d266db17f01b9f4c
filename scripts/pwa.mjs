// Turns a Trunk build into an offline, installable app with a strict CSP.
// Trunk runs it as the post_build hook (Trunk.toml) on the staging dir; it can
// also be rerun on any finished build (it is idempotent):
//
//   node scripts/pwa.mjs [dir] [public-url]     (defaults: $TRUNK_STAGING_DIR, $TRUNK_PUBLIC_URL)
//
// Steps, in order (each later step needs the earlier ones' output):
// 0. The wasm-bindgen JS glue and the stylesheet are minified and renamed,
//    with their SRI hashes in index.html computed again, and the wasm is
//    named after its final content (scripts/minify.mjs; not in debug builds).
// 1. The stylesheet and Trunk's loader go inline into index.html, so the
//    first paint and the app's start wait for no other file
//    (scripts/inline-startup.mjs).
// 2. A Content-Security-Policy meta tag goes first in <head>. It allows the
//    inline scripts and styles this build made (marked `data-hashed`) by
//    their sha256, and nothing else inline: no 'unsafe-inline'.
// 3. manifest.webmanifest: name, icons, colours, start_url and scope = public URL.
// 4. 404.html becomes a copy of the final index.html (static hosts answer
//    unknown paths with it, so deep links survive a reload).
// 5. sw.js: precaches every file of the build under one cache whose name is a
//    hash of all file names and contents, so each release gets a new cache
//    and a new worker, and the old cache goes when the new worker takes over.
// 6. The welcome page is prerendered into index.html (scripts/prerender.mjs),
//    with the boot script, then 2, 4 and 5 run again on the result.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minifyAssets } from "./minify.mjs";
import { inlineStartup } from "./inline-startup.mjs";

/**
 * The directives the policy may use: those Chromium, Firefox and WebKit all
 * know. An unknown one is a console error on every load (WebKit: "Unrecognized
 * Content-Security-Policy directive 'manifest-src'"); default-src covers
 * what a missing fetch directive would have said.
 */
export const CSP_DIRECTIVES = [
  "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "media-src",
  "worker-src", "frame-src", "child-src", "object-src", "base-uri", "form-action",
];

/**
 * The policy, given the sha256 sources of the page's own inline scripts and
 * styles. frame-ancestors only works as a header (see README). The manifest
 * is allowed by default-src 'self'.
 */
export const csp = ({ scripts = [], styles = [] } = {}) => {
  const policy = [
    ["default-src 'self'"],
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts],
    ["style-src 'self'", ...styles],
    ["img-src 'self' data: blob:"],
    ["font-src 'self'"],
    ["connect-src 'self'"],
    ["worker-src 'self'"],
    ["object-src 'none'"],
    ["base-uri 'self'"],
    ["form-action 'self'"],
  ];
  const unknown = policy.map(([d]) => d.split(" ")[0]).filter((d) => !CSP_DIRECTIVES.includes(d));
  if (unknown.length) throw new Error(`CSP directive not known to every engine: ${unknown}`);
  return policy.map((d) => d.join(" ")).join("; ");
};

export const SW_FILE = "sw.js";
export const MANIFEST_FILE = "manifest.webmanifest";
export const CACHE_PREFIX = "thingrisk-";
const THEME = "#1d3557";
const BACKGROUND = "#f3f5f8";

const sha = (algo, data, enc = "hex") => crypto.createHash(algo).update(data).digest(enc);

/** Every file under `dir` as a sorted list of "/"-separated relative paths. */
export function listFiles(dir) {
  const out = [];
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(dir, "");
  return out.sort();
}

/** Inline scripts or styles of the page: `[attributes, body]` of each `<tag>` with content. */
export function inlineElements(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}>`, "g"))]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() !== "")
    .map(([, attrs, body]) => [attrs, body]);
}

/** Made by this build and allowed by its hash (scripts/inline-startup.mjs, scripts/prerender.mjs). */
const hashed = ([attrs]) => /\bdata-hashed\b/.test(attrs);

/** Inline scripts this build did not make (none in a release build; trunk serve adds its autoreload). */
export function foreignScripts(html) {
  return inlineElements(html, "script").filter((e) => !hashed(e));
}

/** The CSP source that allows exactly this inline text. */
export const hashSource = (text) => `'sha256-${sha("sha256", text, "base64")}'`;

/** Step 2: the CSP meta tag, right after <meta charset> (before anything it governs). */
export function addCsp(html) {
  const clean = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, "");
  const hashes = (tag) =>
    inlineElements(clean, tag)
      .filter(hashed)
      .map(([, body]) => hashSource(body));
  const policy = csp({ scripts: hashes("script"), styles: hashes("style") });
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/;
  if (!charset.test(clean)) throw new Error("index.html has no <meta charset>: cannot place the CSP");
  return clean.replace(charset, (m) => `${m}\n    ${tag}`);
}

/** Step 3: the web app manifest. Icon paths are relative to the manifest itself. */
export function manifest(publicUrl) {
  const icon = (src, size, purpose) => ({ src, sizes: `${size}x${size}`, type: "image/png", purpose });
  return {
    id: publicUrl,
    name: "ThingRisk — smart home security and privacy check",
    short_name: "ThingRisk",
    description:
      "A private, offline self-assessment of the security and privacy risks of the connected devices in your home.",
    lang: "en",
    start_url: publicUrl,
    scope: publicUrl,
    display: "standalone",
    theme_color: THEME,
    background_color: BACKGROUND,
    icons: [
      icon("icons/icon-192.png", 192, "any"),
      icon("icons/icon-512.png", 512, "any"),
      icon("icons/icon-maskable-192.png", 192, "maskable"),
      icon("icons/icon-maskable-512.png", 512, "maskable"),
    ],
  };
}

/** The release version: a hash of every file name and content, and of the worker's own code. */
export function buildVersion(dir, files, workerCode) {
  const h = crypto.createHash("sha256");
  for (const f of files) h.update(`${f}\0${sha("sha256", fs.readFileSync(path.join(dir, f)))}\n`);
  h.update(workerCode);
  return h.digest("hex").slice(0, 16);
}

/** Step 5: the service worker's source. */
export function serviceWorker({ cacheName, publicUrl, files }) {
  const urls = files.map((f) => publicUrl + f);
  return `// Generated by scripts/pwa.mjs at build time: do not edit.
// One cache per release; every file of the build is precached on install.
const CACHE = ${JSON.stringify(cacheName)};
const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const INDEX = ${JSON.stringify(publicUrl + "index.html")};
const FILES = ${JSON.stringify(urls, null, 1)};

// A name with a content hash can only hold this release's bytes, so the copy
// the page has just loaded into the HTTP cache will do; any other file is
// fetched past the HTTP cache ("reload"), so it cannot be a stale one.
const HASHED = /-[0-9a-f]{16}(_bg)?\\.[a-z]+$/;

self.addEventListener("install", (event) => {
  const request = (u) => new Request(u, { cache: HASHED.test(u) ? "default" : "reload" });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(request))));
  // No skipWaiting here: open tabs keep the release they started with until
  // the user chooses "Reload to update" (the page then posts SKIP_WAITING).
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req);
      if (hit) return hit;
      // Any in-scope page (deep links included) is the app shell.
      if (req.mode === "navigate") {
        const shell = await cache.match(INDEX);
        if (shell) return shell;
      }
      return fetch(req);
    }),
  );
});
`;
}

/** Runs every step on a build dir. Returns figures for the log and the tests. */
/** The public URL with its trailing slash ("/" when none is given). */
export function normalise(publicUrl) {
  publicUrl = publicUrl || "/";
  return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
}

export function generate({ dir, publicUrl }) {
  if (!dir) throw new Error("no build dir: pass one or run as a Trunk hook (TRUNK_STAGING_DIR)");
  publicUrl = normalise(publicUrl);
  const indexPath = path.join(dir, "index.html");
  let html = fs.readFileSync(indexPath, "utf8");

  if (process.env.TRUNK_PROFILE !== "debug") html = minifyAssets(dir, html);
  html = inlineStartup(dir, html, publicUrl);
  const left = foreignScripts(html);
  if (left.length === 0) html = addCsp(html);
  else
    console.warn(
      `pwa.mjs: ${left.length} inline script(s) left (trunk serve's autoreload?): no CSP meta tag in this build`,
    );
  fs.writeFileSync(indexPath, html);
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest(publicUrl), null, 2) + "\n");
  fs.copyFileSync(indexPath, path.join(dir, "404.html"));

  const files = listFiles(dir).filter((f) => f !== SW_FILE);
  const version = buildVersion(dir, files, serviceWorker({ cacheName: "", publicUrl, files }));
  const cacheName = CACHE_PREFIX + version;
  fs.writeFileSync(path.join(dir, SW_FILE), serviceWorker({ cacheName, publicUrl, files }));
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { cacheName, files, bytes, csp: left.length === 0, inlineLeft: left.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  const publicUrl = process.argv[3] || process.env.TRUNK_PUBLIC_URL;
  let r = generate({ dir, publicUrl });
  // 6. The welcome page, prerendered into index.html by the app itself (needs
  //    the steps above to run the build), then steps 2-5 again so the CSP
  //    allows the boot script and 404.html and the worker's cache carry the
  //    final index.html.
  if (process.env.THINGRISK_PRERENDER === "0" || r.inlineLeft) {
    console.warn("pwa.mjs: welcome page not prerendered (THINGRISK_PRERENDER=0 or a dev build)");
  } else {
    const { prerender } = await import("./prerender.mjs");
    const p = await prerender(dir, normalise(publicUrl));
    r = generate({ dir, publicUrl });
    console.log(`pwa.mjs: welcome page prerendered into index.html (${p.bytes} B)`);
  }
  console.log(`pwa.mjs: ${r.cacheName}, ${r.files.length} files precached (${r.bytes} B)`);
}
