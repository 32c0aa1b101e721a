// The built page carries its default view as HTML, prerendered at build time
// by the same components: it shows content before any wasm runs and without
// JavaScript, the app then takes over that HTML (hydration), and a link to
// another view never shows the default one first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, servedSite } from "./support.mjs";

const served = servedSite();

/** A page whose wasm download waits until `release()` is called: the page as a reader sees it before the app runs. */
async function beforeTheWasm(url, options = {}) {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  let release;
  const held = new Promise((done) => (release = done));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return { page, context, errors, release };
}

test("without JavaScript the page shows the events with their sentences and sources", async () => {
  const context = await served.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(served.site.url);
  assert.match(await page.locator("h1").innerText(), /news explorer/);
  const items = page.locator(".print-only li");
  assert.equal(await items.count(), 20, "every seed event is listed");
  assert.ok(await items.first().isVisible());
  const first = await items.first().innerText();
  assert.match(first, /^2002\b/, "dated, earliest first");
  assert.match(first, /The Cambodia Daily, 2017-02-08/, "with its source");
  assert.ok(await page.locator(".noscript").isVisible(), "says what needs JavaScript");
  assert.equal(await page.locator(".timeline-svg").isVisible(), false, "the interactive views, which cannot work, are hidden");
  await context.close();
});

test("before the wasm runs the page already shows the overview, the timeline and the graph", async () => {
  const { page, context, release } = await beforeTheWasm(served.site.url);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-ready")), false, "the app has not started");
  assert.ok(await page.locator(".timeline-svg .event").first().isVisible());
  assert.ok((await page.locator(".timeline-svg .event").count()) >= 10, "the events are drawn");
  assert.ok((await page.locator(".graph-svg .node").count()) >= 20, "the graph is drawn");
  const segments = await page.locator(".graph-svg .edges path.edge").evaluateAll((paths) => paths.map((path) => path.getAttribute("d").split("M").length - 1));
  assert.equal(segments.reduce((sum, n) => sum + n, 0), 58, "every seed relation is drawn, as a few paths");
  assert.match(await page.locator(".panel").innerText(), /About this corpus/);
  const { head, events } = await page.evaluate(() => ({
    head: JSON.parse(document.getElementById("corpus").textContent),
    events: [...document.querySelectorAll("script.corpus-piece")].flatMap((script) => JSON.parse(script.textContent).events ?? []),
  }));
  assert.equal(events.length, 20, "the corpus travels in the page, beside the view, in pieces after its head");
  assert.equal(head.events, 20, "the head says how many events the pieces hold");
  release();
  await context.close();
});

test("the app takes over the prerendered HTML instead of building it again, and responds", async () => {
  const { page, context, errors, release } = await beforeTheWasm(served.site.url);
  await page.evaluate(() => {
    window.prerendered = { heading: document.querySelector("h1"), panel: document.querySelector(".panel"), nodes: document.querySelectorAll(".graph-svg .node").length, edges: document.querySelectorAll(".graph-svg path.edge").length };
    // Building the view again would create its thousands of elements one by one.
    window.created = 0;
    for (const method of ["createElement", "createElementNS"]) {
      const create = Document.prototype[method];
      Document.prototype[method] = function (...args) {
        window.created += 1;
        return create.apply(this, args);
      };
    }
  });
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => document.querySelector("h1") === window.prerendered.heading), true, "the same heading element");
  assert.equal(await page.evaluate(() => document.querySelector(".panel") === window.prerendered.panel), true, "the same panel element");
  // The timeline and the graph become live in later tasks: they are hydrated from copies of their prerendered nodes, not built.
  const created = await page.evaluate(() => window.created);
  assert.ok(created <= 10, `${created} elements created while taking over a page of ${await page.evaluate(() => document.querySelectorAll("*").length)}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll(".graph-svg .node").length), await page.evaluate(() => window.prerendered.nodes));
  assert.equal(await page.evaluate(() => document.querySelectorAll(".graph-svg path.edge").length), await page.evaluate(() => window.prerendered.edges), "the same paths of edges");
  assert.equal(await page.evaluate(() => document.querySelector("#corpus, script.corpus-piece")), null, "the corpus text is freed once parsed");
  await page.locator(".graph-svg .node").first().click();
  await page.waitForSelector(".entity-card");
  assert.match(await page.evaluate(() => location.hash), /entity=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link to a view hides the prerendered default view until its own is drawn", async () => {
  const { page, context, errors, release } = await beforeTheWasm(`${served.site.url}#entity=khieu-sopheak&panel=entity`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("app")).visibility), "hidden");
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("app")).visibility), "visible");
  assert.match(await page.locator('.entity-card[data-entity-id="khieu-sopheak"] h2').innerText(), /Khieu Sopheak/);
  assert.equal(await page.locator(".panel.overview").count(), 0, "no trace of the default view");
  assert.deepEqual(errors, []);
  await context.close();
});
