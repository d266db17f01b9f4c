// Static hosting and the strict CSP: the build works under a subpath and at a
// domain root, deep links survive a reload, the manifest and icons are right,
// the CSP is strict and in force, and nothing comes from or goes to another
// origin. (The harness also fails any file whose pages broke the CSP.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, appReady, repo, BASE } from "./harness.mjs";
import crypto from "node:crypto";
import { generate } from "../../scripts/pwa.mjs";
import { glueName, wasmName, stylesheetNames, minifyAssets } from "../../scripts/minify.mjs";
import { inlineStartup } from "../../scripts/inline-startup.mjs";

const DIST = process.env.E2E_DIST || path.join(repo, "dist");
const read = (f, dir = DIST) => fs.readFileSync(path.join(dir, f), "utf8");

test("the build step reads Trunk's names whatever their hash's length, and fails loudly when it cannot", () => {
  // Trunk writes a 64-bit hash in hex without leading zeros: 1 to 16 digits.
  // A build whose hash had 15 once went out unminified without a word.
  const html = `<link rel="stylesheet" href="/x/main-0c6cfccad0954d.css">
<script type="module">import init, * as bindings from '/x/thingrisk-web-7a76ebf1cee0033.js';
const wasm = await init({ module_or_path: '/x/thingrisk-web-7a76ebf1cee0033_bg.wasm' });</script>`;
  assert.equal(glueName(html), "thingrisk-web-7a76ebf1cee0033.js");
  assert.equal(wasmName(html), "thingrisk-web-7a76ebf1cee0033_bg.wasm");
  assert.deepEqual(stylesheetNames(html), ["main-0c6cfccad0954d.css"]);
  assert.throws(() => minifyAssets(os.tmpdir(), html.replace("module_or_path", "path")), /cannot find the glue and wasm names/);
});

test("the startup step inlines the stylesheet and rewrites Trunk's loader, and fails loudly on a form it does not know", () => {
  // Trunk's output, in the form the step expects (as in a release build).
  const fixture = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "thingrisk-inline-"));
    fs.writeFileSync(path.join(d, "main-1a2b.css"), "body{margin:0}\n");
    fs.writeFileSync(path.join(d, "app-3c4d_bg.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    return d;
  };
  const dir = fixture();
  const html = `<head>
<link rel="stylesheet" href="/x/main-1a2b.css" integrity="sha384-old"/>
<script type="module">import init, * as bindings from '/x/app-3c4d.js';
const wasm = await init({ module_or_path: '/x/app-3c4d_bg.wasm' });</script>
<link rel="modulepreload" href="/x/app-3c4d.js" crossorigin="anonymous">
<link rel="preload" href="/x/app-3c4d_bg.wasm" crossorigin="anonymous" integrity="sha384-x" as="fetch" type="application/wasm"></head>`;
  const out = inlineStartup(dir, html, "/x/");
  assert.match(out, /<style data-hashed>body\{margin:0\}<\/style>/);
  assert.ok(!fs.existsSync(path.join(dir, "main-1a2b.css")), "the stylesheet file goes");
  assert.doesNotMatch(out, /rel="preload"/, "Trunk's wasm preload goes");
  assert.match(out, /rel="modulepreload"/, "the glue's modulepreload stays");
  const loader = out.match(/<script type="module" data-hashed>([\s\S]*?)<\/script>/)[1];
  assert.match(loader, /fetch\("\/x\/app-3c4d_bg\.wasm", \{ integrity: "sha384-[A-Za-z0-9+/=]+" \}\)/);
  assert.match(loader, /import\("\/x\/app-3c4d\.js"\)/);
  assert.equal(inlineStartup(dir, out, "/x/"), out, "a second run changes nothing");
  // Forms it does not know: names it cannot read, or no preload to remove.
  const broken = [
    [html.replace("module_or_path", "path"), /cannot find the glue and wasm names/],
    [html.replace(/<link rel="preload"[^>]*>/, ""), /preload of the wasm not found/],
  ];
  for (const [page, error] of broken) {
    const d = fixture();
    assert.throws(() => inlineStartup(d, page, "/x/"), error);
    fs.rmSync(d, { recursive: true });
  }
  fs.rmSync(dir, { recursive: true });
});

