// The browser half of `make bench`: times and memory of the release build in
// headless Chromium (playwright-core; CPU throttling through the Chrome
// DevTools Protocol, Emulation.setCPUThrottlingRate), then Lighthouse scores.
// Prints one JSON object on stdout; scripts/bench.sh turns it into the table.
//
//   node scripts/bench-browser.mjs --dist DIR --household FILE [--rates 1,4 or none] [--samples 30] [--loads 5] [--no-lighthouse]
//
// What is measured, per CPU throttling rate:
// - interactive: navigation start to the app's own welcome page (the wasm
//   running, so its buttons work; `app`); `h1` is when a welcome heading
//   first appeared (the one prerendered into index.html, when the build has
//   it). Then "Start" is clicked at once, from inside the page, and `start`
//   is when the devices page shows: the worst case for the assessment's
//   chunk, which the app fetches only once the welcome page is on screen.
//   Median of --loads cold loads (each in a fresh browser context: empty
//   HTTP cache, empty storage).
// - first heat map: navigation start to the end of the first canvas drawing
//   on /results, with the --household state (the saved format) put in
//   localStorage before the page loads. Median of --loads cold loads.
// - answer -> redraw: on /plan (heat maps of now and with plans), a click on
//   "Mark as done" (it records "yes" for that control's questions) to the end
//   of the canvas redrawing it causes; median of --samples clicks. The same
//   for "Plan it" (what-if) as a second figure.
// - memory after the assessment: JS heap used (CDP Runtime.getHeapUsage,
//   after a forced GC) and the wasm linear memory size.
// A "drawing" is every CanvasRenderingContext2D call made in one task (the
// app redraws both maps in effects that run in the click's task); its end is
// the time of the last call.
import fs from "node:fs";
import path from "node:path";
import { launch, BASE } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const DIST = path.resolve(opt("dist", "dist"));
const HOUSEHOLD = opt("household");
const RATES = opt("rates", "1,4") === "none" ? [] : opt("rates", "1,4").split(",").map(Number);
const SAMPLES = Number(opt("samples", "30"));
const LOADS = Number(opt("loads", "5"));
const LIGHTHOUSE = !args.includes("--no-lighthouse");
const log = (...a) => console.error("[bench-browser]", ...a);

if (!HOUSEHOLD) throw new Error("--household FILE is required (cargo run --release --example bench_household)");
const saved = fs.readFileSync(HOUSEHOLD, "utf8");
const STORAGE_KEY = "thingrisk.state";

/** The `q` quantile (0..1) of `xs`, linearly interpolated. */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const median = (xs) => quantile(xs, 0.5);
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// Runs in every page before the app: canvas call timestamps grouped by task,
// the wasm memory, and the click time of every click.
function instrument() {
  const draws = [];
  let burst = null;
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof d.value !== "function" || name === "constructor") continue;
    const orig = d.value;
    proto[name] = function (...a) {
      const t = performance.now();
      if (!burst) {
        burst = { start: t, end: t, calls: 0 };
        // A zero-delay task runs after the current task and its microtasks.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          draws.push(burst);
          burst = null;
        };
        ch.port2.postMessage(0);
      }
      burst.end = t;
      burst.calls++;
      return orig.apply(this, a);
    };
  }
  const clicks = [];
  addEventListener("click", () => clicks.push(performance.now()), true);
  // When the page last changed (outside the header, whose save indicator
  // follows the autosave): the end of all the DOM work an answer causes.
  let changed = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && !el.closest(".site-header")) {
        changed = performance.now();
        return;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  });
  window.__bench = { draws, clicks, changed: () => changed };
}

