// Every page but the welcome page is lazy (src/ui/lazy.rs, groups in
// src/ui/app.rs): its code is in a separate wasm chunk. The welcome page
// works without any chunk; the assessment's chunk is fetched once it is on
// screen, the rarely used pages' chunk on their first visit; a deep link
// preloads its own group's chunks. While a chunk loads, no error may show;
// when it cannot be fetched (offline before the service worker has cached
// it), the page says so and "Try again" recovers.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, appReady, repo } from "./harness.mjs";
import { chunkFiles } from "../../scripts/chunk-files.mjs";

const CHUNK = /\/(split|chunk)_[^/]*\.wasm$/;
const envs = [];
after(async () => {
  for (const env of envs) await env.close();
});

/** Records, in the page, whether an error heading ever appeared (even for one frame). */
function watchForErrors() {
  window.__e2eErrorShown = [];
  new MutationObserver(() => {
    for (const h of document.querySelectorAll("body > main h1"))
      if (/could not be loaded|Page not found|Not in the catalog/.test(h.textContent))
        window.__e2eErrorShown.push(`${location.pathname}: ${h.textContent}`);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * No console errors but the 404 status the test server gives a deep link
 * when no service worker answers it (static hosts answer with 404.html).
 */
function assertNoErrors(log) {
  const errors = log.errors.filter((e) => !/status of 404/.test(e));
  assert.deepEqual(errors, [], `no console errors, got: ${errors.join(" | ")}`);
}

/**
 * The wasm files this page asked for before the main wasm: the boot script's
 * (scripts/prerender.mjs), not the app's, which runs only once the main wasm is in.
 */
function earlyChunks() {
  const wasm = performance.getEntriesByType("resource").filter((r) => /\.wasm$/.test(r.name));
  const main = wasm.find((r) => /_bg\.wasm$/.test(r.name));
  return wasm
    .filter((r) => r.startTime < main.startTime)
    .map((r) => new URL(r.name).pathname.split("/").pop())
    .sort();
}

const ASSESSMENT = /\/split_assessment_pages-[^/]*\.wasm$/;
const MORE = /\/split_more_pages-[^/]*\.wasm$/;

test("the welcome page works before any chunk arrives; the assessment's follows, the rare pages' waits for a visit", async () => {
  const env = await launch();
  envs.push(env);
  const { page, context, log } = await env.page({ serviceWorkers: "block" });
  await context.addInitScript(watchForErrors);
  // Chunk requests are held unanswered until released.
  const held = [];
  let release = null;
  await context.route(CHUNK, (route) => (release ? route.continue() : held.push(route)));
  await page.goto(env.url);
  await appReady(page);
  // The app's welcome page is up and its buttons work with no chunk at all.
  await page.getByRole("button", { name: "Start" }).waitFor();
  // Once it is on screen, the assessment's chunk is asked for (not the rare pages').
  for (let i = 0; i < 100 && !held.some((r) => ASSESSMENT.test(r.request().url())); i++) await page.waitForTimeout(50);
  assert.ok(held.some((r) => ASSESSMENT.test(r.request().url())), "assessment chunk asked for");
  assert.ok(!log.requests.some((u) => MORE.test(u)), "the rare pages' chunk is not fetched at start-up");
  // Start works meanwhile; the page it opens says it is loading (after a short
  // delay, so a chunk from the cache does not flash it) until the chunk is in.
  await page.getByRole("button", { name: "Start" }).click();
  const note = page.getByRole("status").filter({ hasText: "Loading this page…" });
  await note.waitFor();
  await page.waitForFunction(() => getComputedStyle(document.querySelector(".pending-note")).opacity === "1");
  const footer = await page.locator("footer").boundingBox();
  assert.ok(footer.y >= page.viewportSize().height, `the footer stays below the fold while loading (at ${footer.y})`);
  release = true;
  for (const r of held) await r.continue();
  await page.getByRole("heading", { level: 1, name: "Your devices" }).waitFor();
  assert.equal(await note.count(), 0);
  assert.ok(!log.requests.some((u) => MORE.test(u)), "still not the rare pages' chunk");

  const pages = [
    ["Catalog", "Risk catalog"],
    ["Training", "Awareness training"],
    ["Your data", "Your data"],
  ];
  for (const [link, heading] of pages) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }
  assert.equal(log.requests.filter((u) => MORE.test(u)).length, 1, "the rare pages' chunk, fetched once on demand");
  assert.deepEqual(log.errors, [], `no console errors, got: ${log.errors.join(" | ")}`);
  // A deep link straight to a lazy page with an argument, from a full load.
  await page.goto(env.url + "catalog/scn.router-takeover");
  await appReady(page);
  assert.notEqual(await page.getByRole("heading", { level: 1 }).innerText(), "Not in the catalog");
  assert.deepEqual(await page.evaluate(() => window.__e2eErrorShown), []);
  assertNoErrors(log);
  await context.close();
});

test("a deep link preloads exactly its page's chunks beside the main wasm, each fetched once; the welcome page none", async () => {
  const env = await launch();
  envs.push(env);
  // The group of each route, as src/ui/app.rs makes them; the files of each
  // group as the build's own chunk loader fetches them.
  const groups = {
    assessment_pages: ["devices", "devices/d1", "devices/d1/questions", "home-questions", "results", "plan"],
    more_pages: ["data", "training", "training/present", "training/class", "report", "catalog", "catalog/scn.cam-stream", "supply"],
  };
  const DIST = process.env.E2E_DIST || path.join(repo, "dist");
  for (const [split, routes] of Object.entries(groups)) {
    const files = await chunkFiles(DIST, split);
    assert.ok(files.length >= 2, `${split}: its own chunk and a shared one (${files})`);
    for (const route of routes) {
      const { page, context, log } = await env.page({ serviceWorkers: "block" });
      await page.goto(env.url + route);
      await appReady(page);
      const preloaded = await page.evaluate(earlyChunks);
      assert.deepEqual(preloaded, files, `/${route} preloads the ${split} chunks`);
      for (const f of files) assert.equal(log.requests.filter((u) => u.endsWith("/" + f)).length, 1, `/${route}: ${f} fetched once`);
      assertNoErrors(log);
      await context.close();
    }
  }

  // The welcome page: no preload; the app fetches the assessment's chunks once it is on screen.
  const { page, context, log } = await env.page({ serviceWorkers: "block" });
  await page.goto(env.url);
  await appReady(page);
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => /split_assessment_pages-/.test(r.name)));
  assert.deepEqual(await page.evaluate(earlyChunks), [], "nothing preloaded on the welcome page");
  assertNoErrors(log);
  await context.close();
});

