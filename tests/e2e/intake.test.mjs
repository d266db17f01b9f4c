// One front door: the app's import reads the files the command line reads
// (an export or one bare household), warns of details it does not know, and
// refuses what the command line refuses, with the same sentence.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launch, appReady } from "./harness.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tr-intake-"));
function file(name, text) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

/** What the command line says of `p` (its one error line, without the prefix). */
function cliRefusal(p) {
  const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repo, "target");
  const bin = ["debug", "release"].map((d) => path.join(targetDir, d, "thingrisk")).find((b) => fs.existsSync(b));
  assert.ok(bin, "the thingrisk binary is built (cargo test builds it)");
  try {
    execFileSync(bin, ["assess", p], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    assert.equal(e.status, 1);
    return e.stderr.trim().replace(`thingrisk: ${p}: `, "");
  }
  assert.fail(`the command line accepted ${p}`);
}

async function dataPage() {
  const { page, context } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  return { page, context };
}

const bare = (extra = {}) => ({
  id: "flat",
  name: "Our flat",
  devices: [{ id: "d1", name: "Baby monitor", category: "dev.indoor-camera", answers: { "q.default-password": "yes" }, ...extra }],
});

test("a bare household with a misspelt detail imports, with a warning naming it", async () => {
  const { page, context } = await dataPage();
  const text = JSON.stringify(bare({ lifecylce: { support_end: "2020-01-01" } }));
  await page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(file("flat.json", text));
  const preview = page.getByRole("region", { name: "Import preview" });
  await preview.waitFor();
  assert.match(await preview.innerText(), /This file holds 1 household, 1 device\./);
  const note = preview.getByRole("note");
  assert.match(await note.innerText(), /not ones ThingRisk knows, so they will be left out/);
  assert.match(await note.innerText(), /In device 1: “lifecylce” is not a detail ThingRisk knows \(did you mean “lifecycle”\?\)/);
  await preview.getByRole("button", { name: /^(Replace my data|Import)$/ }).click();
  await page.getByText(/^Imported 1 household, 1 device\./).waitFor();
  await page.getByRole("link", { name: "Devices", exact: true }).click();
  await page.getByText("Baby monitor").first().waitFor();
  await context.close();
});

test("the app refuses what the command line refuses, in the same words", async () => {
  const { page, context } = await dataPage();
  const cases = {
    "twice.json": '{"id": "h", "name": "Home", "devices": [],\n "name": "Again"}',
    "loose-date.json": JSON.stringify(bare({ lifecycle: { purchased: "2024-1-5" } })),
    "too-many.json": JSON.stringify({ id: "h", name: "Home", devices: Array.from({ length: 501 }, (_, i) => ({ id: `d${i}`, name: "Plug", category: "dev.lights-plugs" })) }),
  };
  for (const [name, text] of Object.entries(cases)) {
    const p = file(name, text);
    const expected = cliRefusal(p);
    await page.getByLabel(/Choose a ThingRisk JSON file/).setInputFiles(p);
    const alert = page.getByRole("alert").filter({ hasText: name });
    await alert.waitFor();
    const shown = await alert.innerText();
    assert.ok(shown.includes(expected), `${name}: the app says\n  ${shown}\nthe command line says\n  ${expected}`);
  }
  await context.close();
});
