// The ten-minute check (issue 20): a new user with ten devices takes the
// quick check, one question at a time, and reaches the results in at most
// 60 answers; the results say how sure they are and offer the next most
// important question.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, appReady, artifact } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const TEN = [
  /Router or mesh/,
  /Indoor camera/,
  /Video doorbell/,
  /Smart speaker/,
  /Smart lock/,
  /TV, streaming/,
  /Smart lights/,
  /Heating or hot water/,
  /Alarm or safety/,
  /Kitchen or laundry/,
];

/** Whether the page shows no horizontal scroll (fits the viewport). */
async function fits(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test("ten devices: the quick check reaches the results in at most 60 answers, and a pick question lists the devices", async () => {
  const { page, log } = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { name: "Your devices" }).waitFor();
  for (const [i, type] of TEN.entries()) {
    await page.getByRole("button", { name: type }).first().click();
    await page.getByLabel("Name", { exact: true }).fill(`Thing ${i + 1}`);
    await page.getByRole("button", { name: /^Add / }).click();
    await page.getByRole("link", { name: `Thing ${i + 1}`, exact: true }).waitFor();
  }

  await page.getByRole("link", { name: "Quick check (about 10 minutes)" }).click();
  await page.getByRole("heading", { level: 1, name: "Quick check" }).waitFor();
  const results = page.getByRole("heading", { level: 1, name: "Your results" });
  const count = page.locator(".quick-question .question-count");
  let answers = 0;
  let picked = false;
  for (; answers < 80; answers++) {
    await Promise.race([count.waitFor(), results.waitFor()]);
    if (await results.isVisible()) break;
    const before = await count.innerText();
    assert.match(before, new RegExp(`^Question ${answers + 1} of about \\d+$`));
    assert.match(await page.locator(".question-about").innerText(), /^About: (Thing \d+|your home)$/);
    // Focus is on the question, for keyboard and screen reader users.
    await page.waitForFunction(() => document.activeElement?.id === "question-text");
    const group = page.locator(".quick-question [role=group]");
    const some = group.getByRole("button", { name: "Some of them" });
    if (!picked && (await some.count())) {
      // "Some of them" lists the devices it concerns, each a labelled checkbox.
      await some.click();
      const boxes = page.locator(".pick-devices").getByRole("checkbox");
      assert.ok((await boxes.count()) >= 2, "the devices to pick from");
      const first = page.locator(".pick-devices label").first();
      assert.match(await first.innerText(), /Thing \d+/);
      await boxes.first().check();
      if (answers < 30) await page.screenshot({ path: artifact("quick-pick-1280.png"), fullPage: true });
      await page.getByRole("button", { name: "Continue" }).click();
      picked = true;
    } else {
      await group.getByRole("button").first().click();
    }
    if (answers === 4) {
      // The same page on a phone.
      await page.setViewportSize({ width: 360, height: 740 });
      await count.waitFor();
      assert.ok(await fits(page), "the quick check fits 360 px");
      await page.screenshot({ path: artifact("quick-360.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.waitForFunction(
      (before) => {
        const c = document.querySelector(".quick-question .question-count");
        return !c || c.textContent !== before;
      },
      before,
    );
  }
  await results.waitFor();
  assert.ok(picked, "a question was asked with per-device picks");
  assert.ok(answers > 10, `answers given (${answers})`);
  assert.ok(answers <= 60, `at most 60 answers for ten devices (${answers})`);
  console.log(`quick check, ten devices: ${answers} answers`);

  const sureness = await page.locator("p.sureness").innerText();
  assert.match(
    sureness,
    /^Based on \d+ answers\. (\d+ unanswered questions? could still change your first steps|Nothing left unanswered would change your first steps)\.$/,
  );
  await page.screenshot({ path: artifact("results-quick-1280.png") });
  const based = Number(sureness.match(/^Based on (\d+)/)[1]);
  assert.ok(based >= answers, `${based} answers counted, ${answers} given`);

  // Refining: one more question, the next most important, then back.
  const next = page.getByRole("link", { name: "Answer the next most important question" });
  if (/could still change/.test(sureness)) {
    await next.click();
    await page.getByRole("heading", { level: 1, name: "The next most important question" }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await fits(page), "the refine page fits 360 px");
    await page.screenshot({ path: artifact("quick-next-360.png"), fullPage: true });
    await page.locator(".quick-question [role=group]").getByRole("button").first().click();
    await results.waitFor();
    await page.locator("p.sureness", { hasText: `Based on ${based + 1} answers` }).waitFor();
    assert.ok(await fits(page), "the results fit 360 px");
    await page.screenshot({ path: artifact("results-quick-360.png") });
  } else {
    assert.equal(await next.count(), 0);
  }
  assert.deepEqual(log.errors, []);
});

test("a skipped question is not asked again in the visit, and the results offer to continue the quick check", async () => {
  const { page, log } = await env.page({ viewport: { width: 360, height: 740 } });
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  for (const type of [/Indoor camera/, /Smart speaker/]) {
    await page.getByRole("button", { name: type }).first().click();
    await page.getByRole("button", { name: /^Add / }).click();
  }
  await page.goto(env.url + "quick");
  await appReady(page);
  const count = page.locator(".quick-question .question-count");
  const key = async () =>
    `${await page.locator(".question-about").innerText()} ${await page.locator("#question-text").innerText()}`;
  assert.match(await count.innerText(), /^Question 1 of about \d+$/);
  const first = await key();
  // By keyboard: the question has focus; Tab reaches Skip.
  await page.getByRole("button", { name: "Skip" }).focus();
  await page.keyboard.press("Enter");
  await page.locator(".quick-question .question-count", { hasText: /^Question 2 of about/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "question-text");
  const seen = [first];
  for (let i = 0; i < 3; i++) {
    const k = await key();
    assert.ok(!seen.includes(k), `not asked twice: ${k}`);
    seen.push(k);
    await page.getByRole("button", { name: "Skip" }).click();
    await page.locator(".quick-question .question-count", { hasText: new RegExp(`^Question ${i + 3} of about`) }).waitFor();
  }
  await page.getByRole("link", { name: "See results now" }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  assert.match(await page.locator("p.sureness").innerText(), /^Based on 0 answers\. \d+ unanswered questions could still change your first steps\.$/);
  await page.getByRole("link", { name: "Continue the quick check" }).click();
  await page.getByRole("heading", { level: 1, name: "Quick check" }).waitFor();
  // A new visit asks the skipped question again.
  assert.equal(await key(), first);
  assert.deepEqual(log.errors, []);
});
