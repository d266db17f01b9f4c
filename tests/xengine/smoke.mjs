// The cross-engine smoke: what a person on any browser does first, checked
// the same way in every engine (engines.mjs gives the common interface).
// Waits poll for what the user would see; no fixed sleeps.
import assert from "node:assert/strict";
import { PROBE_FILE, PROBE_KEY, probeRecords } from "./probe.mjs";
import { poll } from "./wait.mjs";

// In-page finders (they run in the browser, so they are self-contained).
/** The first element shown matching `selector` whose text matches the RegExp source `pattern` (any case). */
const shown = (selector, pattern) =>
  [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length && new RegExp(pattern, "i").test(e.textContent.trim())) || null;
/** Whether such an element is shown (`shown` for waits: an element does not cross every driver). */
const seen = (selector, pattern) =>
  [...document.querySelectorAll(selector)].some((e) => e.getClientRects().length && new RegExp(pattern, "i").test(e.textContent.trim()));
/** The control of the label whose text is `text`. */
const labelled = (text) => [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === text)?.control || null;
/** The app's own page heading (not the prerendered welcome page's), when the app is up. */
const heading = () => (document.getElementById("boot") ? null : document.querySelector("body > main h1")?.textContent.trim() || null);

/** How many steps the plan bar says are planned (0 when none). */
const plannedSteps = () => Number(/^(\d+) steps? planned/.exec(document.querySelector(".plan-bar")?.textContent)?.[1] || 0);

/** A build file with a content hash in its name (scripts/pwa.mjs's worker knows them the same way). */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.(wasm|js)$/;

/**
 * This document's requests (Resource Timing): those to other origins, and any
 * file of the build with a content hash in its name (the wasm, its chunks, the
 * JS) fetched twice. Not sw.js: the browser checks it for updates as it likes.
 */
function requests(origin, hashed) {
  const counts = {};
  const foreign = [];
  for (const r of performance.getEntriesByType("resource")) {
    const u = new URL(r.name);
    if (!/^https?:$/.test(u.protocol)) continue;
    if (u.origin !== origin) foreign.push(r.name);
    if (new RegExp(hashed).test(u.pathname)) counts[u.pathname] = (counts[u.pathname] || 0) + 1;
  }
  return { foreign, twice: Object.entries(counts).filter(([, n]) => n > 1).map(([f, n]) => `${f} x${n}`) };
}

/** Both heat maps' counts of painted, non-white pixels, once each has over a thousand; else null. */
const mapsDrawn = () => {
  const pixels = [...document.querySelectorAll("canvas.heat-canvas")].map((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
    return n;
  });
  return pixels.length === 2 && pixels.every((n) => n > 1000) ? pixels : null;
};

/** Polls `fn(...args)` in the page until it returns a truthy value; returns it. */
const until = (page, what, fn, ...args) => poll(what, () => page.evaluate(fn, ...args));

const headingIs = (page, text) => until(page, `the page "${text}"`, (t) => (document.getElementById("boot") ? null : document.querySelector("body > main h1")?.textContent.trim() === t), text);

/**
 * Runs the smoke in `engine` against the build served at `url` by `server`
 * (stopped near the end: the offline reload is a real one). Returns what it
 * measured; throws on the first failure.
 */
export async function smoke(engine, { url, server }) {
  const { page } = engine;
  const origin = new URL(url).origin;
  const leaks = { foreign: [], twice: [] };
  /** Called before leaving each document: its requests stay on the origin, each file fetched once. */
  const checkRequests = async (where) => {
    const r = await page.evaluate(requests, origin, HASHED.source);
    leaks.foreign.push(...r.foreign.map((u) => `${where}: ${u}`));
    leaks.twice.push(...r.twice.map((u) => `${where}: ${u}`));
  };

  // A deep link with a cold cache (no home yet): the page's chunks come with
  // the first load, each once.
  await page.goto(url + "devices");
  await headingIs(page, "No home yet");
  await checkRequests("deep link /devices");

  // First paint (the prerendered welcome page), then the app starts.
  await page.goto(url);
  const painted = await until(page, "the first paint", () => document.querySelector("main h1")?.getClientRects().length > 0);
  assert.ok(painted);
  await until(page, "the app", heading);

  // Add a device.
  await page.click(shown, "button", "^Start$");
  await page.click(shown, "button", "indoor camera");
  await page.fill(labelled, "Hall camera", "Name");
  await page.click(shown, "button", "^Add ");
  await until(page, "the new device's link", seen, "main a", "^Hall camera");
  await until(page, "the save", seen, ".save-state", "Saved in this browser");
  // Once the service worker is active, a reload keeps the device, and the worker answers.
  // Activating is enough: a navigation waits for the activation to end. (WebKit
  // sometimes never tells the page "activated".)
  await until(page, "an active service worker", async () => {
    const r = await navigator.serviceWorker.getRegistration();
    if (r?.active) return true;
    throw new Error(`worker states: ${[r?.installing, r?.waiting, r?.active].map((w) => w?.state)}`);
  });
  await checkRequests("devices");
  await page.reload();
  await until(page, "the device after a reload", seen, "main a", "^Hall camera");
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the service worker controls the page after a reload");

  // A sample home's results: both heat maps drawn (pixels, not just elements).
  await page.click(shown, "header a.brand-link", "ThingRisk");
  await page.click(shown, "button", "^Try a sample home$");
  await headingIs(page, "Your results");
  const pixels = await until(page, "both heat maps drawn", mapsDrawn);

  // The first "Plan it".
  await page.click(shown, "nav a", "^Action plan$");
  await headingIs(page, "Your action plan");
  await until(page, "the plan's steps", seen, "li.plan-entry button", "^Plan it$");
  // The sample comes with steps planned already: the bar counts one more.
  const planned = await page.evaluate(plannedSteps);
  await page.click(shown, "li.plan-entry button", "^Plan it$");
  await until(page, "one more step planned", (n) => /^(\d+) steps? planned/.exec(document.querySelector(".plan-bar")?.textContent)?.[1] === String(n), planned + 1);
  await until(page, "the saved plan", seen, ".save-state", "Saved in this browser");
  await checkRequests("plan");
  // Offline: the host is gone; a reload comes from the service worker. The
  // probe is not part of the build: it goes into the worker's cache first.
  await page.evaluate(async (file) => {
    const [name] = await caches.keys();
    await (await caches.open(name)).add(new URL(file, document.baseURI).href);
  }, PROBE_FILE);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await page.reload();
  await headingIs(page, "Your action plan");
  assert.equal(await until(page, "the plan kept offline", plannedSteps), planned + 1);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "offline, the service worker answers");
  await checkRequests("offline");

  const records = await page.evaluate(probeRecords, PROBE_KEY);
  assert.deepEqual(records, [], "no CSP violation, uncaught error or console.error in the page");
  // The test server answers a deep link with 404.html and status 404, as static hosts do.
  const errors = page.errors().filter((e) => !/status of 404/.test(e));
  assert.deepEqual(errors, [], "no console error");
  assert.deepEqual(leaks.foreign, [], "no request off the origin");
  assert.deepEqual(leaks.twice, [], "each file fetched once per page load");
  return { pixels };
}
