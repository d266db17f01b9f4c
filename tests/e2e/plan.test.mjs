// Action plan with what-if, the catalog browser with deep links, the
// supply-side checklist, the printable report and the CSV export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, appReady, artifact, heatTableCounts as tableCounts, navTo } from "./harness.mjs";
import { axeViolations } from "./axe.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** A home with a router and a camera, everything answered "No". */
async function homeWithDevices(page) {
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  for (const [type, name] of [[/Router or mesh/i, "Hall router"], [/indoor camera/i, "Nursery camera"]]) {
    await page.getByRole("button", { name: type }).first().click();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: /^Add / }).click();
    await page.getByRole("link", { name }).waitFor();
  }
}


test("marking a control planned moves a pair on the projected map; done records the answer", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 1280, height: 900 } });
  await homeWithDevices(page);
  await page.getByRole("link", { name: "Action plan", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your action plan" }).waitFor();
  const now = await tableCounts(page, "Residual risk now");
  const before = await tableCounts(page, "Projected with planned steps");
  assert.deepEqual(before, now, "with nothing planned, the projection is the current picture");
  // The table twin is built only while open, by keyboard too: closed, it
  // is gone; opened again after a change, it shows the new counts.
  const projected = page.locator("figure.heat-map", { has: page.locator("figcaption", { hasText: "Projected with planned steps" }) });
  await projected.locator("summary").focus();
  await page.keyboard.press("Enter");
  await projected.locator("table.heat-table").waitFor({ state: "detached" });
  const first = page.locator("li.plan-entry").first();
  const title = (await first.locator("h3").innerText()).replace(/^1\. /, "");
  await first.getByRole("button", { name: "Plan it" }).click();
  await page.getByRole("heading", { name: /\(1 planned\)/ }).waitFor();
  await projected.locator("summary").focus();
  await page.keyboard.press("Enter");
  await projected.locator("table.heat-table").waitFor();
  const after = await tableCounts(page, "Projected with planned steps");
  assert.notDeepEqual(after, before, "a pair's projected cell changed");
  assert.equal(after.reduce((a, b) => a + b, 0), before.reduce((a, b) => a + b, 0));
  assert.deepEqual(await tableCounts(page, "Residual risk now"), now, "the current picture is unchanged");
  // The risks a step lowers are listed when asked for (built on opening).
  await first.locator("summary", { hasText: "Risks it lowers" }).click();
  await first.locator("ul.lowers li").first().waitFor();
  const lowered = await first.locator("ul.lowers li").allInnerTexts();
  assert.ok(lowered.length > 0 && lowered.length <= 8, `${lowered.length} lowered risks shown`);
  assert.match(lowered[0], /^(Hall router|Nursery camera): .+ → /);
  // Filters: "Ask the vendor" only shows vendor-only steps; a device narrows the list.
  const all = await page.locator("li.plan-entry").count();
  await page.getByLabel("For").selectOption({ label: "Nursery camera" });
  const cam = await page.locator("li.plan-entry").count();
  assert.ok(cam > 0 && cam < all, `device filter narrows ${all} -> ${cam}`);
  await page.getByLabel("For").selectOption({ label: "The whole home" });
  // Done: the entry leaves the plan, and the residual map improves.
  const entry = page.locator("li.plan-entry", { has: page.locator("h3", { hasText: title }) });
  await entry.getByRole("button", { name: "Mark as done" }).click();
  await page.locator("li.plan-entry", { has: page.locator("h3", { hasText: new RegExp(`\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) }).waitFor({ state: "detached" });
  assert.notDeepEqual(await tableCounts(page, "Residual risk now"), now, "done lowered the residual picture");
  // The steps left are numbered again from 1, with no gap where the done one was.
  // textContent: rows off screen are not rendered (content-visibility), so have no innerText.
  const ranks = (await page.locator("li.plan-entry h3").allTextContents()).map((t) => Number(t.split(".")[0]));
  assert.deepEqual(ranks, ranks.map((_, i) => i + 1), "plan ranks renumbered after done");
  // The maps were repainted cell by cell; a full redraw (as on resize) gives the same pixels.
  const pictures = () => page.evaluate(() => [...document.querySelectorAll("canvas.heat-canvas")].map((c) => c.toDataURL()));
  const repainted = await pictures();
  await page.evaluate(() => window.dispatchEvent(new Event("resize")));
  assert.deepEqual(await pictures(), repainted, "partial repaint equals a full drawing");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("the catalog is searchable and entries have deep links that survive a reload", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url + "catalog");
  await appReady(page);
  const status = page.getByRole("status").filter({ hasText: /scenarios, \d+ controls/ });
  const full = await status.innerText();
  await page.getByLabel("Search").fill("password");
  await page.waitForTimeout(100);
  assert.notEqual(await status.innerText(), full, "search narrows the list");
  const link = page.locator(".catalog-list a").first();
  const name = await link.innerText();
  await link.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const url = page.url();
  assert.match(url, /\/thingrisk\/catalog\/(scn|ctl)\./);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), name);
  assert.ok(await page.getByRole("table", { name: "References" }).isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("the supply-side checklist counts progress, keeps it and exports it", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url + "supply");
  await appReady(page);
  const boxes = page.getByRole("checkbox");
  const n = await boxes.count();
  assert.ok(n >= 12, `${n} supply-side practices`);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  assert.match(await page.locator(".progress").first().innerText(), new RegExp(`2 of ${n}`));
  await page.reload();
  await appReady(page);
  assert.match(await page.locator(".progress").first().innerText(), new RegExp(`2 of ${n}`));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Export the checklist/ }).click()]);
  const csv = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.equal(csv.length, n + 1);
  assert.equal(csv.filter((l) => l.endsWith(",yes")).length, 2);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("the printable report shows both heat maps and no navigation; the CSV has one row per pair", async () => {
  const { page, context } = await env.page({ viewport: { width: 1280, height: 900 } });
  await homeWithDevices(page);
  await page.getByRole("link", { name: "Results", exact: true }).click();
  const pairs = Number((await page.locator("p.lead").innerText()).match(/^(\d+) device-risk pairs/)[1]);
  await page.goto(env.url + "report");
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: /Security and privacy report/ }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false, "no navigation in print");
  assert.equal(await page.getByRole("button", { name: /Print/ }).isVisible(), false);
  const canvases = page.locator("canvas.heat-canvas");
  assert.equal(await canvases.count(), 2);
  for (const c of await canvases.all()) {
    assert.ok(await c.isVisible(), "heat map visible in print");
    const inked = await c.evaluate((el) => {
      const d = el.getContext("2d").getImageData(0, 0, el.width, el.height).data;
      let coloured = 0;
      for (let i = 0; i < d.length; i += 16) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) coloured++;
      return coloured;
    });
    assert.ok(inked > 100, "the canvas is drawn");
  }
  await page.pdf({ path: artifact("report.pdf"), format: "A4" });
  await page.emulateMedia({ media: "screen" });
  await page.goto(env.url + "data");
  await appReady(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Risk register (CSV)" }).click()]);
  const rows = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.match(rows[0], /^household,device,/);
  assert.equal(rows.length - 1, pairs, "one row per device-risk pair");
  await context.close();
});

test("the results open with a headline naming the worst risk and the plan's first step", async () => {
  const { page, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await homeWithDevices(page);
  await navTo(page, "Results");
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  const headline = page.getByRole("region", { name: "In short" });
  const summary = await headline.locator(".headline-summary").innerText();
  const first = await headline.locator(".headline-first").innerText();
  // The worst risk is the first of "Top risks now": "<device>: <title>".
  const top = page.locator("ul.risk-list").last().locator("li.risk h3").first();
  await top.waitFor();
  const [device, title] = (await top.innerText()).split(/:\s+/, 2);
  assert.match(summary, /^Your home has \d+ (very )?high risks?/);
  assert.ok(summary.includes(`"${title.trim()}" on ${device.trim()}`), `${summary} names ${device}: ${title}`);
  // The headline sits above the maps: on a phone it is the first thing read.
  const box = await headline.boundingBox();
  const maps = await page.locator(".heat-maps").boundingBox();
  assert.ok(box.y + box.height <= maps.y, "the headline comes before the maps");
  assert.ok(box.y < 740, "in the first screen at 360 px");
  // "See your plan" opens the plan, whose first step is the one named.
  await headline.getByRole("link", { name: "See your plan" }).click();
  await page.getByRole("heading", { level: 1, name: "Your action plan" }).waitFor();
  // textContent: list cards off screen are not laid out, so have no innerText.
  const step = (await page.locator("li.plan-entry h3").first().textContent()).replace(/^1\. /, "");
  assert.ok(first.startsWith(`Do this first: ${step}.`), `${first} starts with ${step}`);
  assert.deepEqual(log.errors, []);
});
