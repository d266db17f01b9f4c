// Trainer mode end to end: a keyboard-only session to the score and its
// result file, the presenter view's keys, a class summary from three
// participant files, the sample homes beside the user's own, and axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, artifact, heatTableCounts } from "./harness.mjs";
import { axeViolations } from "./axe.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

// A user's own home, stored before the app starts: none of it may show on
// trainer pages, and opening samples must leave it exactly as it is.
const OWN = {
  id: "h1",
  name: "Secret Street 12",
  answers: { "q.wifi-strong": "yes" },
  // Written in full, as the app saves it, so it can be compared after saves.
  devices: [
    {
      id: "d1",
      name: "Bedroom camera",
      category: "dev.indoor-camera",
      room: "",
      capabilities_added: [],
      capabilities_removed: [],
      lifecycle: { acquired: "new", purchased: null, support_end: null, updates_checked: null },
      answers: { "q.default-password": "no" },
    },
  ],
  planned: [],
  sample: false,
};
const STORED = {
  format: "thingrisk",
  version: 2,
  app_version: "0.1.0",
  saved_at: "",
  revision: 1,
  active: "h1",
  households: [OWN],
};

async function withOwnHome(page) {
  await page.goto(env.url);
  await appReady(page);
  await page.evaluate((s) => localStorage.setItem("thingrisk.state", s), JSON.stringify(STORED));
  await page.reload();
  await appReady(page);
}

async function stored(page) {
  await page.locator(".save-state", { hasText: "Saved in this browser" }).waitFor();
  return JSON.parse(await page.evaluate(() => localStorage.getItem("thingrisk.state")));
}

const active = (page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    id: document.activeElement?.id,
    text: document.activeElement?.textContent?.trim(),
    cls: document.activeElement?.className,
  }));

/** Presses Tab until the focused element passes `ok`; fails after `max`. */
async function tabTo(page, ok, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (ok(await active(page))) return;
  }
  throw new Error("Tab never reached the element");
}

function tmpFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-class-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

test("a five-card session by keyboard alone reaches the score and exports a result", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url + "training");
  await appReady(page);
  // The defaults are every theme and five cards; set a session code, then start.
  await tabTo(page, (a) => a.tag === "INPUT" && a.id === "train-code");
  await page.keyboard.type("24680");
  await tabTo(page, (a) => a.text === "Start training", 5);
  await page.keyboard.press("Enter");

  let right = 0;
  const seen = [];
  for (let card = 1; card <= 5; card++) {
    await page.getByText(new RegExp(`^Card ${card} of 5`)).waitFor();
    // Focus moves to the card's title once it is drawn.
    await page.waitForFunction(() => document.activeElement?.id === "card-title", null, { timeout: 5000 });
    const title = await active(page);
    seen.push(title.text);
    // From the title, Tab reaches the first choice; Enter or Space chooses it.
    await page.keyboard.press("Tab");
    const choice = await active(page);
    assert.match(choice.cls, /\bchoice\b/, `card ${card}: Tab reaches a choice`);
    await page.keyboard.press(card % 2 ? "Enter" : "Space");
    await page.locator("#feedback-title").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "feedback-title");
    const verdict = await page.locator("#feedback-title").innerText();
    if (verdict.startsWith("✓")) right++;
    else assert.match(verdict, /Not quite/);
    const feedback = await page.locator(".feedback").innerText();
    assert.match(feedback, /What would have prevented it: .+\./);
    assert.match(feedback, /The risk it treats: /);
    // Choices lock once answered; Tab goes on to the next button.
    assert.equal(await page.locator("button.choice:not([disabled])").count(), 0);
    await page.keyboard.press("Tab");
    const next = await active(page);
    assert.equal(next.text, card < 5 ? "Next card →" : "See my score");
    await page.keyboard.press(card % 2 ? "Space" : "Enter");
  }
  assert.equal(new Set(seen).size, 5, "five different cards");
  const score = page.locator("#score-title");
  await score.waitFor();
  assert.equal(await score.innerText(), `You scored ${right} of 5`);
  await page.waitForFunction(() => document.activeElement?.id === "score-title");
  assert.equal(await page.locator(".score-list li").count(), 5);

  // Name, then "Export my result" by keyboard; the download is the result file.
  await tabTo(page, (a) => a.id === "participant-name", 5);
  await page.keyboard.type("Kim K");
  await tabTo(page, (a) => a.text === "Export my result", 3);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /^thingrisk-training-kim-k-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.equal(file.format, "thingrisk-training");
  assert.equal(file.version, 1);
  assert.equal(file.participant, "Kim K");
  assert.deepEqual(file.themes, ["privacy", "safety", "accounts", "lifecycle", "network"]);
  assert.equal(file.total, 5);
  assert.equal(file.score, right);
  assert.equal(file.cards.length, 5);
  assert.equal(file.cards.filter((c) => c.correct).length, right);
  assert.ok(file.cards.every((c) => c.scenario.startsWith("scn.") && c.chosen.startsWith("ctl.")));
  assert.match(file.finished_at, /^\d{4}-\d{2}-\d{2}T/);

  // The same code deals the same cards: try again.
  await tabTo(page, (a) => a.text === "Try the same cards again", 3);
  await page.keyboard.press("Enter");
  await page.getByText(/^Card 1 of 5/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "card-title");
  assert.equal((await active(page)).text, seen[0]);

  // The exported file reads back on the class page.
  await page.goto(env.url + "training/class");
  await appReady(page);
  await page.locator("#class-files").setInputFiles(tmpFile(download.suggestedFilename(), fs.readFileSync(await download.path(), "utf8")));
  await page.getByRole("heading", { name: `1 participant: ${right} of 5 answers right (${right * 20}%)` }).waitFor();
  assert.deepEqual(log.foreign, [], "no request left the origin");
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

