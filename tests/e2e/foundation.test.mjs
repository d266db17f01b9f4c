// The app builds, boots under a subpath, handles unknown paths like a static
// host would, and never talks to another origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, appReady, BASE } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test("the welcome page renders with its heading and the privacy promise", async () => {
  const { page, context, log } = await env.page();
  const res = await page.goto(env.url);
  assert.equal(res.status(), 200);
  await appReady(page);
  const h1 = page.getByRole("heading", { level: 1 });
  assert.match(await h1.innerText(), /connected things in your home/i);
  assert.ok(await page.getByRole("heading", { name: /never leave this browser/i }).isVisible());
  assert.deepEqual(log.errors, [], `no console errors, got: ${log.errors.join(" | ")}`);
  await context.close();
});

test("an unknown path under the subpath shows the app's own not-found page", async () => {
  const { page, context, log } = await env.page();
  const res = await page.goto(env.url + "no/such/page");
  assert.equal(res.status(), 404, "the static host answers 404 with 404.html");
  await appReady(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Page not found");
  await page.getByRole("link", { name: /start page/i }).click();
  await page.waitForURL(env.url);
  assert.match(await page.getByRole("heading", { level: 1 }).innerText(), /connected things/i);
  // The 404 document itself counts as a console error in Chromium; nothing else may.
  assert.deepEqual(log.errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test("the page's largest paint is the prerendered welcome page, not the app's identical copy drawn after it", async () => {
  // The app swaps its copy in only once the browser has recorded the first
  // paint (src/ui/mod.rs): else the later copy counts as the largest paint,
  // and Lighthouse times it after the whole download. Several loads, as the
  // race is a matter of milliseconds.
  for (let i = 0; i < 5; i++) {
    const { page, context } = await env.page({ viewport: { width: 412, height: 823 } });
    await page.addInitScript(() => {
      // Entries by paint time, and when #boot left (an entry's element reads
      // null once it is out of the document, so it cannot tell).
      window.__lcp = [];
      new PerformanceObserver((list) => window.__lcp.push(...list.getEntries().map((e) => e.startTime))).observe({
        type: "largest-contentful-paint",
        buffered: true,
      });
      let seen = false;
      new MutationObserver(() => {
        if (document.getElementById("boot")) seen = true;
        else if (seen && !window.__swap) window.__swap = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(env.url);
    await appReady(page);
    await page.waitForTimeout(300);
    const lcp = await page.evaluate(() => window.__lcp.map((t) => (t < window.__swap ? "prerendered" : "app")));
    assert.ok(lcp.length > 0, "a largest-contentful-paint entry");
    assert.deepEqual(lcp.filter((k) => k !== "prerendered"), [], `load ${i + 1}: entries ${JSON.stringify(lcp)}`);
    await context.close();
  }
});

test("the wasm is requested once the prerendered welcome page has had its frame, and at once on any other page", async () => {
  // scripts/inline-startup.mjs: the loader lets the prerendered page paint
  // before the wasm download starts; a deep link has nothing to paint first.
  // Counted in the page: frames asked for and run before the wasm's fetch.
  for (const [route, waits] of [["", true], ["results", false], ["", true], ["devices", false]]) {
    const { page, context, log } = await env.page();
    await page.addInitScript(() => {
      const counts = { asked: 0, run: 0 };
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => {
        counts.asked++;
        return raf((t) => (counts.run++, cb(t)));
      };
      const fetch = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (/_bg\.wasm$/.test(String(input?.url ?? input))) window.__atWasm = { ...counts };
        return fetch(input, init);
      };
    });
    await page.goto(env.url + route);
    await appReady(page);
    const { at, by } = await page.evaluate(() => ({
      at: window.__atWasm,
      by: performance.getEntriesByType("resource").filter((e) => /_bg\.wasm$/.test(e.name)).map((e) => e.initiatorType),
    }));
    assert.deepEqual(by, ["fetch"], `/${route}: the loader fetched the wasm, once`);
    const when = `/${route}: frames asked for ${at.asked}, run ${at.run} before the wasm was requested`;
    assert.ok(waits ? at.asked >= 1 && at.run >= 1 : at.asked === 0, when);
    // A deep link is answered with 404.html, status 404, as a static host does.
    assert.deepEqual(log.errors.filter((e) => !(route && /status of 404/.test(e))), []);
    await context.close();
  }
});

test("a click on the prerendered page before the app runs is kept, shown as busy, and done once the app is on screen", async () => {
  const cases = [
    [(boot) => boot.getByRole("button", { name: "Start" }), "Your devices", "devices"],
    [(boot) => boot.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }), "Risk catalog", "catalog"],
  ];
  for (const [target, heading, path] of cases) {
    const { page, context, log } = await env.page();
    // The wasm is held until the click is made, as on a slow link.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.url);
    const el = target(page.locator("#boot"));
    await el.click();
    assert.equal(await el.getAttribute("aria-busy"), "true", `${path}: marked busy`);
    assert.match(await page.locator("#boot .notices[aria-live]").first().innerText(), /still loading/, `${path}: said to screen readers`);
    assert.equal(new URL(page.url()).pathname, BASE, `${path}: not followed while the app loads`);
    release();
    await page.locator("body > main").getByRole("heading", { level: 1, name: heading }).waitFor();
    assert.equal(new URL(page.url()).pathname, BASE + path);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("no request leaves the origin", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.waitForLoadState("networkidle");
  assert.ok(log.requests.length >= 3, `the page loaded its assets (${log.requests.length} requests)`);
  assert.deepEqual(log.foreign, [], "requests to other origins");
  await context.close();
});

test("the welcome page is in index.html before the wasm runs, and only at the root", async () => {
  const { page, context } = await env.page();
  // No wasm: what shows is the prerendered page alone.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(env.url);
  const boot = page.locator("#boot");
  assert.match(await boot.getByRole("heading", { level: 1 }).innerText(), /connected things in your home/i);
  assert.ok(await boot.getByRole("button", { name: "Start" }).isVisible(), "the welcome page shows without the app");
  // A deep link never shows the welcome page in place of the one asked for.
  await page.goto(env.url + "results");
  assert.equal(await boot.locator("main").evaluate((m) => getComputedStyle(m).visibility), "hidden");
  assert.ok(await boot.locator("header").isVisible(), "the header still shows");
  await context.close();

  // With the app: it replaces the prerendered page with its own, one of each.
  const app = await env.page();
  await app.page.goto(env.url);
  await appReady(app.page);
  assert.equal(await app.page.locator("#boot").count(), 0);
  assert.equal(await app.page.locator("main").count(), 1);
  assert.equal(await app.page.locator("header.site-header").count(), 1);
  assert.deepEqual(app.log.errors, []);
  await app.context.close();
});
