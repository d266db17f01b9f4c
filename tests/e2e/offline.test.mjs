// Offline and installable: after one visit the app works with the network
// gone (the host is shut down too), and a new release replaces the cached one
// only when the user asks, in every open tab at once.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, artifact, repo, heatTableCounts } from "./harness.mjs";
import { generate, CACHE_PREFIX } from "../../scripts/pwa.mjs";

const DIST = process.env.E2E_DIST || path.join(repo, "dist");
const envs = [];
after(async () => {
  for (const env of envs) await env.close();
});

/** Waits until this page's service worker is active; returns its cache names. */
async function swActive(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const w = reg.active;
    if (w.state !== "activated")
      await new Promise((r) => w.addEventListener("statechange", () => w.state === "activated" && r()));
    return caches.keys();
  });
}

/** The URLs sw.js precaches, read from the built file. */
function precacheList(dir) {
  const src = fs.readFileSync(path.join(dir, "sw.js"), "utf8");
  return JSON.parse(src.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
}

test("after one visit the app loads and works with no network: assessment, heat map, export", async () => {
  const env = await launch();
  envs.push(env);
  const { page, context, log } = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await appReady(page);
  const keys = await swActive(page);
  assert.equal(keys.length, 1, `one cache (${keys})`);
  assert.match(keys[0], new RegExp(`^${CACHE_PREFIX}[0-9a-f]{16}$`));
  // The cache holds every file of the build (all but the worker itself).
  const cached = await page.evaluate(async (name) => {
    const c = await caches.open(name);
    return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
  }, keys[0]);
  const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile());
  const expected = files.filter((f) => f !== "sw.js").map((f) => env.url.replace(/^https?:\/\/[^/]+/, "") + f.split(path.sep).join("/"));
  assert.deepEqual(cached, expected.sort());
  assert.deepEqual(precacheList(DIST).sort(), expected.sort());

  // Offline for real: the browser is offline and the host is gone.
  await context.setOffline(true);
  env.server.closeAllConnections();
  await new Promise((r) => env.server.close(r));
  const served = log.requests.length;
  const failed = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));

  const res = await page.reload();
  assert.ok(res.fromServiceWorker(), "the page came from the service worker");
  await appReady(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: /indoor camera/i }).first().click();
  await page.getByLabel("Name", { exact: true }).fill("Offline camera");
  await page.getByRole("button", { name: /^Add / }).click();
  await page.getByRole("link", { name: /^Answer every question/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /Offline camera/ }).waitFor();
  let answered = 0;
  for (; answered < 60; answered++) {
    if (await page.getByRole("heading", { name: /^Done:|^No questions here/ }).isVisible()) break;
    await page.getByRole("group").getByRole("button", { name: "No", exact: true }).click();
  }
  assert.ok(answered > 2, `answered ${answered} questions offline`);
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  assert.ok(await page.locator("canvas.heat-canvas").first().isVisible(), "heat map drawn");
  const counts = await heatTableCounts(page, "Now");
  assert.equal(counts.length, 25);
  assert.ok(counts.reduce((a, b) => a + b, 0) > 0, "the heat map holds the camera's risks");

  // A deep link reloads offline too (the worker answers with the app shell).
  await page.locator(".save-state", { hasText: "Saved in this browser" }).waitFor();
  const deep = await page.reload();
  assert.ok(deep.fromServiceWorker());
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();

  // Export is a blob: download, no network involved.
  await page.getByRole("link", { name: "Your data", exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export all data (JSON)" }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.match(JSON.stringify(exported), /Offline camera/);

  // Every page in the main navigation loads offline from a full reload.
  const links = await page.locator("nav.site-nav a").evaluateAll((as) => as.map((a) => a.href));
  assert.ok(links.length >= 4, `nav links: ${links}`);
  for (const href of links) {
    const r = await page.goto(href);
    assert.ok(r.fromServiceWorker(), href);
    await appReady(page);
    assert.notEqual(await page.getByRole("heading", { level: 1 }).innerText(), "Page not found", href);
  }
  // The lazy pages' chunks (fetched on first visit, never visited online here)
  // come from the precache: each page shows its own heading, not an error.
  for (const [where, heading] of [
    ["training", "Awareness training"],
    ["training/present", "Presenter view"],
    ["catalog", "Risk catalog"],
    ["supply", "For makers and sellers of connected devices"],
  ]) {
    const r = await page.goto(env.url + where);
    assert.ok(r.fromServiceWorker(), where);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }

  // Nothing went to the (dead) network: every request after going offline
  // was answered by the worker or was a blob.
  const later = log.requests.slice(served).filter((u) => !u.startsWith("blob:"));
  assert.ok(later.length > 0);
  assert.deepEqual(failed, []);
  assert.deepEqual(log.errors, [], "no console errors offline");
  assert.deepEqual(env.leaks(), { csp: [], foreign: [] });
  await context.close();
});

