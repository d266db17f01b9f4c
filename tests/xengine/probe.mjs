// The probe: what the smoke suite needs to see inside the page in an engine
// whose driver cannot run a script before load (WebKitWebDriver). It is a
// same-origin file added to a copy of the build's HTML, first after the CSP
// meta tag, so script-src 'self' allows it and the CSP hashes are untouched.
// It records CSP violations, uncaught errors and console.error calls into
// sessionStorage (kept across reloads of the tab) and prints them with a
// marker, so a browser whose console goes to stdout (MiniBrowser) shows them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PROBE_FILE = "__xengine-probe.js";
export const PROBE_KEY = "__xengine";

const PROBE = `(() => {
  const KEY = ${JSON.stringify(PROBE_KEY)};
  const log = console.log.bind(console);
  const push = (kind, text) => {
    const l = JSON.parse(sessionStorage.getItem(KEY) || "[]");
    l.push(kind + ": " + text);
    sessionStorage.setItem(KEY, JSON.stringify(l));
    log("xengine " + kind + ": " + text);
  };
  document.addEventListener("securitypolicyviolation", (e) => push("csp", e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
  addEventListener("error", (e) => push("error", e.message || "failed to load " + (e.target && (e.target.src || e.target.href))), true);
  addEventListener("unhandledrejection", (e) => push("error", "unhandled rejection: " + e.reason));
  const error = console.error.bind(console);
  console.error = (...a) => { push("console", a.map(String).join(" ")); error(...a); };
  const ready = () => {
    if (!document.querySelector("body > main h1")) return false;
    const counts = {};
    for (const r of performance.getEntriesByType("resource")) counts[new URL(r.name).pathname] = (counts[new URL(r.name).pathname] || 0) + 1;
    log("xengine ready: " + JSON.stringify(counts));
    return true;
  };
  const watch = new MutationObserver(() => ready() && watch.disconnect());
  addEventListener("DOMContentLoaded", () => ready() || watch.observe(document.body, { childList: true, subtree: true }));
})();
`;

/** A copy of the build in `dir` (served under `base`) whose pages load the probe first; returns its path. */
export function probedCopy(dir, base) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "xengine-dist-"));
  fs.cpSync(dir, out, { recursive: true });
  fs.writeFileSync(path.join(out, PROBE_FILE), PROBE);
  for (const page of ["index.html", "404.html"]) {
    const file = path.join(out, page);
    const html = fs.readFileSync(file, "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
    if (!csp.test(html)) throw new Error(`${page} has no CSP meta tag: not a release build`);
    fs.writeFileSync(file, html.replace(csp, (m) => `${m}\n    <script src="${base}${PROBE_FILE}"></script>`));
  }
  return out;
}

/** What the probe recorded in this tab so far (run in the page with PROBE_KEY). */
export function probeRecords(key) {
  return JSON.parse(sessionStorage.getItem(key) || "[]");
}
