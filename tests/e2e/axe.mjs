// Runs axe-core (from node_modules, injected into the page) and returns the
// serious and critical violations as short records.
import path from "node:path";
import { repo } from "./harness.mjs";

const AXE = path.join(repo, "node_modules/axe-core/axe.min.js");

export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}
