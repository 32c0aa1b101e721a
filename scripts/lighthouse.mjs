// Lighthouse's mobile run (simulated slow 4G and a 4x slower CPU) on a built
// site, served as a static host serves it (gzip, long-lived caching of the
// hashed files), in Debian's Chromium. Prints a Markdown section for
// BENCHMARKS.md. Usage: node scripts/lighthouse.mjs DIST LIGHTHOUSE_BIN
import { createServer } from "node:http";
import { readFile, mkdtemp } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { extname, join, normalize } from "node:path";
import { tmpdir } from "node:os";

const [dir, lighthouse] = process.argv.slice(2);
if (!dir || !lighthouse) throw new Error("usage: node scripts/lighthouse.mjs DIST LIGHTHOUSE_BIN");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };
const COMPRESSED = new Set([".html", ".js", ".wasm", ".css", ".svg"]);

const server = createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(dir, path));
  if (!file.startsWith(normalize(dir))) return response.writeHead(403).end();
  try {
    let body = await readFile(file);
    const type = extname(file);
    const headers = { "content-type": TYPES[type] ?? "application/octet-stream", "cache-control": type === ".html" ? "no-cache" : "max-age=31536000, immutable" };
    if (COMPRESSED.has(type) && /gzip/.test(request.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    response.writeHead(200, headers).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const url = `http://127.0.0.1:${server.address().port}/`;
const out = join(await mkdtemp(join(tmpdir(), "lighthouse-")), "report.json");
const flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";
try {
  // Asynchronously: this process's server must answer Lighthouse's Chromium meanwhile.
  await promisify(execFile)(lighthouse, [url, "--quiet", `--chrome-flags=${flags}`, "--output=json", `--output-path=${out}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" },
  });
} finally {
  server.close();
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
