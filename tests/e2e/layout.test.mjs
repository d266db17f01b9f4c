// Phone layout: a one-row header whose links stay one tap away, table cells
// that never break a word, and the welcome page's single way back in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, appReady, artifact, brokenWords, heatTableCounts } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const PHONE = { width: 360, height: 740 };
// Every link of the main navigation and where it goes.
const LINKS = [
  ["Devices", "devices"],
  ["Home network", "home-questions"],
  ["Results", "results"],
  ["Action plan", "plan"],
  ["Catalog", "catalog"],
  ["Training", "training"],
  ["Your data", "data"],
];

test("at 360 px the header is one short row, and every link is one tap on Menu away", async () => {
  const { page, context, log } = await env.page({ viewport: PHONE });
  await page.goto(env.url);
  await appReady(page);
  const header = page.locator("body > header.site-header");
  const { height } = await header.boundingBox();
  console.log(`# header height at 360 px: ${height} px`);
  assert.ok(height <= 70, `the header is ${height} px tall at 360 px`);
  const h1 = await page.locator("body > main h1").boundingBox();
  assert.ok(h1.y < 120, `the page's heading starts at ${h1.y} px`);
  assert.ok(await header.getByRole("status").getByText("Saved").isVisible(), "the save state shows");
  await page.screenshot({ path: artifact("header-360.png") });

  const menu = header.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await nav.isVisible(), false, "the links wait behind the button");
  for (const [name, path] of LINKS) {
    await menu.click();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    const link = nav.getByRole("link", { name, exact: true });
    const box = await link.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `${name} is on screen (${JSON.stringify(box)})`);
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${name} is within the width`);
    assert.ok(box.height >= 44, `${name} is a full-size tap target`);
    if (name === "Your data") await page.screenshot({ path: artifact("header-menu-360.png") });
    await link.click();
    await page.waitForURL(env.url + path);
    assert.equal(await menu.getAttribute("aria-expanded"), "false", `choosing ${name} closes the menu`);
    assert.equal(await nav.isVisible(), false);
    assert.ok((await header.boundingBox()).height <= 70);
  }

  // By keyboard: Enter opens it, Tab reaches the first link, Enter follows
  // it and closes the menu; Space opens and closes it too.
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Devices");
  await page.keyboard.press("Enter");
  await page.waitForURL(env.url + "devices");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  await menu.focus();
  await page.keyboard.press("Space");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Space");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  // Back closes it too.
  await menu.click();
  await page.goBack();
  await page.waitForURL(env.url + "data");
  assert.equal(await menu.getAttribute("aria-expanded"), "false", "navigating back closes the menu");

  // On a desktop screen the links are in the header and the button is gone.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await menu.isVisible(), false);
  for (const [name] of LINKS) assert.ok(await nav.getByRole("link", { name, exact: true }).isVisible(), `${name} shows at 1280 px`);
  assert.ok(await header.getByText("Saved in this browser").isVisible());
  await page.screenshot({ path: artifact("header-1280.png") });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("at 360 px no table cell breaks a word across lines", async () => {
  const { page, context, log } = await env.page({ viewport: PHONE });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Try a sample home" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  for (const caption of ["Before what you do", "Now"]) await heatTableCounts(page, caption);
  await page.locator("table.heat-table").nth(1).waitFor();
  assert.deepEqual(await brokenWords(page), [], "results page");
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `the page scrolls sideways by ${over} px (only the tables may)`);
  await page.locator("table.heat-table").first().screenshot({ path: artifact("heat-table-360.png") });
  // A catalog entry's references table.
  await page.goto(env.url + "catalog");
  await appReady(page);
  await page.locator(".catalog-list a").first().click();
  await page.locator("table.refs").waitFor();
  assert.deepEqual(await brokenWords(page), [], "catalog entry");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a returning visitor sees one way back in: Continue where I left off", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 1280, height: 800 } });
  await page.goto(env.url);
  await appReady(page);
  const actions = page.locator("body > main .welcome .actions");
  assert.equal(await actions.getByRole("button", { name: "Start" }).count(), 1, "a new visitor starts");
  assert.equal(await actions.getByText("Continue where I left off").count(), 0);
  await actions.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { level: 1, name: "Your devices" }).waitFor();
  await page.getByRole("button", { name: /Smart speaker/i }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await page.locator(".device-list").waitFor();
  for (const fresh of [false, true]) {
    if (fresh) await page.reload();
    else await page.locator("body > header .brand-link").click();
    await appReady(page);
    await page.getByRole("heading", { level: 1, name: /connected things/ }).waitFor();
    const names = (await actions.locator("button, a").allInnerTexts()).map((t) => t.trim());
    assert.equal(names.filter((n) => /Continue where I left off|Open my home|^Start$/.test(n)).length, 1, names.join(" | "));
    assert.ok(names.includes("Continue where I left off"), names.join(" | "));
  }
  await actions.getByRole("button", { name: "Continue where I left off" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});
