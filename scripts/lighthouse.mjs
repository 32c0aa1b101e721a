// Lighthouse's mobile run (simulated slow 4G and a 4x slower CPU) on a built
// site, served as a static host serves it (gzip, long-lived caching of the
// hashed files), in Debian's Chromium. Prints a Markdown section for
// BENCHMARKS.md. Usage: node scripts/lighthouse.mjs DIST LIGHTHOUSE_BIN
import { readFile, mkdtemp } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { serve } from "../tests/e2e/support.mjs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";

const [dir, lighthouse] = process.argv.slice(2);
if (!dir || !lighthouse) throw new Error("usage: node scripts/lighthouse.mjs DIST LIGHTHOUSE_BIN");
const site = await serve(resolve(dir), "/", { asHost: true });
const url = site.url;
const out = join(await mkdtemp(join(tmpdir(), "lighthouse-")), "report.json");
const flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";
try {
  // Asynchronously: this process's server must answer Lighthouse's Chromium meanwhile.
  await promisify(execFile)(lighthouse, [url, "--quiet", `--chrome-flags=${flags}`, "--output=json", `--output-path=${out}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" },
  });
} finally {
  await site.close();
}
const report = JSON.parse(await readFile(out, "utf8"));
const score = (category) => Math.round(report.categories[category].score * 100);
const metric = (id) => report.audits[id].displayValue;
const lines = [
  "",
  "## Lighthouse, mobile (seeds site)",
  "",
  `Lighthouse ${report.lighthouseVersion}, its default mobile run (simulated slow 4G, 4x CPU slowdown), gzip as a static host serves it.`,
  "",
  "| category | score | budget |",
  "|---|---:|---:|",
  `| performance | ${score("performance")} | ≥ 95 |`,
  `| accessibility | ${score("accessibility")} | 100 |`,
  `| best practices | ${score("best-practices")} | 100 |`,
  `| SEO | ${score("seo")} | 100 |`,
  "",
  "| metric | value | budget |",
  "|---|---:|---:|",
  `| first contentful paint | ${metric("first-contentful-paint")} | |`,
  `| largest contentful paint | ${metric("largest-contentful-paint")} | ≤ 2.5 s |`,
  `| total blocking time | ${metric("total-blocking-time")} | ≤ 100 ms |`,
  `| cumulative layout shift | ${metric("cumulative-layout-shift")} | |`,
  `| time to interactive | ${metric("interactive")} | |`,
  "",
];
console.log(lines.join("\n"));
