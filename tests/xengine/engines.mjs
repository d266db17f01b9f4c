// The three engines behind one small interface, so the smoke (smoke.mjs) is
// written once: `page` has goto, reload, evaluate(fn, ...args) (fn runs in the
// page; it may be async), click(find, ...args) and fill(find, text, ...args)
// (`find` runs in the page and returns the element, waited for; the click is
// a real one, after scrolling it into view) and errors() (console errors the browser
// reports to the driver). Chromium and Firefox are driven by npm
// puppeteer-core (Firefox over WebDriver BiDi, no other driver); WebKit by
// WebKitWebDriver (webkit.mjs). Each starts with a throwaway profile.
import puppeteer from "puppeteer-core";
import { launchWebKit } from "./webkit.mjs";
import { poll } from "./wait.mjs";

export const VIEWPORT = { width: 1280, height: 900 };

// Firefox prefs so that nothing leaves the machine (puppeteer sets most of the
// update and telemetry ones itself).
const FIREFOX_PREFS = {
  "app.update.auto": false,
  "app.normandy.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.safebrowsing.downloads.enabled": false,
  "browser.region.update.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "extensions.update.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "services.settings.server": "http://127.0.0.1:9/",
  "toolkit.telemetry.enabled": false,
};

async function launchPuppeteer(options) {
  const browser = await puppeteer.launch({ headless: true, ...options });
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const handle = (find, args) => poll(`${find} ${JSON.stringify(args)}`, async () => (await page.evaluateHandle(find, ...args)).asElement());
  return {
    version: await browser.version(),
    page: {
      goto: (url) => page.goto(url),
      reload: () => page.reload(),
      evaluate: (fn, ...args) => page.evaluate(fn, ...args),
      click: async (find, ...args) => {
        const el = await handle(find, args);
        // Centred first, as in WebKit: at an edge, the plan's sticky bar may cover it.
        await el.evaluate((e) => e.scrollIntoView({ block: "center" }));
        await el.click();
      },
      fill: async (find, text, ...args) => (await handle(find, args)).type(text),
      errors: () => errors,
    },
    close: () => browser.close(),
  };
}

export const ENGINES = {
  chromium: async () => ({
    name: "Chromium",
    ...(await launchPuppeteer({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    })),
  }),
  firefox: async () => ({
    name: "Firefox",
    ...(await launchPuppeteer({
      browser: "firefox",
      executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
      protocol: "webDriverBiDi",
      extraPrefsFirefox: FIREFOX_PREFS,
    })),
  }),
  webkit: () => launchWebKit(VIEWPORT),
};
