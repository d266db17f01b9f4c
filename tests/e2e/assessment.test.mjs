// A new user's whole assessment, end to end: devices, questions, heat maps,
// explanations, a changed answer moving a pair, and a reload keeping it all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, artifact, repo, heatTableCounts as tableCounts, navTo } from "./harness.mjs";
import { axeViolations } from "./axe.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const DEVICES = [
  { type: /Router or mesh/i, name: "Hall router", room: "Hall" },
  { type: /indoor camera/i, name: "Nursery camera", room: "Child's room" },
  { type: /speaker/i, name: "Kitchen speaker", room: "Kitchen" },
];

const PICK = { No: "None of them", Yes: "All of them" };

/** Answers every question of the questionnaire on screen with `answer`. */
async function answerAll(page, answer) {
  for (let i = 0; i < 80; i++) {
    const done = page.getByRole("heading", { name: /^Done:|^No questions here/ });
    if (await done.isVisible()) return i;
    // A home question asked with per-device picks says "None of them" / "All of them".
    const group = page.getByRole("group");
    const plain = group.getByRole("button", { name: answer, exact: true });
    if (await plain.count()) await plain.click();
    else await group.getByRole("button", { name: PICK[answer], exact: true }).click();
  }
  throw new Error("the questionnaire never ended");
}


/** The engine's own count of pairs for the stored household, via the CLI. */
function cliPairs(stored) {
  const state = JSON.parse(stored);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tr-")), "home.json");
  fs.writeFileSync(file, JSON.stringify(state.households[0]));
  // Built by `cargo test` (debug) in the test command; the release one works too.
  const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repo, "target");
  const bin = ["debug", "release"].map((p) => path.join(targetDir, p, "thingrisk")).find((p) => fs.existsSync(p));
  const out = execFileSync(bin, ["assess", file, "--format", "json"], { encoding: "utf8" });
  return JSON.parse(out).pairs.length;
}

