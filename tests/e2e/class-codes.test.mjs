// Result codes end to end: five participants play a card session in the app
// and read the result code their screen shows (its QR image decodes, by
// jsQR, to the same text); the trainer enters the five codes on the class
// page, one mistyped: four are accepted and give the class summary this test
// counts itself from what the participants saw, one is refused with why.
// The codes survive a reload and the presenter's "class so far" slide shows
// the same numbers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import jsQR from "jsqr";
import { launch, appReady, artifact } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const THEME_ORDER = ["Privacy", "Safety", "Accounts and logins", "Device lifecycle", "Home network"];
// Whole percent, halves rounded up (as the class summary promises).
const percent = (part, whole) => `${Math.floor((part * 200 + whole) / (whole * 2))}%`;

/** Plays one five-card session with this session code, choosing choice
 * (participant + card) mod 4 on each card; what the participant saw. */
async function play(page, session, participant) {
  await page.locator("#train-code").fill(String(session));
  await page.getByRole("button", { name: "Start training" }).click();
  const cards = [];
  for (let card = 0; card < 5; card++) {
    await page.getByText(new RegExp(`^Card ${card + 1} of 5`)).waitFor();
    const count = await page.locator(".question-count").innerText();
    const theme = count.split(" · ")[1];
    const title = await page.locator("#card-title").innerText();
    await page.locator("button.choice").nth((participant + card) % 4).click();
    const verdict = await page.locator("#feedback-title").innerText();
    cards.push({ theme, title, right: verdict.startsWith("✓") });
    await page.getByRole("button", { name: card < 4 ? "Next card →" : "See my score" }).click();
  }
  await page.locator("#score-title").waitFor();
  const code = (await page.locator("#result-code").innerText()).trim();
  return { cards, code };
}

/** The QR image on the finished-session screen, decoded by jsQR. */
async function scanQr(page) {
  const png = await page.locator("#result-qr").screenshot();
  // Turned into pixels in a blank page of its own (no app, no policy).
  const context = await env.browser.newContext();
  const blank = await context.newPage();
  const { width, height, data } = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height);
    return { width: d.width, height: d.height, data: Array.from(d.data) };
  }, png.toString("base64"));
  await context.close();
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

/** The class summary this test expects from these sessions. */
function expected(sessions) {
  const themes = new Map();
  const cards = new Map();
  let right = 0;
  let answered = 0;
  for (const s of sessions)
    for (const c of s.cards) {
      answered++;
      right += c.right ? 1 : 0;
      const t = themes.get(c.theme) ?? { answered: 0, right: 0 };
      t.answered++;
      t.right += c.right ? 1 : 0;
      themes.set(c.theme, t);
      const k = cards.get(c.title) ?? { theme: c.theme, answered: 0, wrong: 0 };
      k.answered++;
      k.wrong += c.right ? 0 : 1;
      cards.set(c.title, k);
    }
  return {
    participants: sessions.length,
    right,
    answered,
    themes: THEME_ORDER.filter((t) => themes.has(t)).map((t) => {
      const v = themes.get(t);
      return [t, String(v.answered), String(v.right), percent(v.right, v.answered)];
    }),
    cards: [...cards].map(([title, v]) => [title, v.theme, String(v.answered), String(v.wrong)]),
  };
}

