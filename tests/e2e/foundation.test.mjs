// The app builds, boots under a subpath, handles unknown paths like a static
// host would, and never talks to another origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, appReady } from "./harness.mjs";

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
  assert.deepEqual(log.errors, [], "no console errors");
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

test("no request leaves the origin", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.waitForLoadState("networkidle");
  assert.ok(log.requests.length >= 3, `the page loaded its assets (${log.requests.length} requests)`);
  assert.deepEqual(log.foreign, [], "requests to other origins");
  await context.close();
});
