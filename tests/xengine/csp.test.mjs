// The build's Content-Security-Policy uses only directives every engine knows
// (scripts/pwa.mjs, CSP_DIRECTIVES): WebKit logs an unknown one as a console
// security error on every load, as it did 'manifest-src'. The smoke suite's
// WebKit console run sees it for real; this says which directive, with no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CSP_DIRECTIVES } from "../../scripts/pwa.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = process.env.E2E_DIST || path.join(repo, "dist");

test("the built pages' CSP uses only directives Chromium, Firefox and WebKit all know", () => {
  for (const page of ["index.html", "404.html"]) {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    assert.ok(policy, `${page} has a CSP`);
    const directives = policy.split(";").map((d) => d.trim().split(/\s+/)[0]);
    assert.ok(directives.includes("default-src"), `${page}: default-src covers the rest`);
    assert.deepEqual(directives.filter((d) => !CSP_DIRECTIVES.includes(d)), [], `${page}: directives not every engine knows`);
  }
});
