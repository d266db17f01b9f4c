// WebKit (WebKitGTK's MiniBrowser) driven by Debian's WebKitWebDriver over
// plain W3C WebDriver HTTP: no npm package. It needs an X display (the test
// step runs under xvfb-run). WebKitWebDriver neither scrolls an element into
// view before clicking it nor runs a script before a page loads, and it has
// no console log: see probe.mjs for what the page records instead, and
// consoleRun() for the console itself.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { poll } from "./wait.mjs";

export const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

/** Starts WebKitWebDriver and one MiniBrowser session; resolves to the common browser interface (engines.mjs). */
export async function launchWebKit({ width, height }) {
  const port = await freePort();
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, url, body) => {
    const res = await fetch(base + url, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const { value } = await res.json();
    if (value && value.error) throw new Error(`WebDriver ${method} ${url}: ${value.error}: ${value.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call("GET", "/status")).ready) break;
    } catch (e) {
      if (i > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${e.message}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const { sessionId, capabilities } = await call("POST", "/session", {
    capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
  });
  const s = (url) => `/session/${sessionId}${url}`;
  await call("POST", s("/window/rect"), { width, height });
  const script = (fn) => `const done = arguments[arguments.length - 1];
    Promise.resolve().then(() => (${fn}).apply(null, [...arguments].slice(0, -1)))
      .then((v) => done({ ok: v }), (e) => done({ thrown: String(e && e.message || e) }));`;
  const evaluate = async (fn, ...args) => {
    const r = await call("POST", s("/execute/async"), { script: script(fn), args });
    if ("thrown" in r) throw new Error(`in WebKit: ${r.thrown}`);
    return r.ok;
  };
  const element = async (find, args) => {
    const el = await poll(`${find} ${JSON.stringify(args)}`, async () => {
      const e = await evaluate(find, ...args);
      return e?.[ELEMENT] ? e : null;
    });
    await evaluate((e) => e.scrollIntoView({ block: "center" }), el);
    return el[ELEMENT];
  };
  return {
    name: "WebKit",
    version: `WebKitGTK ${capabilities.browserVersion} (MiniBrowser, WebKitWebDriver)`,
    page: {
      goto: (url) => call("POST", s("/url"), { url }),
      reload: () => call("POST", s("/refresh"), {}),
      evaluate,
      click: async (find, ...args) => call("POST", s(`/element/${await element(find, args)}/click`), {}),
      fill: async (find, text, ...args) => call("POST", s(`/element/${await element(find, args)}/value`), { text }),
      /** Console errors only the browser sees: none reach WebDriver (consoleRun reads them). */
      errors: () => [],
    },
    async close() {
      await call("DELETE", s("")).catch(() => {});
      driver.kill();
    },
  };
}

/**
 * Opens `url` in a fresh MiniBrowser (no WebDriver: the automation session
 * ignores the setting) whose console messages go to its stdout, on a pty so
 * each line arrives at once. Resolves to every console line until one
 * matches `until`, or rejects after `timeout` ms.
 */
export function consoleRun(url, until, timeout = 30_000) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "xengine-webkit-"));
  const cmd = [MINIBROWSER, "--enable-write-console-messages-to-stdout=true", url].map((a) => `'${a}'`).join(" ");
  const child = spawn("script", ["-qefc", cmd, "/dev/null"], {
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, XDG_DATA_HOME: path.join(home, "data"), XDG_CACHE_HOME: path.join(home, "cache") },
    detached: true,
  });
  const lines = [];
  let rest = "";
  // The browser's files go once it has exited (its helper processes may still
  // write caches for a moment: what is left then stays in the temp dir).
  child.on("exit", () => {
    try {
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 5 });
    } catch {}
  });
  return new Promise((resolve, reject) => {
    let done = false;
    // Settles once the browser has gone (it would go on fetching from the server).
    const end = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return fn(v);
      child.once("exit", () => fn(v));
      try {
        process.kill(-child.pid);
      } catch {}
    };
    const timer = setTimeout(() => end(reject, new Error(`MiniBrowser: no "${until}" in ${timeout} ms; console: ${lines.join(" | ")}`)), timeout);
    child.stdout.on("data", (d) => {
      const parts = (rest + d).replace(/\r/g, "").split("\n");
      rest = parts.pop();
      for (const l of parts.filter((l) => l.trim())) {
        lines.push(l);
        if (l.includes(until)) end(resolve, lines);
      }
    });
    child.on("exit", () => end(reject, new Error(`MiniBrowser exited; console: ${lines.join(" | ")}`)));
  });
}
