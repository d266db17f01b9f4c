// Your data: a malformed import is refused with a message naming the problem
// and loses nothing; export then import gives the same results; erase asks first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, heatTableCounts } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tr-data-"));
function file(name, text) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

async function residual(page) {
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  const lead = await page.locator("p.lead").innerText();
  return { lead, cells: await heatTableCounts(page, "Now") };
}

test("malformed imports are refused with a clear message and change nothing", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: /Smart speaker/i }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  const cases = [
    ["not-json.json", "{ this is not json", /not something ThingRisk saved: its text stops making sense at line 1/],
    ["other.json", '{"hello": "world"}', /holds data, but not data ThingRisk saved/],
    ["future.json", '{"format":"thingrisk","version":42,"households":[]}', /newer version of ThingRisk/],
    ["no-category.json", JSON.stringify({ format: "thingrisk", version: 2, app_version: "0.1.0", saved_at: "", revision: 1, active: null, households: [{ id: "h1", name: "A", devices: [{ id: "d1", name: "x", category: "" }] }] }), /in home 1, device 1, the device type is missing/],
  ];
  for (const [name, text, message] of cases) {
    await page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(file(name, text));
    const alert = page.getByRole("alert").filter({ hasText: name });
    await alert.waitFor();
    const shown = await alert.innerText();
    assert.match(shown, message, name);
    // Plain words: what is wrong, that nothing changed, what to do; no
    // key of the file's JSON.
    assert.match(shown, /Your data here has not changed\. (Choose|Reload|It may have been)/, name);
    assert.doesNotMatch(shown.slice(shown.indexOf("”") + 1), /households|app_version|category|JSON|field /, name);
  }
  // Nothing was replaced: the speaker is still there.
  await page.getByRole("link", { name: "Devices", exact: true }).click();
  assert.equal(await page.locator(".device-list > li").count(), 1);
  await context.close();
});

test("export then import in a fresh browser gives the same results", async () => {
  const a = await env.page();
  await a.page.goto(env.url);
  await appReady(a.page);
  await a.page.getByRole("button", { name: "Start" }).click();
  for (const t of [/Router or mesh/i, /indoor camera/i]) {
    await a.page.getByRole("button", { name: t }).first().click();
    await a.page.getByRole("button", { name: /^Add / }).click();
  }
  await a.page.getByRole("link", { name: /^Answer every question/ }).first().click();
  for (const ans of ["Yes", "No", "Partly", "Don't know"]) await a.page.locator(".answer-buttons").getByRole("button", { name: ans, exact: true }).click();
  const before = await residual(a.page);
  await a.page.getByRole("link", { name: "Your data", exact: true }).click();
  const [download] = await Promise.all([a.page.waitForEvent("download"), a.page.getByRole("button", { name: "Export all data (JSON)" }).click()]);
  const exported = path.join(tmp, "export.json");
  await download.saveAs(exported);
  const json = JSON.parse(fs.readFileSync(exported, "utf8"));
  assert.equal(json.format, "thingrisk");
  await a.context.close();

  const b = await env.page();
  await b.page.goto(env.url + "data");
  await appReady(b.page);
  await b.page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(exported);
  const preview = b.page.getByRole("region", { name: "Import preview" });
  await preview.waitFor();
  assert.match(await preview.innerText(), /This file holds 1 household, 2 devices\./);
  await preview.getByRole("button", { name: "Import" }).click();
  await b.page.getByText(/^Imported 1 household, 2 devices\./).waitFor();
  assert.deepEqual(await residual(b.page), before);
  await b.context.close();
});

test("importing over existing data offers to export first and asks how", async () => {
  const { page, context } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: /Smart speaker/i }).first().click();
  await page.getByRole("button", { name: /^Add / }).click();
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  const other = { format: "thingrisk", version: 2, app_version: "0.1.0", saved_at: "", revision: 3, active: "h1", households: [{ id: "h1", name: "Parents", devices: [{ id: "d1", name: "Lock", category: "dev.lock" }] }] };
  await page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(file("parents.json", JSON.stringify(other)));
  const preview = page.getByRole("region", { name: "Import preview" });
  await preview.waitFor();
  assert.ok(await preview.getByRole("button", { name: "Export current data first" }).isVisible());
  await preview.getByRole("button", { name: "Add to my data" }).click();
  await page.getByText(/^Imported 1 household, 1 device\./).waitFor();
  const stored = JSON.parse(await page.evaluate(() => new Promise((r) => setTimeout(() => r(localStorage.getItem("thingrisk.state")), 800))));
  assert.equal(stored.households.length, 2, "added beside, not replaced");
  // Erase asks for confirmation first.
  await page.getByRole("button", { name: "Erase all data…" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.ok(await page.evaluate(() => localStorage.getItem("thingrisk.state") !== null));
  await page.getByRole("button", { name: "Erase all data…" }).click();
  await page.getByRole("button", { name: "Yes, erase everything" }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem("thingrisk.state")), null);
  await context.close();
});
