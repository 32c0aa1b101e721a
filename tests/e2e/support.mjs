// Shared helpers for the end-to-end tests: a static file server on
// loopback, and Debian's Chromium driven by playwright-core (never a browser
// of its own: no test tool may download one).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { after, afterEach, before } from "node:test";

const { chromium } = await import(process.env.PLAYWRIGHT_CORE ?? "playwright-core");

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const DIST = join(ROOT, "dist");

const COMPRESSED = new Set([".html", ".js", ".wasm", ".css", ".svg"]);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json" };

/**
 * Serves `dir` on 127.0.0.1 at a free port; `prefix` mounts it under a sub-path.
 * With `asHost`, text and wasm go gzip-compressed and the hashed files cacheable,
 * as a static host serves them (for Lighthouse).
 */
export async function serve(dir, prefix = "/", { asHost = false } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith(prefix)) return response.writeHead(404).end();
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return response.writeHead(403).end();
    if (path.endsWith("/")) file = join(file, "index.html");
    try {
      let body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (asHost) {
        headers["cache-control"] = extname(file) === ".html" ? "no-cache" : "max-age=31536000, immutable";
        if (COMPRESSED.has(extname(file)) && /gzip/.test(request.headers["accept-encoding"] ?? "")) {
          body = gzipSync(body);
          headers["content-encoding"] = "gzip";
        }
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: `${origin}${prefix}`, close: () => new Promise((done) => server.close(done)) };
}

/** Content-Security-Policy violations seen by any page since the last test ended. */
const violations = [];
const VIOLATION = "Content-Security-Policy violation: ";
// Any violation in any page fails the test that caused it (in test files; the benchmark shares these helpers).
if (process.env.NODE_TEST_CONTEXT) {
  afterEach(() => {
    const seen = violations.splice(0);
    if (seen.length) throw new Error(`${seen.length} ${VIOLATION}\n${seen.join("\n")}`);
  });
}

/** Every context reports the page's policy violations (`securitypolicyviolation` events) to `violations`. */
async function watchPolicy(context) {
  await context.addInitScript((prefix) => {
    addEventListener("securitypolicyviolation", (e) => console.error(`${prefix}${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`), true);
  }, VIOLATION);
  context.on("console", (message) => message.text().startsWith(VIOLATION) && violations.push(message.text()));
  return context;
}

/** The built `page` with its embedded corpus cut short, as a broken upload would leave it: the app panics on reading it. */
export function withCorpusCutShort(page) {
  const cut = page.replace(/(<script type="application\/json" id="corpus">)[\s\S]*?(<\/script>)/, '$1{"schema_version":2,"articl$2');
  if (cut === page) throw new Error("the built page embeds no corpus to cut");
  return cut;
}

/** Debian's Chromium; every context it opens fails the running test on a policy violation. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchPolicy(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.close = async (...args) => context.close(...args);
    return page;
  };
  return browser;
}

/** A fresh page that records every request and every page error. */
export async function open(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await ready(page);
  return { page, context, requests, errors };
}

/** Waits until the app runs: the page shows its prerendered view before that, but does not respond. */
export async function ready(page) {
  await page.waitForSelector("html[data-ready]", { state: "attached" });
  await page.waitForSelector(".timeline-svg");
}

/** Opens the folded text alternative (`details`) holding `selector`, which is built only once opened. */
export async function unfold(page, selector) {
  const details = page.locator("details.alternative", { has: page.locator("summary", { hasText: selector }) }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

/** The data-event-id of every dated event the timeline shows, from its list in date order. */
export async function shownEvents(page) {
  return listedIds(page, ".event-list", "data-event-id", () => unfold(page, "Events as a list"));
}

/**
 * The `attribute` of every row of the long list `list`, in order. Such lists
 * build only the rows in view, so this scrolls the list's box from top to
 * bottom, as a reader would, after `reveal` makes the list appear.
 */
export async function listedIds(page, list, attribute, reveal = async () => {}) {
  await reveal();
  await page.waitForSelector(list);
  return page.$eval(list, async (list, attribute) => {
    const box = list.parentElement;
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    box.scrollIntoView({ block: "nearest" });
    // The rows at the box's top and bottom edges are built once the app has followed the scroll.
    const built = () => {
      const rect = box.getBoundingClientRect();
      const rowAt = (y) => document.elementFromPoint(rect.left + rect.width / 2, y)?.closest("li") != null;
      return list.children.length === 0 || (rowAt(rect.top + 2) && rowAt(Math.min(rect.bottom, list.getBoundingClientRect().bottom) - 2));
    };
    const found = new Map();
    for (let top = 0; ; top += box.clientHeight) {
      box.scrollTop = top;
      for (let i = 0; i < 50 && !built(); i++) await frame();
      for (const row of list.children) found.set(Number(row.getAttribute("aria-posinset")), row.querySelector(`[${attribute}]`).getAttribute(attribute));
      if (box.scrollTop + box.clientHeight >= box.scrollHeight) break;
    }
    box.scrollTop = 0;
    return [...found.keys()].sort((a, b) => a - b).map((position) => found.get(position));
  }, attribute);
}

/**
 * For a test file: serves a built site and launches Chromium before its
 * tests, and ends both after them. `served.site` and `served.browser` are
 * set by the time the tests run.
 */
export function servedSite(prefix = "/", dir = DIST) {
  const served = {};
  before(async () => Object.assign(served, await siteAndBrowser(prefix, dir)));
  after(async () => served.stop?.());
  return served;
}

/** A built site (`dir`, dist/ by default) served under `prefix` and a Chromium to visit it; `stop` ends both. */
export async function siteAndBrowser(prefix = "/", dir = DIST) {
  const site = await serve(dir, prefix);
  const browser = await launch();
  return { site, browser, stop: async () => { await browser.close(); await site.close(); } };
}
