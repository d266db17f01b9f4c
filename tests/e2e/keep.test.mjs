// Keeping data (issue 27): persistent storage is asked for after the first
// device and its answer shown; "Last backup" follows exports; the backup
// reminder appears only when the last backup is old and something changed;
// the automatic backup file is rewritten after changes and explains a
// failure; a backup restored from the welcome page gives the same results.
// The clock and the storage APIs are the test's (page.clock, init scripts).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, heatTableCounts, navTo } from "./harness.mjs";
import { axeViolations } from "./axe.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tr-keep-"));
const DAY = 86_400_000;
const T0 = new Date("2027-01-10T10:00:00Z").getTime();

/** Stubs navigator.storage.persist/persisted: `grant` is the browser's answer; calls are counted. */
async function stubStorage(context, grant) {
  await context.addInitScript((grant) => {
    let kept = false;
    window.__persistCalls = 0;
    Object.defineProperty(navigator.storage, "persist", {
      value: async () => {
        window.__persistCalls++;
        kept = grant;
        return grant;
      },
    });
    Object.defineProperty(navigator.storage, "persisted", { value: async () => kept });
  }, grant);
}

async function start(page) {
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { level: 1, name: "Your devices" }).waitFor();
}

async function addDevice(page, type) {
  await page.getByRole("button", { name: type }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await page.getByText("✓ Saved in this browser").waitFor();
}

const reminder = (page) => page.getByRole("complementary", { name: "Backup reminder" });

async function results(page) {
  await navTo(page, "Results");
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
}

async function yourData(page) {
  await navTo(page, "Your data");
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
}

for (const grant of [true, false]) {
  test(`persistent storage is asked for after the first device and its answer shown (${grant ? "granted" : "refused"})`, async () => {
    const { page, context } = await env.page();
    await stubStorage(context, grant);
    await start(page);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, "not asked before a device");
    await addDevice(page, /Router or mesh/i);
    await page.waitForFunction(() => window.__persistCalls === 1);
    await addDevice(page, /indoor camera/i);
    await yourData(page);
    const status = page.locator(".storage-status");
    if (grant) {
      await status.getByText("This browser will keep your data until you delete it.").waitFor();
      assert.equal(await status.getByText(/may clear your data/).count(), 0);
    } else {
      await status.getByText("This browser may clear your data if you don't visit for a while.").waitFor();
      assert.equal(await status.getByText(/will keep your data/).count(), 0);
      assert.ok(await status.getByRole("button", { name: "Save a backup file" }).isEnabled());
      // Not an iPhone: no home-screen steps.
      assert.equal(await status.getByText(/add ThingRisk to your Home Screen/i).count(), 0);
      assert.deepEqual(await axeViolations(page), [], "Your data with the storage and backup status");
    }
    assert.equal(await page.evaluate(() => window.__persistCalls), 1, "asked once only");
    await context.close();
  });
}

test("iPhone outside the home screen: may clear, with the Home Screen steps", async () => {
  const { page, context } = await env.page({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    viewport: { width: 390, height: 844 },
  });
  await stubStorage(context, true);
  await start(page);
  await addDevice(page, /Router or mesh/i);
  await page.waitForFunction(() => window.__persistCalls === 1);
  await yourData(page);
  const status = page.locator(".storage-status");
  await status.getByText("This browser may clear your data if you don't visit for a while.").waitFor();
  await status.getByRole("heading", { name: /add ThingRisk to your Home Screen/i }).waitFor();
  await context.close();
});