// Clicks "Start" the moment the welcome heading exists, and notes when the
// app has handled it (the devices page heading replaced it).
function autoStart() {
  const marks = {};
  window.__start = marks;
  const check = () => {
    // The first heading on screen may be the welcome page prerendered into
    // index.html (#boot); the app's own is a child of <body>.
    if (!marks.h1 && document.querySelector("main h1")) marks.h1 = performance.now();
    const h1 = document.querySelector("body > main h1");
    if (!h1) return;
    if (!marks.app) {
      marks.app = performance.now();
      const start = [...document.querySelectorAll("main button")].find((b) => b.textContent.trim() === "Start");
      if (start) {
        marks.click = performance.now();
        start.click();
      }
    }
    if (marks.click && !marks.handled && h1.textContent.trim() === "Your devices") marks.handled = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

async function throttled(env, rate, options = {}) {
  const { page, context, log: plog } = await env.page({ viewport: { width: 1280, height: 900 }, ...options });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.addInitScript(instrument);
  return { page, context, cdp, plog };
}

async function interactive(env, rate) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, context } = await throttled(env, rate);
    await page.addInitScript(autoStart);
    await page.goto(env.url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__start && window.__start.handled, null, { timeout: 60_000 });
    const m = await page.evaluate(() => window.__start);
    runs.push(m);
    if (i === 0) {
      // What the browser fetched before the welcome page was interactive.
      const entries = await page.evaluate((t) => {
        const nav = performance.getEntriesByType("navigation")[0];
        const res = performance.getEntriesByType("resource").filter((r) => r.responseEnd <= t);
        return [nav, ...res].map((r) => ({ name: r.name, bytes: r.encodedBodySize, transfer: r.transferSize }));
      }, m.app);
      runs.fetched = entries;
    }
    await context.close();
  }
  return {
    h1_ms: round(median(runs.map((r) => r.h1))),
    app_ms: round(median(runs.map((r) => r.app))),
    start_ms: round(median(runs.map((r) => r.handled))),
    fetched: runs.fetched,
  };
}

async function seeded(env, rate, route) {
  const s = await throttled(env, rate);
  await s.page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem("bench-seeded")) {
        localStorage.setItem(key, text);
        sessionStorage.setItem("bench-seeded", "1");
      }
    },
    [STORAGE_KEY, saved],
  );
  await s.page.goto(env.url + route, { waitUntil: "commit" });
  return s;
}

async function firstHeatMap(env, rate) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, context } = await seeded(env, rate, "results");
    await page.waitForFunction(() => window.__bench.draws.length > 0, null, { timeout: 60_000 });
    runs.push(await page.evaluate(() => window.__bench.draws[0].end));
    await context.close();
  }
  return round(median(runs));
}

/**
 * Clicks the first button named `name` `n` times; ms from each click to the
 * end of the drawing after it. `times.settled` holds, per click, the ms to
 * the last change of the page it caused (some waits for the next frame).
 */
async function clickToRedraw(page, name, n) {
  const times = [];
  times.settled = [];
  for (let i = 0; i < n; i++) {
    const button = page.getByRole("button", { name, exact: true }).first();
    if (!(await button.count())) break;
    await button.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.__bench.draws.length);
    await button.click();
    await page.waitForFunction((k) => window.__bench.draws.length > k, before, { timeout: 20_000 });
    times.push(
      await page.evaluate(() => {
        const { draws, clicks } = window.__bench;
        return draws[draws.length - 1].end - clicks[clicks.length - 1];
      }),
    );
    // Let the debounced autosave (400 ms) run so it is not in the next sample.
    await page.waitForTimeout(600);
    times.settled.push(
      await page.evaluate(() => window.__bench.changed() - window.__bench.clicks[window.__bench.clicks.length - 1]),
    );
  }
  return times;
}

async function answerToRedraw(env, rate) {
  const { page, context, cdp, plog } = await seeded(env, rate, "plan");
  const h1 = page.locator("body > main h1");
  await h1.waitFor({ timeout: 60_000 });
  if (!/action plan/i.test(await h1.innerText())) throw new Error("this build has no /plan page");
  await page.waitForFunction(() => window.__bench.draws.length > 0, null, { timeout: 60_000 });
  // The plan list follows the maps by a frame.
  await page.getByRole("button", { name: "Mark as done", exact: true }).first().waitFor({ timeout: 60_000 });
  const warm = 3;
  const done = await clickToRedraw(page, "Mark as done", SAMPLES + warm);
  const planned = [];
  planned.settled = [];
  for (let i = 0; i < SAMPLES + warm; i++) {
    const t = await clickToRedraw(page, /^(Plan it|✓ Planned \(undo\))$/, 1);
    if (!t.length) break;
    planned.push(t[0]);
    planned.settled.push(t.settled[0]);
  }
  // Memory once the whole assessment has been shown and changed.
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => (window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null));
  const errors = plog.errors.filter((e) => !/status of 404/.test(e));
  await context.close();
  const tail = (xs) => xs.slice(warm);
  return {
    answer_redraw_ms: round(median(tail(done))),
    answer_samples: tail(done).length,
    answer_max_ms: round(Math.max(...tail(done))),
    answer_p25_ms: round(quantile(tail(done), 0.25)),
    answer_p75_ms: round(quantile(tail(done), 0.75)),
    answer_settled_ms: round(median(tail(done.settled))),
    plan_settled_ms: round(median(tail(planned.settled))),
    plan_redraw_ms: round(median(tail(planned))),
    plan_samples: tail(planned).length,
    js_heap_used_bytes: heap.usedSize,
    js_heap_total_bytes: heap.totalSize,
    wasm_memory_bytes: wasm,
    errors,
  };
}

