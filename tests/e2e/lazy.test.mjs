// The rarely used pages are lazy (src/ui/lazy.rs): their code is a separate
// wasm chunk, fetched on the page's first visit, not at start-up. While it
// loads, no error may show; when it cannot be fetched (offline before the
// service worker has cached it), the page says so and "Try again" recovers.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, appReady } from "./harness.mjs";

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

test("chunks are fetched on a lazy page's first visit only, with no error shown while they load", async () => {
  const env = await launch();
  envs.push(env);
  const { page, context, log } = await env.page();
  await context.addInitScript(watchForErrors);
  await page.goto(env.url);
  await appReady(page);
  assert.deepEqual(log.requests.filter((u) => CHUNK.test(u)), [], "no chunk fetched at start-up");

  const pages = [
    ["Catalog", "Risk catalog"],
    ["Training", "Awareness training"],
    ["Your data", "Your data"],
  ];
  for (const [link, heading] of pages) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }
  assert.ok(log.requests.some((u) => CHUNK.test(u)), "chunks fetched on demand");
  // A deep link straight to a lazy page with an argument, from a full load.
  await page.goto(env.url + "catalog/scn.router-takeover");
  await appReady(page);
  assert.notEqual(await page.getByRole("heading", { level: 1 }).innerText(), "Not in the catalog");
  assert.deepEqual(await page.evaluate(() => window.__e2eErrorShown), []);
  assert.deepEqual(log.errors, [], `no console errors, got: ${log.errors.join(" | ")}`);
  await context.close();
});

test("a chunk that cannot be fetched shows a clear message, the app keeps working, and Try again recovers", async () => {
  const env = await launch();
  envs.push(env);
  // No service worker: every chunk request reaches the (blocked) network, as on a first visit offline.
  const { page, context } = await env.page({ serviceWorkers: "block" });
  await page.goto(env.url);
  await appReady(page);
  await context.route(CHUNK, (route) => route.abort("internetdisconnected"));
  const nav = page.getByRole("navigation", { name: "Main" });

  await nav.getByRole("link", { name: "Training", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();
  assert.match(await page.getByRole("alert").filter({ hasText: "offline" }).innerText(), /saved answers are safe/);

  // The app is alive: other pages work, and the lazy page fails again, cleanly.
  await nav.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "No home yet" }).waitFor();
  await nav.getByRole("link", { name: "Training", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "This page could not be loaded" }).waitFor();

  // Back online: Try again loads the page in place.
  await context.unroute(CHUNK);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1, name: "Awareness training" }).waitFor();
  await context.close();
});