test("the presenter view moves with the arrow keys, reveals on Enter and Space, and shows no household data", async () => {
  const { page, context } = await env.page({ viewport: { width: 1280, height: 800 } });
  await withOwnHome(page);
  await page.goto(env.url + "training/present");
  await appReady(page);
  await page.getByLabel("Session code (optional)").fill("777");
  await page.getByRole("button", { name: "Start presenting" }).click();
  const count = page.locator(".presenter-count");
  await count.getByText(/^Card 1 of 5/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "presenter-title");
  const first = await page.locator("#presenter-title").innerText();
  assert.equal(await page.locator(".presenter-choices li").count(), 4);
  assert.ok(await page.getByRole("button", { name: "← Previous", exact: true }).isDisabled());
  assert.ok(await page.getByRole("button", { name: "Next →", exact: true }).isEnabled());
  // Large type: the story is bigger than body text.
  const storySize = await page.locator(".presenter-story").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(storySize >= 24, `story font ${storySize}px`);

  await page.keyboard.press("ArrowRight");
  await count.getByText(/^Card 2 of 5/).waitFor();
  assert.notEqual(await page.locator("#presenter-title").innerText(), first);
  await page.keyboard.press("ArrowLeft");
  await count.getByText(/^Card 1 of 5/).waitFor();
  assert.equal(await page.locator("#presenter-title").innerText(), first);
  await page.keyboard.press("ArrowLeft"); // stays on the first card
  await count.getByText(/^Card 1 of 5/).waitFor();

  assert.equal(await page.locator(".presenter-choices li.right").count(), 0, "answer hidden at first");
  await page.keyboard.press("Space");
  await page.locator(".presenter-answer").getByText(/^Answer [A-D]: /).waitFor();
  assert.equal(await page.locator(".presenter-choices li.right").count(), 1);
  const letter = (await page.locator(".presenter-answer strong").first().innerText()).match(/^Answer ([A-D])/)[1];
  assert.equal(await page.locator(".presenter-choices li.right .letter").innerText(), letter);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".presenter-choices li.right"));
  await page.keyboard.press("Enter");
  await page.locator(".presenter-choices li.right").waitFor();
  // Moving on hides the answer again.
  await page.keyboard.press("ArrowRight");
  await count.getByText(/^Card 2 of 5/).waitFor();
  assert.equal(await page.locator(".presenter-choices li.right").count(), 0);
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await count.getByText(/^Card 5 of 5/).waitFor();
  assert.ok(await page.getByRole("button", { name: "Next →", exact: true }).isDisabled());
  await page.screenshot({ path: artifact("presenter-1280.png"), fullPage: true });

  const text = await page.locator("body").innerText();
  for (const secret of [OWN.name, OWN.devices[0].name]) assert.ok(!text.includes(secret), `"${secret}" is not on screen`);
  await context.close();
});