test("a new user assesses three devices and the home, reads and changes results, and reloads", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { name: "Your devices" }).waitFor();

  for (const d of DEVICES) {
    await page.getByLabel("Find a device type").fill("");
    await page.getByRole("button", { name: d.type }).first().click();
    await page.getByLabel("Name", { exact: true }).fill(d.name);
    await page.getByLabel("Room").fill(d.room);
    await page.getByRole("button", { name: /^Add / }).click();
    await page.getByRole("link", { name: d.name }).waitFor();
  }
  assert.equal(await page.locator(".device-list > li").count(), 3);

  // Each device's questions, then the household's, following "Next" links.
  await page.getByRole("link", { name: /^Answer every question/ }).first().click();
  let asked = 0;
  for (const d of DEVICES) {
    await page.getByRole("heading", { level: 1, name: new RegExp(d.name) }).waitFor();
    asked += await answerAll(page, "No");
    await page.getByRole("link", { name: /^Next device|Home network and accounts/ }).click();
  }
  await page.getByRole("heading", { level: 1, name: "Home network and accounts" }).waitFor();
  asked += await answerAll(page, "No");
  assert.ok(asked > 10, `questions were asked (${asked})`);
  await page.getByRole("link", { name: "See results" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();

  // The heat maps hold every pair the engine computes for this household.
  for (const s of await page.getByText("Show as a table").all()) await s.click();
  await page.locator(".save-state", { hasText: "Saved in this browser" }).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem("thingrisk.state"));
  assert.ok(stored, `state saved (errors: ${log.errors.join("\n")})`);
  const expected = cliPairs(stored);
  const before = await tableCounts(page, "Now");
  const inherent = await tableCounts(page, "Before what you do");
  assert.equal(before.reduce((a, b) => a + b, 0), expected, "residual map total = engine pairs");
  assert.equal(inherent.reduce((a, b) => a + b, 0), expected, "inherent map total = engine pairs");
  assert.match(await page.locator("p.lead").innerText(), /^Based on \d+ answers\. Nothing left unanswered would change your first steps\.$/, "every question was answered");

  // Open the fullest residual cell and read an explanation.
  const residualTable = page.locator("table.heat-table", { has: page.locator("caption", { hasText: "Now:" }) });
  const fullest = before.indexOf(Math.max(...before));
  await residualTable.locator("tbody button").nth(fullest).click();
  const cellList = page.locator("section.cell-risks");
  await cellList.getByRole("heading", { name: new RegExp(`^${before[fullest]} risks?, now: `) }).waitFor();
  const first = cellList.locator("li.risk").first();
  // First one plain sentence; the engine's working behind "Details".
  assert.match(await first.locator("p.why-plain").innerText(), /^(Very low|Low|Moderate|High|Very high) now: an? .+ chance/);
  await first.locator("summary", { hasText: "Details" }).click();
  const why = await first.locator("ol.explanation").innerText();
  // A scenario with one way in starts from its base likelihood; one with
  // several starts from each way in's.
  assert.match(why, /Base likelihood: \w+|Through .+: base likelihood \w+/);
  assert.match(why, /Risk level (before|with) your controls: \w+/);
  await page.screenshot({ path: artifact("results-1280.png"), fullPage: true });

  // Change the camera's answers to "Yes": its pairs move to lower cells.
  await page.goto(env.url + "devices");
  await appReady(page);
  await page.getByRole("link", { name: /^Answer every question/ }).nth(1).click();
  await page.getByRole("heading", { level: 1, name: /Nursery camera/ }).waitFor();
  for (let i = 0; i < 60; i++) {
    const yes = page.getByRole("group").getByRole("button", { name: "Yes", exact: true });
    if (!(await yes.count())) break;
    await yes.click();
  }
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  for (const s of await page.getByText("Show as a table").all()) await s.click();
  const after = await tableCounts(page, "Now");
  assert.equal(after.reduce((a, b) => a + b, 0), expected, "no pair is lost");
  assert.notDeepEqual(after, before, "some pairs moved cell");
  // Rows run from Very high likelihood down: a move to lower risk puts more
  // pairs in later rows or earlier columns; the weighted position drops.
  const weight = (c) => c.reduce((s, n, k) => s + n * ((4 - Math.floor(k / 5)) + (k % 5)), 0);
  assert.ok(weight(after) < weight(before), "pairs moved towards lower likelihood or impact");

  // Reload: everything is still there.
  await page.reload();
  await appReady(page);
  for (const s of await page.getByText("Show as a table").all()) await s.click();
  assert.deepEqual(await tableCounts(page, "Now"), after);
  await page.getByRole("link", { name: "Devices", exact: true }).click();
  assert.equal(await page.locator(".device-list > li").count(), 3);
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

test("the results page fits a 360 px phone screen without horizontal scrolling", async () => {
  const { page, context } = await env.page({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: /Smart speaker/i }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await navTo(page, "Results");
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  await page.waitForTimeout(300);
  for (const p of ["results", "devices", "home-questions", "data", ""]) {
    if (p) await page.evaluate((u) => { history.pushState({}, "", u); dispatchEvent(new PopStateEvent("popstate")); }, env.url + p);
    await page.waitForTimeout(200);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `/${p} scrolls sideways by ${over}px at 360px`);
  }
  await page.evaluate((u) => { history.pushState({}, "", u); dispatchEvent(new PopStateEvent("popstate")); }, env.url + "results");
  await page.waitForTimeout(300);
  // The canvas backing store follows devicePixelRatio (crisp on phones).
  const { w, cw } = await page.locator("canvas.heat-canvas").first().evaluate((c) => ({ w: c.width, cw: c.clientWidth }));
  assert.equal(w, Math.round(cw * 2));
  await page.screenshot({ path: artifact("results-360.png"), fullPage: true });
  await context.close();
});

test("the questionnaire works by keyboard alone", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Your devices" }).waitFor();
  await page.getByLabel("Find a device type").focus();
  await page.keyboard.type("lock");
  await page.keyboard.press("Tab"); // the first matching category
  await page.keyboard.press("Enter");
  await page.getByLabel("Name", { exact: true }).focus();
  await page.keyboard.type("Front door lock");
  await page.keyboard.press("Enter"); // submits the form
  await page.getByRole("link", { name: "Front door lock" }).waitFor();
  await page.getByRole("link", { name: /^Answer every question/ }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: /Front door lock/ }).waitFor();
  // After each answer focus moves to the next question's heading; Tab reaches "Yes".
  let answered = 0;
  for (; answered < 40; answered++) {
    if (await page.getByRole("heading", { name: /^Done:/ }).isVisible()) break;
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    if (answered > 0) assert.equal(focused, "H2", "focus follows to the next question");
    // From the question heading, Tab reaches "Yes" at once; on arrival it may take a few.
    for (let t = 0; t < 12; t++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Yes") break;
      assert.ok(answered === 0, "from the heading, the next Tab is Yes");
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Yes");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(50);
  }
  assert.ok(answered >= 3, `answered ${answered} questions by keyboard`);
  const progress = await page.locator(".progress").innerText();
  assert.match(progress, new RegExp(`${answered} of ${answered}`));
  await context.close();
});

