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
  const now = await tableCounts(page, "Now");
  const before = await tableCounts(page, "With your plan");
  assert.deepEqual(before, now, "with nothing planned, the projection is the current picture");
  // The table twin is built only while open, by keyboard too: closed, it
  // is gone; opened again after a change, it shows the new counts.
  const projected = page.locator("figure.heat-map", { has: page.locator("figcaption", { hasText: "With your plan" }) });
  await projected.locator("summary").focus();
  await page.keyboard.press("Enter");
  await projected.locator("table.heat-table").waitFor({ state: "detached" });
  const first = page.locator("li.plan-entry").first();
  const title = (await first.locator("h3").innerText()).replace(/^1\. /, "");
  await first.getByRole("button", { name: "Plan it" }).click();
  await page.locator(".plan-bar", { hasText: /^1 step planned: / }).waitFor();
  await projected.locator("summary").focus();
  await page.keyboard.press("Enter");
  await projected.locator("table.heat-table").waitFor();
  const after = await tableCounts(page, "With your plan");
  assert.notDeepEqual(after, before, "a pair's projected cell changed");
  assert.equal(after.reduce((a, b) => a + b, 0), before.reduce((a, b) => a + b, 0));
  assert.deepEqual(await tableCounts(page, "Now"), now, "the current picture is unchanged");
  // The risks a step lowers are listed when asked for (built on opening).
  await first.locator("summary", { hasText: "Risks it lowers" }).click();
  await first.locator("ul.lowers li").first().waitFor();
  const lowered = await first.locator("ul.lowers li").allInnerTexts();
  assert.ok(lowered.length > 0 && lowered.length <= 8, `${lowered.length} lowered risks shown`);
  assert.match(lowered[0], /^(Hall router|Nursery camera): .+ → /);
  // Filters: "Ask the vendor" only shows vendor-only steps; a device narrows the list.
  // "The first 5 of 12 steps." or "3 steps.": the last number is the whole plan's.
  const steps = async () => Number((await page.locator(".plan-count").innerText()).match(/(\d+) steps?\.$/)[1]);
  const all = await steps();
  await page.getByLabel("For").selectOption({ label: "Nursery camera" });
  await page.waitForFunction((all) => !document.querySelector(".plan-count").textContent.includes(` ${all} step`), all);
  const cam = await steps();
  assert.ok(cam > 0 && cam < all, `device filter narrows ${all} -> ${cam}`);
  await page.getByLabel("For").selectOption({ label: "The whole home" });
  // Done: the entry leaves the plan, and the residual map improves.
  const entry = page.locator("li.plan-entry", { has: page.locator("h3", { hasText: title }) });
  await entry.getByRole("button", { name: "Mark as done" }).click();
  await page.locator("li.plan-entry", { has: page.locator("h3", { hasText: new RegExp(`\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) }).waitFor({ state: "detached" });
  assert.notDeepEqual(await tableCounts(page, "Now"), now, "done lowered the residual picture");
  await page.locator(".done-steps li", { hasText: title }).waitFor();
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
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  const pairs = (await tableCounts(page, "Now")).reduce((a, b) => a + b, 0);
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
  // Page one is the summary (headline, both maps, five steps), the register after it.
  const pdf = fs.readFileSync(artifact("report.pdf"), "latin1");
  const pageCount = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`report for two devices: ${pageCount} A4 pages`);
  assert.ok(pageCount >= 2 && pageCount <= 8, `${pageCount} pages`);
  const summary = await page.locator(".report-summary").boundingBox();
  assert.ok(summary.height < 1123 - 2 * 53, `the summary fits one A4 page (${summary.height} px)`);
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

/** Scrolls the page to its end, 500 px at a time: its height must never change on the way. */
async function assertHeightHolds(page) {
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const start = await height();
  for (let y = 0; y < start; y += 500) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(50);
    assert.equal(await height(), start, `height at scroll ${y}`);
  }
}

/** The stored household's answers (the whole home's and each device's), once saved. */
async function storedAnswers(page) {
  await page.locator(".save-state", { hasText: "Saved in this browser" }).waitFor();
  return page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("thingrisk.state"));
    const h = (s.state || s).households.find((h) => !h.sample);
    return JSON.stringify({ home: h.answers, devices: h.devices.map((d) => [d.id, d.answers]), planned: h.planned });
  });
}

test("on a phone the plan shows what a step would change where it is pressed; done can be undone; the page does not grow while scrolling", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await homeWithDevices(page);
  await page.goto(env.url + "plan"); // on a phone the links sit behind Menu
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Your action plan" }).waitFor();
  const entries = page.locator("li.plan-entry");
  await entries.first().waitFor();
  // Five steps first, the rest on request.
  assert.equal(await entries.count(), 5);
  const showAll = page.getByRole("button", { name: /^Show all \d+ steps$/ });
  const total = Number((await showAll.innerText()).match(/\d+/)[0]);
  assert.ok(total > 5, `${total} steps in all`);
  // Each step says what it changes in levels, never as a bare score.
  const effect = await entries.first().locator(".effect").innerText();
  assert.match(effect, /^Lowers \d+ risks?: \d+ (Very high|High|Moderate|Low) → (High|Moderate|Low|Very low)|^No risk drops a whole level/);
  assert.doesNotMatch(await page.locator("main").innerText(), /risk score|−\d+\.\d/);

  // "Plan it" on the first step: the change shows inside the screen, beside the button.
  const plan = entries.first().getByRole("button", { name: "Plan it" });
  await plan.scrollIntoViewIfNeeded();
  const bar = page.locator(".plan-bar");
  const before = await bar.innerText();
  await plan.click();
  await bar.filter({ hasText: /^1 step planned: risks now → with your plan: / }).waitFor();
  assert.notEqual(await bar.innerText(), before);
  const inView = async (loc) => {
    const b = await loc.boundingBox();
    return b && b.y >= 0 && b.y + b.height <= 740;
  };
  assert.ok(await inView(bar), "the projected change is in view");
  assert.ok(await inView(entries.first().getByRole("button", { name: /Planned/ })), "next to the step just planned");
  // The numbers in the bar are the maps' own: High now → with the plan.
  const now = await tableCounts(page, "Now");
  const withPlan = await tableCounts(page, "With your plan");
  assert.notDeepEqual(withPlan, now);

  // "Mark as done" says what it did and offers Undo, which restores every answer.
  const answersBefore = await storedAnswers(page);
  const second = entries.nth(1);
  const title = (await second.locator("h3").innerText()).replace(/^2\. /, "");
  await second.getByRole("button", { name: "Mark as done" }).click();
  await bar.filter({ hasText: `Done: “${title}”. Your answer is now “yes” for` }).waitFor();
  assert.ok(await inView(bar));
  await page.locator(".done-steps li", { hasText: title }).waitFor();
  assert.notEqual(await storedAnswers(page), answersBefore, "done recorded answers");
  await bar.getByRole("button", { name: "Undo" }).click();
  await page.locator(".done-steps li", { hasText: title }).waitFor({ state: "detached" });
  await entries.locator("h3", { hasText: title }).waitFor();
  assert.equal(await storedAnswers(page), answersBefore, "undo put every answer back");

  // Show all, then scroll to the end: the page's height never changes on the way.
  await showAll.click();
  await page.waitForFunction((n) => document.querySelectorAll("li.plan-entry").length === n, total);
  await assertHeightHolds(page);
  await page.screenshot({ path: artifact("plan-360.png") });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("a “Things to find out” item opens its question in the device's answer list, where it can be changed in place", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await homeWithDevices(page);
  // Answer the router's first question "Don't know".
  await page.goto(env.url + "devices");
  await appReady(page);
  await page.getByRole("link", { name: /^Answer every question/ }).first().click();
  const question = page.locator(".question h2");
  await question.waitFor();
  const text = (await question.innerText()).trim();
  await page.locator(".question").getByRole("button", { name: "Don't know", exact: true }).click();
  await page.goto(env.url + "results");
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  const item = page.locator("ul.open-questions a", { hasText: text });
  await item.click();
  // The list of answers opens at that question, in view and focused.
  await page.waitForURL(/\/devices\/.+\/questions#answer-/);
  await page.locator(".answer-list li:focus").waitFor();
  const id = await page.evaluate(() => document.activeElement.id);
  assert.match(id, /^answer-q\./);
  const row = page.locator(`[id="${id}"]`);
  assert.equal((await row.locator("p").innerText()).trim(), text);
  const box = await row.boundingBox();
  assert.ok(box.y >= 0 && box.y < 740, `the question is in view (y ${box.y})`);
  assert.equal(await row.locator("button", { hasText: "Don't know" }).getAttribute("aria-pressed"), "true");
  await row.getByRole("button", { name: "Yes", exact: true }).click();
  assert.equal(await row.locator("button", { hasText: "Yes" }).getAttribute("aria-pressed"), "true");
  await page.goto(env.url + "results");
  await appReady(page);
  await page.getByRole("heading", { level: 2, name: "Top risks now" }).waitFor();
  assert.equal(await page.locator("ul.open-questions a", { hasText: text }).count(), 0, "no longer open");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("on a phone a busy square lists ten risks, all on request, and the results page does not grow while scrolling", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await homeWithDevices(page);
  await page.goto(env.url + "results");
  await appReady(page);
  const counts = await tableCounts(page, "Now");
  const fullest = counts.indexOf(Math.max(...counts));
  const table = page.locator("table.heat-table", { has: page.locator("caption", { hasText: "Now:" }) });
  await table.locator("tbody button").nth(fullest).click();
  const list = page.locator("section.cell-risks li.risk");
  await list.first().waitFor();
  assert.equal(await list.count(), Math.min(10, counts[fullest]));
  await assertHeightHolds(page);
  if (counts[fullest] > 10) {
    await page.getByRole("button", { name: `Show all ${counts[fullest]} risks` }).click();
    await page.waitForFunction((n) => document.querySelectorAll("section.cell-risks li.risk").length === n, counts[fullest]);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
