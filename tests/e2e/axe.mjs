// Runs axe-core (from node_modules) in the page and returns the serious and
// critical violations as short records. It is evaluated through the DevTools
// protocol rather than a <script> tag, so the app's strict CSP stays intact
// and records no violation.
import fs from "node:fs";
import path from "node:path";
import { repo } from "./harness.mjs";

const AXE = fs.readFileSync(path.join(repo, "node_modules/axe-core/axe.min.js"), "utf8");

export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}
