// A panic in the app replaces the page with an error panel and a reload
// link, never a blank page. The panic is a real one: the page's embedded
// corpus is cut short, as a broken upload or build would leave it, and the
// app panics on reading it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedSite, withCorpusCutShort } from "./support.mjs";

const served = servedSite("/");

test("a panic shows the error panel, whose reload link opens the working page", async () => {
  const page = await served.browser.newPage({ viewport: { width: 375, height: 740 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  let broken = true;
  await page.route(`${served.site.url}`, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (broken) body = withCorpusCutShort(body);
    await route.fulfill({ response, body });
  });
  await page.goto(`${served.site.url}#entity=sok-phal&panel=entity`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor();
  assert.match(await panel.locator("h1").textContent(), /\S/);
  const reload = panel.locator("a");
  assert.equal(await reload.getAttribute("href"), served.site.url, "the reload link opens the page without the view that failed");
  assert.ok(errors.length >= 1, "the panic reached the console as an error");
  assert.equal(await page.locator(".timeline-svg").count(), 0, "the panel replaces the page");

  broken = false;
  await reload.click();
  await page.waitForSelector("html[data-ready]", { state: "attached" });
  await page.waitForSelector(".timeline-svg");
  assert.equal(await page.locator(".error-panel").count(), 0);
  await page.close();
});
