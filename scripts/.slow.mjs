import { launch } from "/work/main/tests/e2e/harness.mjs";
const env = await launch();
const out = [];
for (let i = 0; i < 4; i++) {
  const s = await env.page({ viewport: { width: 412, height: 823 }, serviceWorkers: "block" });
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await s.page.goto(env.url, { waitUntil: "commit" });
  await s.page.waitForSelector("body > main h1", { timeout: 60000 });
  out.push(await s.page.evaluate(() => [Math.round(performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint")?.startTime), Math.round(performance.now())]));
  await s.context.close();
}
console.log(process.env.E2E_DIST, JSON.stringify(out));
await env.close();
