// A trainer's day (issue 25, part A): a participant's card session survives
// a reload and goes on where it stopped; a finished one stays readable until
// "Start a new session"; sample homes stay out of exports unless chosen, are
// listed apart on Your data, and "Remove sample homes" clears only them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, appReady } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("thingrisk.state") || "null"));

/** Waits until the saved card session holds `n` answers (null: no session). */
async function savedAnswers(page, n) {
  await page.waitForFunction(
    (n) => {
      const s = JSON.parse(localStorage.getItem("thingrisk.state") || "null");
      const t = s?.training ?? null;
      return n === null ? t === null : t !== null && t.answers.filter((a) => a !== null).length === n;
    },
    n,
    { timeout: 10_000 },
  );
}

async function answerCard(page, card, total) {
  await page.getByText(new RegExp(`^Card ${card} of ${total}`)).waitFor();
  const title = await page.locator("#card-title").innerText();
  await page.locator("button.choice").first().click();
  await page.locator("#feedback-title").waitFor();
  return title;
}

test("a card session goes on at card 4 after a reload, and a finished one stays until a new session", async () => {
  const { page, context, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await page.goto(env.url + "training");
  await appReady(page);
  await page.getByLabel("Session code (optional)").fill("4821");
  await page.getByRole("button", { name: "Start training" }).click();
  const titles = [];
  for (let card = 1; card <= 3; card++) {
    titles.push(await answerCard(page, card, 5));
    await page.getByRole("button", { name: "Next card →" }).click();
  }
  await page.getByText(/^Card 4 of 5/).waitFor();
  const fourth = await page.locator("#card-title").innerText();
  const scoreSoFar = await page.locator(".question-count").innerText();
  await savedAnswers(page, 3);
  const kept = (await saved(page)).training;
  assert.equal(kept.code, 4821);
  assert.equal(kept.answers.length, 5);
  assert.ok(kept.answers.slice(0, 3).every((a) => a.startsWith("ctl.")));
  assert.ok(JSON.stringify(kept).length < 400, "the saved session is small");

  await page.reload();
  await appReady(page);
  await page.getByText(/^Card 4 of 5/).waitFor();
  assert.equal(await page.locator("#card-title").innerText(), fourth, "the same fourth card");
  assert.equal(await page.locator(".question-count").innerText(), scoreSoFar, "the same score so far");
  assert.equal(await page.locator("button.choice:not([disabled])").count(), 4, "card 4 is not answered yet");

  await answerCard(page, 4, 5);
  await page.getByRole("button", { name: "Next card →" }).click();
  await answerCard(page, 5, 5);
  await page.getByRole("button", { name: "See my score" }).click();
  const score = await page.locator("#score-title").innerText();
  assert.match(score, /^You scored [0-5] of 5$/);
  await savedAnswers(page, 5);

  // Finished: a reload shows the results, the first three cards among them.
  await page.reload();
  await appReady(page);
  await page.locator("#score-title").waitFor();
  assert.equal(await page.locator("#score-title").innerText(), score);
  const rows = await page.locator(".score-list li").allInnerTexts();
  assert.equal(rows.length, 5);
  titles.forEach((t, i) => assert.ok(rows[i].includes(t), `${rows[i]} is card ${i + 1}`));

  // "Start a new session" drops it, for good.
  await page.getByRole("button", { name: "Start a new session" }).click();
  await page.getByRole("heading", { name: "Start a session" }).waitFor();
  await savedAnswers(page, null);
  await page.reload();
  await appReady(page);
  await page.getByRole("heading", { name: "Start a session" }).waitFor();
  assert.equal(await page.locator("#score-title").count(), 0);
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

// The person's own home, saved by an earlier version (3): it migrates.
const OWN = { id: "h1", name: "Secret Street 12", answers: {}, devices: [
  { id: "d1", name: "Hall camera", category: "dev.indoor-camera", room: "Hall", answers: {} },
], planned: [], sample: false };
const STORED = { format: "thingrisk", version: 3, app_version: "0.2.0", saved_at: "", revision: 1, active: "h1", households: [OWN] };
const SAMPLE = "Family home with a baby (sample)";

async function ownHomeAndASample(page) {
  await page.goto(env.url);
  await appReady(page);
  await page.evaluate((s) => localStorage.setItem("thingrisk.state", s), JSON.stringify(STORED));
  await page.goto(env.url + "training");
  await appReady(page);
  await page.getByRole("button", { name: `Open this sample: ${SAMPLE}` }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("thingrisk.state")).households.length === 2);
  await page.goto(env.url + "data");
  await appReady(page);
}

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return fs.readFileSync(await d.path(), "utf8");
}

test("exports hold only the person's own home unless the sample homes are chosen", async () => {
  const { page, context } = await env.page({ viewport: { width: 1280, height: 900 } });
  await ownHomeAndASample(page);
  const box = page.getByLabel("Include the sample homes in these files");
  assert.equal(await box.isChecked(), false, "left out by default");

  let file = JSON.parse(await download(page, "Export all data (JSON)"));
  assert.deepEqual(file.households.map((h) => h.name), ["Secret Street 12"]);
  assert.equal(file.active, null, "the open sample is not named in a file without it");
  assert.equal(file.training, null);
  let csv = await download(page, "Risk register (CSV)");
  assert.ok(csv.includes("Secret Street 12"));
  assert.ok(!csv.includes(SAMPLE), "no sample rows");
  // The open home is the sample: its action plan is left out too.
  assert.ok(await page.getByRole("button", { name: "Action plan (CSV)" }).isDisabled());

  await box.check();
  file = JSON.parse(await download(page, "Export all data (JSON)"));
  assert.deepEqual(file.households.map((h) => h.name), ["Secret Street 12", SAMPLE]);
  assert.ok(file.households[1].sample, "still marked");
  csv = await download(page, "Risk register (CSV)");
  assert.ok(csv.includes("Secret Street 12") && csv.includes(SAMPLE));
  const plan = await download(page, "Action plan (CSV)");
  assert.ok(plan.includes("rank,control"), "the plan of the open sample, now included");
  await context.close();
});

test("Your data lists the sample home apart, and Remove sample homes clears it but not the own home", async () => {
  const { page, context } = await env.page({ viewport: { width: 360, height: 740 } });
  await ownHomeAndASample(page);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Sample homes" }) });
  assert.deepEqual(await section.locator("li").allInnerTexts(), [SAMPLE]);
  await section.getByRole("button", { name: "Remove sample homes…" }).click();
  // Cancel first: nothing changes.
  await section.getByRole("button", { name: "Cancel" }).click();
  assert.equal((await saved(page)).households.length, 2);
  await section.getByRole("button", { name: "Remove sample homes…" }).click();
  await section.getByRole("button", { name: "Remove sample homes", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "The sample home was removed" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Sample homes" }).count(), 0);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("thingrisk.state")).households.length === 1);
  const s = await saved(page);
  assert.deepEqual(s.households.map((h) => h.name), ["Secret Street 12"]);
  assert.equal(s.active, "h1", "the own home opens again");
  assert.equal(s.version, 4);
  await context.close();
});