test("a chunk that cannot be fetched shows a clear message, the app keeps working, and Try again recovers", async () => {
  const env = await launch();
  envs.push(env);
  // No service worker: every chunk request reaches the network, as on a first visit.
  const { page, context } = await env.page({ serviceWorkers: "block" });
  await context.route(MORE, (route) => route.abort("internetdisconnected"));
  await page.goto(env.url);
  await appReady(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "No home yet" }).waitFor();
  await context.setOffline(true);

  await nav.getByRole("link", { name: "Training", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();
  assert.match(await page.getByRole("alert").filter({ hasText: "offline" }).innerText(), /saved answers are safe/);
  assert.equal(await page.getByRole("button", { name: "Reload the page" }).count(), 0, "no reload offered offline");

  // The app is alive: other pages work, and the lazy page fails again, cleanly.
  await nav.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "No home yet" }).waitFor();
  await nav.getByRole("link", { name: "Training", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();

  // Back online: Try again loads the page in place.
  await context.setOffline(false);
  await context.unroute(MORE);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1, name: "Awareness training" }).waitFor();
  await context.close();
});

test("online, a chunk that is gone (a new release on the host) is explained, and Reload gets the new version", async () => {
  const env = await launch();
  envs.push(env);
  const { page, context } = await env.page({ serviceWorkers: "block" });
  // This tab's chunk names no longer exist on the host.
  await context.route(CHUNK, (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Devices", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();
  assert.match(await page.getByRole("alert").innerText(), /new version .* reloading the page gets it\. Your saved answers are safe/);
  await context.unroute(CHUNK);
  await page.getByRole("button", { name: "Reload the page" }).click();
  // The devices page of a browser with no home yet.
  await page.getByRole("heading", { level: 1, name: "No home yet" }).waitFor();
  assert.match(new URL(page.url()).pathname, /\/devices$/);
  await context.close();
});