test("three participant files make a class summary; a bad file is named", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url + "training/class");
  await appReady(page);
  const result = (participant, themes, cards) => ({
    format: "thingrisk-training",
    version: 1,
    participant,
    themes,
    cards: cards.map(([scenario, chosen, correct]) => ({ scenario, chosen, correct })),
    score: cards.filter((c) => c[2]).length,
    total: cards.length,
    finished_at: "2026-05-01T10:00:00Z",
  });
  // Themes: phishing and account-takeover are accounts, data-sharing privacy, heating-misused safety.
  const files = [
    tmpFile("ana.json", result("Ana", ["accounts", "privacy", "safety"], [
      ["scn.phishing", "ctl.spot-phishing", true],
      ["scn.data-sharing", "ctl.wifi-strong", false],
      ["scn.heating-misused", "ctl.safety-limits", true],
    ])),
    tmpFile("p2.json", result("", ["accounts", "privacy"], [
      ["scn.phishing", "ctl.device-list", false],
      ["scn.data-sharing", "ctl.guest-network", false],
      ["scn.account-takeover", "ctl.unique-passwords", true],
    ])),
    tmpFile("ben.json", result("Ben", ["accounts", "privacy", "safety"], [
      ["scn.phishing", "ctl.spot-phishing", true],
      ["scn.data-sharing", "ctl.privacy-settings", true],
      ["scn.heating-misused", "ctl.cover-and-mute", false],
    ])),
    tmpFile("broken.json", { ...result("Cy", ["privacy"], [["scn.data-sharing", "ctl.privacy-settings", true]]), score: 3 }),
    tmpFile("my-home.json", STORED),
  ];
  await page.locator("#class-files").setInputFiles(files);
  // 9 answers, 2 + 1 + 2 = 5 right: 56 %.
  await page.getByRole("heading", { name: "3 participants: 5 of 9 answers right (56%)" }).waitFor();
  // Files are read one after another: the summary grows with each, the
  // messages come once all five are read.
  await page.locator(".class-messages li").nth(4).waitFor();
  const messages = await page.locator(".class-messages li").allInnerTexts();
  assert.equal(messages.length, 5);
  assert.deepEqual(messages.slice(0, 3), ["“ana.json” added.", "“p2.json” added.", "“ben.json” added."]);
  assert.equal(
    messages[3],
    "“broken.json” was not added. The file's figures do not agree: the score (3) is not the number of right answers (1). " +
      "It may have been changed by hand. Ask the participant to export their result again (“Export my result” at the end of a training session).",
  );
  assert.match(messages[4], /^“my-home\.json” was not added\. The file holds ThingRisk homes and answers, not a training result/);

  const rows = async (id) =>
    page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(await rows("class-themes"), [
    ["Privacy", "3", "1", "33%"],
    ["Safety", "2", "1", "50%"],
    ["Accounts and logins", "4", "3", "75%"],
  ]);
  const cards = await rows("class-cards");
  // Hardest first: data-sharing (2 wrong of 3), heating (1 of 2), phishing (1 of 3), account takeover (0).
  assert.deepEqual(cards.map((r) => r.slice(1)), [
    ["Privacy", "3", "2"],
    ["Safety", "2", "1"],
    ["Accounts and logins", "3", "1"],
    ["Accounts and logins", "1", "0"],
  ]);
  assert.match(cards[3][0], /account/i);
  const list = await page.locator(".class-files li").allInnerTexts();
  assert.deepEqual(list.map((l) => l.split(" (")[0]), ["Ana: 2 of 3", "Participant 2: 1 of 3", "Ben: 2 of 3"]);
  await page.screenshot({ path: artifact("class-summary-1280.png"), fullPage: true });

  // The same file again is not counted twice.
  await page.locator("#class-files").setInputFiles(files[0]);
  await page.getByText("“ana.json” was not added: the same result is already in the summary.").waitFor();
  await page.getByRole("heading", { name: /^3 participants: 5 of 9/ }).waitFor();

  await page.getByRole("button", { name: "Clear the summary" }).click();
  await page.getByText("No results yet.").waitFor();
  await context.close();
});