test("Last backup follows exports, and the reminder shows only when the backup is old and things changed", async () => {
  const { page, context } = await env.page({ acceptDownloads: true });
  await page.clock.setFixedTime(T0);
  await start(page);
  await addDevice(page, /Router or mesh/i);
  await addDevice(page, /indoor camera/i);
  await yourData(page);
  await page.getByText("Last backup: never").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all data (JSON)" }).click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.getByText("Last backup: today").waitFor();

  // A fresh backup: no reminder, even after a change.
  await page.clock.setFixedTime(T0 + 3 * DAY);
  await navTo(page, "Devices");
  await addDevice(page, /Smart lights or plugs/i);
  await results(page);
  assert.equal(await reminder(page).count(), 0, "backup only 3 days old");

  // Old backup and a device added since: reminded, gently, until "Not now".
  await page.clock.setFixedTime(T0 + 20 * DAY);
  await page.reload();
  await appReady(page);
  await reminder(page).waitFor();
  assert.match(await reminder(page).innerText(), /Your last backup was 20 days ago, and you have made changes since\./);
  assert.deepEqual(await axeViolations(page), [], "results with the reminder");
  await reminder(page).getByRole("button", { name: "Not now" }).click();
  assert.equal(await reminder(page).count(), 0);
  await page.reload();
  await appReady(page);
  assert.equal(await reminder(page).count(), 0, "put off for some days");

  // Put off for a week only; saving from the reminder itself counts as a backup.
  await page.clock.setFixedTime(T0 + 28 * DAY);
  await page.reload();
  await appReady(page);
  await reminder(page).waitFor();
  await Promise.all([page.waitForEvent("download"), reminder(page).getByRole("button", { name: "Save a backup file" }).click()]);
  assert.equal(await reminder(page).count(), 0);

  // An old backup with nothing changed since: no reminder.
  await page.clock.setFixedTime(T0 + 60 * DAY);
  await page.reload();
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  assert.equal(await reminder(page).count(), 0, "nothing changed since the backup");
  await yourData(page);
  await page.getByText("Last backup: 32 days ago").waitFor();
  await context.close();
});

test("the automatic backup file is rewritten after changes, and a failure turns it off with a plain message", async () => {
  const { page, context } = await env.page();
  // A file chooser whose file keeps every write; __deny makes writing fail as a revoked permission does.
  await context.addInitScript(() => {
    window.__writes = [];
    window.showSaveFilePicker = async () => ({
      name: "my-thingrisk.json",
      createWritable: async () => {
        if (window.__deny) throw new DOMException("denied", "NotAllowedError");
        let text = "";
        return { write: async (t) => (text += t), close: async () => window.__writes.push(text) };
      },
    });
  });
  await start(page);
  await addDevice(page, /Router or mesh/i);
  await yourData(page);
  await page.getByRole("button", { name: "Keep a backup file updated automatically" }).click();
  await page.getByText(/On: ThingRisk rewrites “my-thingrisk\.json”/).waitFor();
  assert.equal(await page.evaluate(() => window.__writes.length), 1);
  await page.getByText("Last backup: today").waitFor();

  await navTo(page, "Devices");
  await addDevice(page, /indoor camera/i);
  await page.waitForFunction(() => window.__writes.length === 2);
  const written = JSON.parse(await page.evaluate(() => window.__writes[1]));
  assert.equal(written.format, "thingrisk");
  assert.equal(written.households[0].devices.length, 2);

  await page.evaluate(() => (window.__deny = true));
  await addDevice(page, /Smart lights or plugs/i);
  await page.getByText(/ThingRisk is no longer allowed to write to the backup file\. Automatic backup is now off/).waitFor();
  await yourData(page);
  await page.getByRole("button", { name: "Keep a backup file updated automatically" }).waitFor();

  // The browser forgets the chosen file on reload: the page says so.
  await page.evaluate(() => (window.__deny = false));
  await page.getByRole("button", { name: "Keep a backup file updated automatically" }).click();
  await page.getByText(/On: ThingRisk rewrites/).waitFor();
  await page.reload();
  await appReady(page);
  await page.getByText(/Automatic backup stopped when this page was closed or reloaded/).waitFor();
  await context.close();
});

test("a backup restored from the welcome page in a fresh browser gives the same results, and no backup date of its own", async () => {
  const a = await env.page({ acceptDownloads: true });
  await start(a.page);
  await addDevice(a.page, /Router or mesh/i);
  await addDevice(a.page, /indoor camera/i);
  await results(a.page);
  const before = { lead: await a.page.locator("p.lead").innerText(), cells: await heatTableCounts(a.page, "Now") };
  await yourData(a.page);
  const [download] = await Promise.all([a.page.waitForEvent("download"), a.page.getByRole("button", { name: "Export all data (JSON)" }).click()]);
  const file = path.join(tmp, "backup.json");
  await download.saveAs(file);
  await a.context.close();

  const b = await env.page();
  await b.page.goto(env.url);
  await appReady(b.page);
  await b.page.getByRole("link", { name: "Restore from a backup file" }).click();
  await b.page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(file);
  await b.page.getByRole("region", { name: "Import preview" }).getByRole("button", { name: "Import" }).click();
  await b.page.getByText(/^Imported 1 household, 2 devices\./).waitFor();
  await b.page.getByText("Last backup: never").waitFor();
  await results(b.page);
  const after = { lead: await b.page.locator("p.lead").innerText(), cells: await heatTableCounts(b.page, "Now") };
  assert.deepEqual(after, before);
  await b.context.close();
});
