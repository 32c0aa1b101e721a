// The explorer at a realistic scale: the 2,095 BBC articles embedded
// (built by the test command into target/dist-bbc) open and respond quickly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ready, ROOT, siteAndBrowser } from "./support.mjs";

let site;
let browser;
let stop;
before(async () => {
  ({ site, browser, stop } = await siteAndBrowser("/", join(ROOT, "target", "dist-bbc")));
});
after(async () => stop?.());

test("2,095 articles: first view in seconds, graph and lanes capped, search answers", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const started = Date.now();
  await page.goto(site.url);
  await ready(page);
  await page.waitForSelector(".timeline-svg", { timeout: 60000 });
  const firstView = Date.now() - started;
  assert.ok(firstView < 10000, `first view took ${firstView} ms`);
  assert.ok((await page.locator(".graph-svg .node").count()) <= 300);
  assert.ok((await page.locator(".timeline-svg .lane").count()) <= 12);
  assert.ok(await page.locator(".facets .articles li").count() === 2095);

  const searched = Date.now();
  await page.fill("#search", "blair");
  await page.waitForSelector(".results .hits li");
  const searchTime = Date.now() - searched;
  assert.ok(searchTime < 5000, `search took ${searchTime} ms`);
  await page.click('.results .chips [data-entity-id="tony-blair"]');
  await page.waitForSelector('.entity-card[data-entity-id="tony-blair"]');
  assert.deepEqual(errors, []);
  console.log(`# scale: first view ${firstView} ms, search ${searchTime} ms`);
  await page.close();
});