test("axe-core finds no serious or critical violations on any page", async () => {
  const { page, context } = await env.page({ bypassCSP: true });
  await page.goto(env.url);
  await appReady(page);
  const pages = { welcome: null };
  pages.welcome = await axeViolations(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: /camera/i }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await page.getByRole("link", { name: /^Answer every question/ }).waitFor();
  pages.devices = await axeViolations(page);
  await page.getByRole("link", { name: /^Answer every question/ }).click();
  await page.locator(".answer-buttons").waitFor();
  pages.questions = await axeViolations(page);
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  for (const s of await page.getByText("Show as a table").all()) await s.click();
  await page.locator("table.heat-table").nth(1).waitFor();
  await page.getByRole("heading", { level: 2, name: "Top risks now" }).waitFor();
  pages.results = await axeViolations(page);
  await page.locator(".device-list a, a[href$='/devices']").first().click();
  await page.getByRole("link", { name: /camera/i }).first().click();
  await page.getByRole("heading", { name: "About this device" }).waitFor();
  pages.device = await axeViolations(page);
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
  pages.data = await axeViolations(page);
  for (const [name, v] of Object.entries(pages)) assert.deepEqual(v, [], `${name}: ${JSON.stringify(v, null, 1)}`);
  await context.close();
});

test("results and plan: the maps come first, the lists below them a frame later, and nothing shifts", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Try a sample home" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  await page.locator(".save-state", { hasText: "Saved in this browser" }).waitFor();
  // Fresh loads, layout shifts recorded from the start.
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
    // Whether a list was already there when the first map was drawn.
    window.__listsAtFirstDraw = null;
    const draw = CanvasRenderingContext2D.prototype.fillRect;
    CanvasRenderingContext2D.prototype.fillRect = function (...a) {
      if (window.__listsAtFirstDraw === null) window.__listsAtFirstDraw = !!document.querySelector("main .risk-list, main .level-counts, main .plan-list");
      return draw.apply(this, a);
    };
  });
  for (const [route, ready] of [
    ["results", async () => {
      await page.getByRole("heading", { level: 2, name: "Top risks now" }).waitFor();
      assert.equal(await page.locator("ul.risk-list").last().locator(":scope > li").count(), 5, "five top risks");
      assert.equal(await page.locator("table.level-counts tbody tr").count(), 5, "a row per level");
    }],
    ["plan", async () => {
      await page.locator("ol.plan-list > li").first().waitFor();
      assert.match(await page.locator(".plan-count").innerText(), /^(The first 5 of \d+ steps|\d+ steps?)\.$/);
    }],
  ]) {
    await page.goto(env.url + route);
    await ready();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__listsAtFirstDraw), false, `${route}: the maps were drawn before the lists were built`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `${route}: layout shifts ${JSON.stringify(shifts)}`);
  }
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});