test("the build's JS glue and chunk loader are minified", () => {
  const files = fs.readdirSync(DIST).filter((f) => /^(thingrisk-web-|__wasm_split-)[0-9a-f]+\.js$/.test(f));
  assert.ok(files.length >= 1, `glue found: ${files}`);
  for (const f of files) {
    const lines = read(f).split("\n");
    assert.ok(lines.length < 40, `${f} is minified (${lines.length} lines)`);
  }
});

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test("the built pages carry a strict CSP: inline only the build's own scripts and style, each allowed by its hash; no foreign URL", () => {
  const html = read("index.html");
  assert.equal(read("404.html"), html, "404.html is a copy of the final index.html");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, "CSP meta tag present");
  const policy = Object.fromEntries(meta[1].split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(policy["default-src"], ["'self'"]);
  assert.deepEqual(policy["connect-src"], ["'self'"]);
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "the CSP comes before any script");
  // Inline: the boot script and the loader, and the stylesheet; the policy
  // allows exactly their sha256 and nothing else inline.
  const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
  const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "g"))];
  const scripts = inline("script");
  assert.equal(scripts.length, 2, "boot script and loader");
  for (const [, attrs, body] of scripts) {
    assert.doesNotMatch(attrs, /\bsrc=/, "no script file");
    assert.ok(body.trim() !== "" && /\bdata-hashed\b/.test(attrs), attrs);
  }
  assert.deepEqual(policy["script-src"], ["'self'", "'wasm-unsafe-eval'", ...scripts.map(([, , body]) => sha256(body))]);
  const styles = inline("style");
  assert.equal(styles.length, 1, "the stylesheet");
  assert.deepEqual(policy["style-src"], ["'self'", ...styles.map(([, , body]) => sha256(body))]);
  assert.deepEqual(fs.readdirSync(DIST).filter((f) => f.endsWith(".css")), [], "no stylesheet file left");
  assert.doesNotMatch(html, /\sstyle=/);
  // What the loader fetches is this build's, under the public URL.
  const fetched = [...scripts[1][2].matchAll(/"([^"]+\.(?:js|wasm))"/g)].map((m) => m[1]);
  assert.equal(fetched.length, 2, `glue and wasm: ${fetched}`);
  for (const url of fetched) assert.ok(url.startsWith(BASE) && fs.existsSync(path.join(DIST, url.slice(BASE.length))), url);
  for (const f of ["index.html", "manifest.webmanifest"])
    assert.doesNotMatch(read(f), /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i, `${f} names no other origin`);
});