/**
 * A host for Lighthouse like a real one: gzip -9 bodies (static hosts
 * compress; the e2e server does not, and Lighthouse would score that), and
 * deep links answered with the app and status 200 (a 404 status, as the
 * GitHub Pages style server gives, makes Lighthouse refuse the page).
 */
async function compressingHost(dir, base) {
  const http = await import("node:http");
  const zlib = await import("node:zlib");
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json", ".json": "application/json" };
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    rel = rel.startsWith(base) ? rel.slice(base.length) : "";
    let file = path.join(dir, rel || "index.html");
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) file = path.join(dir, "index.html");
    if (!cache.has(file)) cache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    const gz = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    res.writeHead(200, {
      "content-type": types[path.extname(file)] || "application/octet-stream",
      "cache-control": "no-cache",
      ...(gz ? { "content-encoding": "gzip" } : {}),
    });
    res.end(gz ? cache.get(file) : fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${server.address().port}${base}` };
}

async function lighthouse() {
  const env = await compressingHost(DIST, BASE);
  const { default: lh } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const out = {};
  try {
    for (const [name, route, seed] of [
      ["welcome", "", false],
      ["results", "results", true],
    ]) {
      if (seed) {
        // The results page needs the household in storage: put it there
        // through the same browser from a page of the origin that is not the
        // app, and tell Lighthouse not to clear storage for that run.
        const { chromium } = await import("playwright-core");
        const cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
        const page = await cdpBrowser.contexts()[0].newPage();
        await page.goto(env.url + "manifest.webmanifest");
        await page.evaluate(
          async ([k, v]) => {
            localStorage.setItem(k, v);
            // The welcome run installed the app's service worker: without
            // this the results page would come from its cache.
            for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
            for (const c of await caches.keys()) await caches.delete(c);
          },
          [STORAGE_KEY, saved],
        );
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Network.clearBrowserCache");
        await page.close();
        await cdpBrowser.close().catch(() => {});
      }
      const r = await lh(env.url + route, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        disableStorageReset: seed,
      });
      if (r.lhr.runtimeError) throw new Error(`Lighthouse on ${name}: ${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`);
      const c = r.lhr.categories;
      const a = r.lhr.audits;
      const failing = Object.values(a)
        .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode !== "informative" && x.scoreDisplayMode !== "manual")
        .map((x) => x.id);
      out[name] = {
        performance: Math.round(c.performance.score * 100),
        accessibility: Math.round(c.accessibility.score * 100),
        best_practices: Math.round(c["best-practices"].score * 100),
        fcp_ms: Math.round(a["first-contentful-paint"].numericValue),
        lcp_ms: Math.round(a["largest-contentful-paint"].numericValue),
        tbt_ms: Math.round(a["total-blocking-time"].numericValue),
        cls: round(a["cumulative-layout-shift"].numericValue, 3),
        failing,
      };
      log(`lighthouse ${name}:`, JSON.stringify(out[name]));
    }
  } finally {
    await chrome.kill();
    env.server.close();
  }
  return out;
}

const env = await launch({ dir: DIST });
const result = { chromium: env.browser.version(), rates: {} };
try {
  for (const rate of RATES) {
    log(`CPU throttling ${rate}x`);
    const r = {};
    Object.assign(r, await interactive(env, rate));
    log(`  interactive ${r.app_ms} ms, Start handled ${r.start_ms} ms`);
    r.first_heat_map_ms = await firstHeatMap(env, rate);
    log(`  first heat map ${r.first_heat_map_ms} ms`);
    try {
      Object.assign(r, await answerToRedraw(env, rate));
    } catch (e) {
      log(`  answer -> redraw not measured: ${e.message.split("\n")[0]}`);
      r.answer_error = e.message.split("\n")[0];
    }
    log(`  answer -> redraw ${r.answer_redraw_ms} ms (n=${r.answer_samples}), page settled ${r.answer_settled_ms} ms; plan -> redraw ${r.plan_redraw_ms} ms, settled ${r.plan_settled_ms} ms`);
    result.rates[rate] = r;
  }
} finally {
  await env.close();
}
if (LIGHTHOUSE) result.lighthouse = await lighthouse();
console.log(JSON.stringify(result, null, 1));