test("five result codes, one mistyped, make the class summary; the QR codes scan; the presenter shows the same", async () => {
  const { page, log } = await env.page();
  await page.goto(env.url + "training");
  await appReady(page);

  // Five participants: three in session 24680, two in session 13579.
  const sessions = [];
  for (let p = 0; p < 5; p++) {
    const s = await play(page, p < 3 ? 24680 : 13579, p);
    assert.match(s.code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, s.code);
    assert.equal(await scanQr(page), s.code, `participant ${p + 1}: the QR code holds the code`);
    const label = await page.locator("#result-qr").getAttribute("aria-label");
    assert.ok(label.includes(s.code), "the QR code's text alternative is the code");
    if (p === 0) {
      await page.screenshot({ path: artifact("result-code-1280.png"), fullPage: true });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({ path: artifact("result-code-360.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    sessions.push(s);
    await page.getByRole("button", { name: "New session" }).click();
  }
  assert.equal(new Set(sessions.map((s) => s.code)).size, 5, "five different codes");

  // The fifth is mistyped: one character changed.
  const fifth = sessions[4].code;
  const at = 5;
  const typo = fifth.slice(0, at) + ALPHABET[(ALPHABET.indexOf(fifth[at]) + 7) % 32] + fifth.slice(at + 1);
  // Typed as people do: lower case, spaces for dashes, commas and lines.
  const typed = [
    sessions[0].code,
    sessions[1].code.toLowerCase().replaceAll("-", " "),
    `${sessions[2].code}, ${sessions[3].code.replaceAll("-", "")}`,
    typo,
  ].join("\n");
  await page.goto(env.url + "training/class");
  await appReady(page);
  await page.locator("#class-codes").fill(typed);
  await page.getByRole("button", { name: "Add codes" }).click();
  await page.locator("#class-code-messages li").nth(4).waitFor();
  const notes = await page.locator("#class-code-messages li").allInnerTexts();
  for (let p = 0; p < 4; p++) {
    const right = sessions[p].cards.filter((c) => c.right).length;
    assert.equal(notes[p], `${sessions[p].code}: added (${right} of 5).`);
  }
  assert.equal(
    notes[4],
    `${typo}: not added. The check letter does not match: a character was probably typed wrong.`,
  );
  assert.equal(await page.locator("#class-codes").inputValue(), typo, "the refused code stays in the box");

  const want = expected(sessions.slice(0, 4));
  const rows = async (id) =>
    page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const checkSummary = async () => {
    assert.equal(
      await page.locator("#class-summary-title").innerText(),
      `4 participants: ${want.right} of ${want.answered} answers right (${percent(want.right, want.answered)})`,
    );
    assert.deepEqual(await rows("class-themes"), want.themes);
    const cards = await rows("class-cards");
    const byTitle = (a, b) => a[0].localeCompare(b[0]);
    assert.deepEqual([...cards].sort(byTitle), [...want.cards].sort(byTitle));
    const wrong = cards.map((r) => Number(r[3]));
    assert.deepEqual(wrong, [...wrong].sort((a, b) => b - a), "hardest first");
    return cards;
  };
  const cards = await checkSummary();
  await page.screenshot({ path: artifact("class-codes-1280.png"), fullPage: true });

  // The same code again is refused; a session filter refuses other sessions.
  await page.locator("#class-session").fill("24680");
  await page.locator("#class-codes").fill(`${sessions[0].code}\n${sessions[4].code}`);
  await page.getByRole("button", { name: "Add codes" }).click();
  await page.getByText(/already in the summary/).waitFor();
  const again = await page.locator("#class-code-messages li").allInnerTexts();
  assert.equal(again[0], `${sessions[0].code}: not added. It is already in the summary.`);
  assert.equal(again[1], `${sessions[4].code}: not added. This code is for another session (13579).`);

  // Kept across a reload.
  await page.reload();
  await appReady(page);
  await page.locator("#class-summary-title").waitFor();
  await checkSummary();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: artifact("class-codes-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The presenter's "class so far" slide.
  await page.goto(env.url + "training/present");
  await appReady(page);
  await page.getByRole("button", { name: "Class so far" }).click();
  await page.locator("#class-so-far-title").waitFor();
  assert.equal(
    await page.locator("#class-so-far-total").innerText(),
    `4 participants: ${want.right} of ${want.answered} answers right (${percent(want.right, want.answered)})`,
  );
  assert.deepEqual(
    await page.locator("#class-so-far-themes li").allInnerTexts(),
    want.themes.map(([t, answered, right, share]) => `${t}: ${share} right (${right} of ${answered})`),
  );
  const hardest = cards.filter((r) => r[3] !== "0").slice(0, 3);
  if (hardest.length)
    assert.deepEqual(
      await page.locator("#class-so-far-cards li").allInnerTexts(),
      hardest.map(([title, , answered, wrong]) => `${title}: ${wrong} of ${answered} got it wrong`),
    );
  await page.screenshot({ path: artifact("class-so-far-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: artifact("class-so-far-360.png"), fullPage: true });
  // Deep links are served with the 404 page's status (the static host's fallback).
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
});
