// Embedding: the example host page, on another localhost origin, frames the
// explorer in a sandboxed iframe and sizes it from the postMessage height.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DIST, ROOT, serve, launch } from "./support.mjs";

let site;
let host;
let browser;
before(async () => {
  site = await serve(DIST, "/explorer/");
  host = await serve(join(ROOT, "examples"), "/");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

test("the host page embeds the explorer from another origin and sizes the frame", async () => {
  assert.notEqual(site.origin, host.origin);
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const src = `${site.url}#embed=1&entity=sok-phal&panel=entity`;
  await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator("#explorer");
  await frame.locator('.app.embed .entity-card[data-entity-id="sok-phal"]').waitFor();
  assert.match(await page.getAttribute("#explorer", "sandbox"), /allow-scripts/);
  await page.waitForFunction(() => parseInt(document.getElementById("explorer").style.height, 10) > 640);
  const height = await page.evaluate(() => parseInt(document.getElementById("explorer").style.height, 10));
  const content = await frame.locator("html").evaluate((html) => html.scrollHeight);
  assert.ok(Math.abs(height - content) <= 2, `frame ${height}px for content ${content}px`);
  // Content that grows without a change of view (a list unfolded) resizes the frame too.
  await frame.locator(".graph details.alternative summary").click();
  await page.waitForFunction((before) => parseInt(document.getElementById("explorer").style.height, 10) > before + 50, height);
  await page.close();
});

test("embed mode fits a 320 px wide frame", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  await page.goto(`${site.url}#embed=1`);
  await page.waitForSelector(".app.embed .timeline-svg");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 320px`);
  await page.close();
});
