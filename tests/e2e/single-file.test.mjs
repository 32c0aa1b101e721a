// The single-file edition opens from file:// and works offline: links via
// the fragment, search, filters and export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, launch, shownEvents } from "./support.mjs";

const FILE = join(ROOT, "dist-single", "corpus-explorer.html");
let browser;
before(async () => {
  assert.ok(existsSync(FILE), `${FILE} is built by the test command`);
  browser = await launch();
});
after(async () => browser?.close());

test("opens from disk, offline, with its state in the fragment", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.setOffline(true);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(FILE)}#entity=khieu-sopheak&panel=entity`);
  await page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]');
  const events = await shownEvents(page);
  assert.ok(events.length >= 1);
  await page.fill("#search", "extort");
  await page.waitForSelector(".results .hits li");
  // Typing writes the address once per animation frame, not at once.
  await page.waitForURL(/q=extort/);
  await page.check(".facets .toggle input");
  assert.match(page.url(), /quotes=1/);
  await page.click(".menu summary");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="corpus-view.json"]')]);
  assert.equal(download.suggestedFilename(), "corpus-view.json");
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), []);
  await context.close();
});