test("the CSP is in force: injected inline script, handler, style and eval are blocked and reported", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.head.append(s);
    const b = document.createElement("button");
    b.setAttribute("onclick", "window.__handlerRan = true");
    b.setAttribute("style", "letter-spacing: 7px");
    document.body.append(b);
    b.click();
    window.__spacing = getComputedStyle(b).letterSpacing;
    b.remove();
    const st = document.createElement("style");
    st.textContent = "body { word-spacing: 9px }";
    document.head.append(st);
    window.__wordSpacing = getComputedStyle(document.body).wordSpacing;
  });
  // Outside page.evaluate, which DevTools exempts from the policy.
  await page.evaluate(() => new Promise((r) => setTimeout(() => {
    try {
      window.__evalRan = eval("true");
    } catch {
      window.__evalRan = false;
    }
    r();
  })));
  const ran = await page.evaluate(() => [window.__inlineRan, window.__handlerRan, window.__spacing, window.__wordSpacing, window.__evalRan]);
  assert.deepEqual(ran, [undefined, undefined, "normal", "0px", false]);
  await page.waitForTimeout(200);
  const kinds = log.csp.map((v) => v.split(" ")[0]).sort();
  assert.deepEqual(kinds, ["script-src", "script-src-attr", "script-src-elem", "style-src-attr", "style-src-elem"], log.csp.join("\n"));
  log.csp.length = 0; // these were ours on purpose
  // The app itself sets no cookie and keeps data only in localStorage.
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test("the manifest is valid, scoped to the subpath, with icons in every size it names", async () => {
  const { page, context, log } = await env.page();
  await page.goto(env.url);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { url, errors } = await cdp.send("Page.getAppManifest");
  assert.equal(url, env.url + "manifest.webmanifest");
  assert.deepEqual(errors, []);
  const m = JSON.parse(read("manifest.webmanifest"));
  assert.equal(m.start_url, BASE);
  assert.equal(m.scope, BASE);
  assert.equal(m.display, "standalone");
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/i);
  const sizes = (purpose) => m.icons.filter((i) => i.purpose === purpose).map((i) => i.sizes);
  assert.deepEqual(sizes("any"), ["192x192", "512x512"]);
  assert.deepEqual(sizes("maskable"), ["192x192", "512x512"]);
  const apple = await page.locator('link[rel="apple-touch-icon"]').evaluate((l) => l.href);
  for (const [src, size] of [...m.icons.map((i) => [env.url + i.src, i.sizes]), [apple, "180x180"]]) {
    const res = await context.request.get(src);
    assert.equal(res.status(), 200, src);
    assert.equal(res.headers()["content-type"], "image/png");
    const png = await res.body();
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, size, `${src} is ${size}`);
  }
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Test browsers run in incognito contexts, where nothing can be installed.
  const blocking = installabilityErrors.filter((e) => e.errorId !== "in-incognito");
  assert.deepEqual(blocking, [], "Chromium finds nothing else in the way of installing");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a deep link under the subpath survives a reload, before and after the worker, and every asset URL keeps the subpath", async () => {
  const { page, context, log } = await env.page();
  const first = await page.goto(env.url + "data");
  assert.equal(first.status(), 404, "the host answers an unknown path with 404.html");
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const again = await page.reload();
  assert.ok(again.fromServiceWorker(), "the worker now answers");
  assert.equal(again.status(), 200);
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
  const prefix = env.url;
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(prefix)), [], "every request is under the subpath");
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

/**
 * Turns a build made for public URL `from` into the one Trunk makes for `to`:
 * Trunk only writes the public URL into <base> and the asset URLs of
 * index.html and its loader (inline in index.html), so swap the prefix there
 * and run the generator again as the Trunk hook does.
 */
function rehost(src, from, to) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thingrisk-rehost-"));
  fs.cpSync(src, dir, { recursive: true });
  for (const f of ["sw.js", "manifest.webmanifest", "404.html"]) fs.rmSync(path.join(dir, f));
  const swap = (s) => s.replaceAll(`"${from}`, `"${to}`).replaceAll(`'${from}`, `'${to}`);
  const html = swap(read("index.html", dir).replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
  fs.writeFileSync(path.join(dir, "index.html"), html);
  generate({ dir, publicUrl: to });
  return dir;
}

test("the same app hosted at a domain root: loads, registers its worker at /, deep links reload", async () => {
  const other = BASE === "/" ? "/thingrisk/" : "/";
  const dir = rehost(DIST, BASE, other);
  assert.match(read("index.html", dir), new RegExp(`<base href="${other}"`));
  assert.match(read("index.html", dir), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const root = await launch({ dir, base: other });
  try {
    const { page, context, log } = await root.page();
    await page.goto(root.url);
    await appReady(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, root.url);
    assert.equal(JSON.parse(read("manifest.webmanifest", dir)).start_url, other);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: "Your devices" }).waitFor();
    assert.equal(new URL(page.url()).pathname, other + "devices");
    await page.reload();
    await page.getByRole("heading", { name: "Your devices" }).waitFor();
    const prefix = root.url;
    assert.deepEqual(log.requests.filter((u) => !u.startsWith(prefix)), []);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(root.leaks(), { csp: [], foreign: [] });
    await context.close();
  } finally {
    await root.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