test("“Try a sample home” opens a sample beside the user's own home, never twice, and the user can go back", async () => {
  const { page, context } = await env.page();
  await withOwnHome(page);
  await page.getByRole("button", { name: "Try a sample home" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  const banner = page.getByRole("region", { name: "Sample home" });
  await banner.getByText("Family home with a baby (sample)").waitFor();
  assert.match(await page.locator("p.lead").innerText(), /^Based on \d+ answers?\./);
  const pairs = (await heatTableCounts(page, "Now")).reduce((a, b) => a + b, 0);
  assert.ok(pairs >= 20, `the sample is assessed (${pairs} pairs)`);
  let s = await stored(page);
  assert.equal(s.active, "sample-family");
  assert.equal(s.households.length, 2);
  assert.deepEqual(s.households[0], OWN, "own home untouched");
  assert.equal(s.households[1].sample, true);
  await page.screenshot({ path: artifact("sample-results.png") });

  // Again from the start page: the same sample, not a copy.
  await page.getByRole("link", { name: "ThingRisk" }).click();
  await page.getByRole("button", { name: "Try a sample home" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  s = await stored(page);
  assert.equal(s.households.filter((h) => h.id.startsWith("sample-family")).length, 1);
  assert.equal(s.households.length, 2);

  // Back to my own home.
  await banner.getByRole("button", { name: "Back to my home" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  await banner.waitFor({ state: "detached" });
  s = await stored(page);
  assert.equal(s.active, "h1");
  assert.deepEqual(s.households[0], OWN);

  // The other samples open from the training page, each as its own home.
  await page.getByRole("link", { name: "Training", exact: true }).click();
  await page.getByRole("button", { name: "Open this sample: Shared student flat (sample)" }).click();
  await banner.getByText("Shared student flat (sample)").waitFor();
  s = await stored(page);
  assert.deepEqual(s.households.map((h) => [h.id, h.sample]), [["h1", false], ["sample-family", true], ["sample-student-flat", true]]);
  assert.deepEqual(s.households[0], OWN);
  await context.close();
});

test("training pages fit 360 px and axe-core finds no serious or critical violations", async () => {
  const { page, context } = await env.page({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const found = {};
  const fits = async (name) => {
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${name} scrolls sideways by ${over}px at 360px`);
  };
  await page.goto(env.url + "training");
  await appReady(page);
  found.setup = await axeViolations(page);
  await fits("training setup");
  await page.screenshot({ path: artifact("training-setup-360.png"), fullPage: true });
  await page.getByRole("button", { name: "Start training" }).click();
  await page.locator("#card-title").waitFor();
  found.card = await axeViolations(page);
  await page.locator("button.choice").first().click();
  await page.locator("#feedback-title").waitFor();
  found.feedback = await axeViolations(page);
  await fits("training card");
  await page.screenshot({ path: artifact("training-card-360.png"), fullPage: true });
  for (let i = 1; i < 5; i++) {
    await page.getByRole("button", { name: "Next card →" }).click();
    await page.locator("button.choice").first().click();
  }
  await page.getByRole("button", { name: "See my score" }).click();
  await page.locator("#score-title").waitFor();
  found.score = await axeViolations(page);
  await fits("training score");

  await page.goto(env.url + "training/present");
  await appReady(page);
  found.presenterSetup = await axeViolations(page);
  await page.getByRole("button", { name: "Start presenting" }).click();
  await page.locator("#presenter-title").waitFor();
  await page.keyboard.press("Space");
  await page.locator(".presenter-choices li.right").waitFor();
  found.presenter = await axeViolations(page);
  await fits("presenter");

  await page.goto(env.url + "training/class");
  await appReady(page);
  found.classEmpty = await axeViolations(page);
  const one = {
    format: "thingrisk-training", version: 1, participant: "A", themes: ["privacy"],
    cards: [{ scenario: "scn.data-sharing", chosen: "ctl.privacy-settings", correct: true }],
    score: 1, total: 1, finished_at: "",
  };
  await page.locator("#class-files").setInputFiles([tmpFile("a.json", one), tmpFile("bad.json", "{")]);
  await page.getByRole("heading", { name: /^1 participant: / }).waitFor();
  found.classSummary = await axeViolations(page);
  await fits("class summary");
  for (const [name, v] of Object.entries(found)) assert.deepEqual(v, [], `${name}: ${JSON.stringify(v, null, 1)}`);
  await context.close();
});
