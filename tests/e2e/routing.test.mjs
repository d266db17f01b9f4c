// The app's own router (src/ui/router.rs): in-app links change the page
// without a reload, back and forward work, the navigation marks the current
// section, and the skip link stays on the page it was used on.
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

const h1 = (page) => page.locator("main h1").innerText();
const current = (page) =>
  page.evaluate(() => [...document.querySelectorAll("a[aria-current=page]")].map((a) => a.textContent.trim()));

test("links move between pages without a reload, back and forward follow, and the section link is current", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  assert.deepEqual(await current(page), ["◈ThingRisk"], "the start page's own link is current on the start page only");
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await page.waitForURL(env.url + "catalog");
  assert.equal(await h1(page), "Risk catalog");
  assert.deepEqual(await current(page), ["Catalog"]);
  await page.evaluate(() => window.scrollTo(0, 400));
  const entry = page.locator("main li a").first();
  const title = await entry.innerText();
  await entry.click();
  await page.waitForURL(/\/catalog\/[^/]+$/);
  assert.equal(await h1(page), title);
  assert.equal(await page.evaluate(() => scrollY), 0, "a new page starts at the top");
  assert.deepEqual(await current(page), ["Catalog", "← All of the catalog"], "a section stays current on the pages beneath it");
  await page.goBack();
  await page.waitForURL(env.url + "catalog");
  assert.equal(await h1(page), "Risk catalog");
  await page.goForward();
  await page.waitForURL(/\/catalog\/[^/]+$/);
  assert.equal(await h1(page), title);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "no page load on the way");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the skip link moves focus to the content and stays on the page", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url + "catalog");
  await appReady(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  assert.equal(page.url(), env.url + "catalog");
  assert.equal(await h1(page), "Risk catalog");
  await context.close();
});
