// Dev-time only: renders the app icons (public/icons/*.png) from the SVGs with
// the test Chromium, so the build itself needs no image tools. Rerun after
// editing public/icon.svg or public/icon-maskable.svg, and commit the PNGs.
//
//   node scripts/icons.mjs
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(repo, "public/icons");
// [source svg, output name, size]: "any" icons keep their rounded corners;
// maskable and Apple icons are full-bleed (platforms cut their own shape).
const ICONS = [
  ["icon.svg", "icon-192.png", 192],
  ["icon.svg", "icon-512.png", 512],
  ["icon-maskable.svg", "icon-maskable-192.png", 192],
  ["icon-maskable.svg", "icon-maskable-512.png", 512],
  ["icon-maskable.svg", "apple-touch-icon.png", 180],
];

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const [src, name, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = fs.readFileSync(path.join(repo, "public", src), "utf8");
    const html = `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
    await page.setContent(html);
    await page.screenshot({ path: path.join(out, name), omitBackground: true });
    await page.close();
    console.log(`public/icons/${name} (${size}x${size}, ${fs.statSync(path.join(out, name)).size} B)`);
  }
} finally {
  await browser.close();
}
