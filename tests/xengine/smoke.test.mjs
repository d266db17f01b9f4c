// The cross-engine smoke suite: the same first steps in Chromium, Firefox and
// WebKit (smoke.mjs), each engine's version printed. The full e2e suite
// (tests/e2e) runs in Chromium only.
//
//   E2E_BASE=/thingrisk/ xvfb-run -a node --test --test-concurrency=1 tests/xengine/
//   (XENGINES=firefox,webkit to run some engines only; E2E_DIST for another build)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";
import { ENGINES } from "./engines.mjs";
import { consoleRun } from "./webkit.mjs";
import { probedCopy } from "./probe.mjs";
import { smoke, HASHED } from "./smoke.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BASE = process.env.E2E_BASE || "/thingrisk/";
const DIST = process.env.E2E_DIST || path.join(repo, "dist");
const WHICH = (process.env.XENGINES || "chromium,firefox,webkit").split(",");
const dir = probedCopy(DIST, BASE);
after(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const key of WHICH) {
  test(`${key}: first paint, a sample home's maps, Plan it, a device kept, offline reload; no error, no CSP violation, nothing off the origin, each file once`, async () => {
    const started = Date.now();
    const { server, url } = await startServer({ dir, base: BASE });
    const engine = await ENGINES[key]();
    console.log(`${engine.name}: ${engine.version}`);
    try {
      const { pixels } = await smoke(engine, { url, server });
      console.log(`${engine.name}: smoke passed in ${((Date.now() - started) / 1000).toFixed(1)} s (heat maps: ${pixels} painted pixels)`);
    } finally {
      await engine.close();
      server.closeAllConnections();
      server.close();
    }
  });
}

// WebKitWebDriver has no console log: MiniBrowser's own console (stdout) on a
// cold deep link, until the probe says the app is up and lists the document's
// requests. It caught 'manifest-src' (an unknown CSP directive in WebKit) and
// the deep link's chunks downloaded twice (a preload fetch() did not reuse).
test("webkit console: a cold deep link logs no error or warning and fetches each file once", { skip: !WHICH.includes("webkit") }, async () => {
  const { server, url } = await startServer({ dir, base: BASE });
  try {
    const lines = await consoleRun(url + "plan", "xengine ready: ");
    const logged = lines.filter((l) => /CONSOLE \w+ (ERROR|WARN)|xengine (csp|error|console):/.test(l));
    const counts = JSON.parse(lines.find((l) => l.includes("xengine ready: ")).split("xengine ready: ")[1]);
    const twice = Object.entries(counts).filter(([f, n]) => n > 1 && HASHED.test(f));
    assert.deepEqual({ logged, twice }, { logged: [], twice: [] }, "WebKit's console, and files fetched twice");
    assert.ok(Object.keys(counts).some((f) => /split_assessment_pages-/.test(f)), `the page's chunk was fetched: ${Object.keys(counts)}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