test("a new release replaces the cached one: every tab is told, and all switch together", async () => {
  // A private copy of the build, so it can be changed into "release 2".
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thingrisk-release-"));
  fs.cpSync(DIST, dir, { recursive: true });
  const env = await launch({ dir });
  envs.push(env);
  const { page: tab1, context, log } = await env.page();
  const foreign = [];
  context.on("request", (r) => !r.url().startsWith(env.origin + "/") && !/^(blob|data):/.test(r.url()) && foreign.push(r.url()));
  await tab1.goto(env.url);
  await appReady(tab1);
  const [oldCache] = await swActive(tab1);
  await tab1.reload(); // now controlled by the worker
  await appReady(tab1);
  const tab2 = await context.newPage();
  await tab2.goto(env.url + "devices");
  await appReady(tab2);
  for (const t of [tab1, tab2]) assert.ok(await t.evaluate(() => !!navigator.serviceWorker.controller));
  const oldTitle = await tab1.title();

  // Release 2: a changed page, then the build-time generator as Trunk runs it.
  const index = path.join(dir, "index.html");
  fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace("<title>ThingRisk", "<title>ThingRisk 2"));
  const { cacheName: newCache } = generate({ dir, publicUrl: new URL(env.url).pathname });
  assert.notEqual(newCache, oldCache, "a changed file gives a new cache name");

  // A newly opened tab looks for updates at start; every open tab hears of it.
  const tab3 = await context.newPage();
  await tab3.goto(env.url + "results");
  await appReady(tab3);
  for (const t of [tab3, tab1, tab2]) {
    await t.getByRole("button", { name: "Reload to update" }).waitFor({ timeout: 15_000 });
    assert.match(await t.getByRole("status").filter({ hasText: "new version" }).innerText(), /A new version is ready/);
  }
  await tab3.screenshot({ path: artifact("update-prompt.png") });
  // Until the user chooses, every tab stays wholly on release 1.
  await tab1.waitForTimeout(1500);
  assert.ok(await tab1.getByRole("button", { name: "Reload to update" }).isVisible(), "the prompt stays");
  assert.equal(await tab1.title(), oldTitle);
  assert.equal(await tab3.title(), oldTitle);
  assert.deepEqual((await tab1.evaluate(() => caches.keys())).sort(), [oldCache, newCache].sort());

  const reloads = [tab1, tab2, tab3].map((t) => t.waitForEvent("load"));
  await tab3.getByRole("button", { name: "Reload to update" }).click();
  await Promise.all(reloads);
  for (const t of [tab1, tab2, tab3]) {
    await appReady(t);
    assert.equal(await t.title(), oldTitle.replace("ThingRisk", "ThingRisk 2"), "every tab runs release 2");
    assert.equal(await t.getByRole("button", { name: "Reload to update" }).count(), 0);
  }
  assert.deepEqual(await tab1.evaluate(() => caches.keys()), [newCache], "the old cache is gone");
  assert.equal(await tab2.evaluate(() => location.pathname), new URL(env.url).pathname + "devices");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(env.leaks(), { csp: [], foreign: [] });
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
