// Accessibility in real Chromium: axe-core finds no WCAG 2 A/AA violation
// (contrast included) in the main views, in light and dark schemes, and
// every control is reachable from the keyboard with a visible focus ring.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ready, servedSite } from "./support.mjs";

const AXE = readFileSync(process.env.AXE_CORE ?? "node_modules/axe-core/axe.min.js", "utf8");
const served = servedSite("/");

async function violations(fragment, colorScheme) {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  await page.goto(`${served.site.url}#${fragment}`);
  await ready(page);
  await page.waitForSelector(".timeline-svg");
  // Evaluated, not added as a script element, which the page's policy refuses.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  await page.close();
  assert.ok(result.passes.length > 10, `axe ran ${result.passes.length} passing rules`);
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target?.join(" ")} — ${v.help}`);
}

for (const scheme of ["light", "dark"]) {
  for (const [name, fragment] of [
    ["overview", ""],
    ["entity panel and search", "entity=khieu-sopheak&panel=entity&q=ministry"],
    ["reader", "read=cambodia-daily-2017-02-08-us-deporting-over-30-cambodians~0&panel=reader"],
    ["event card", "event=ev-1&panel=event"],
  ]) {
    test(`no WCAG A/AA violations: ${name}, ${scheme} scheme`, async () => {
      assert.deepEqual(await violations(fragment, scheme), []);
    });
  }
}

test("keyboard: Tab reaches graph nodes and Enter selects one, with a focus ring", async () => {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(served.site.url);
  await ready(page);
  await page.waitForSelector(".graph-svg .node");
  let focused = null;
  for (let i = 0; i < 200 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.closest?.(".graph-svg .node")?.dataset.entityId ?? null);
  }
  assert.ok(focused, "a graph node takes focus from the keyboard");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.entity-card[data-entity-id="${focused}"]`);
  await page.close();
});

test("the skip link moves focus to the main views and leaves the view state alone", async () => {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${served.site.url}#entity=sok-phal&panel=entity`);
  await page.waitForSelector(".entity-card");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  assert.match(page.url(), /entity=sok-phal/);
  assert.equal(await page.locator(".notices").count(), 0);
  await page.close();
});

test("keyboard: the selected entity's card reaches each of its relations, which opens its evidence and shows as chosen in the graph", async () => {
  // The graph draws edges as paths hidden from assistive technology; the card names each relation and opens it.
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${served.site.url}#entity=khieu-sopheak`);
  await page.waitForSelector(".entity-card .related button .visually-hidden");
  assert.equal(await page.locator(".graph-svg .edges [role=button]").count(), 0, "no edge is an element of its own");
  let name = null;
  for (let i = 0; i < 400 && !name; i++) {
    await page.keyboard.press("Tab");
    // A relation's button shows its evidence count and is named by the relation after it.
    name = await page.evaluate(() => document.activeElement?.closest?.(".entity-card .related") && document.activeElement.querySelector(".visually-hidden") ? document.activeElement.textContent : null);
  }
  assert.match(name ?? "", /^\d+: .*Khieu Sopheak/);
  assert.match(name, /(spokesperson of|named together in \d+ sentences?)/);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".relation-card");
  assert.match(page.url(), /relation=rel-/);
  assert.equal(name.replace(/^\d+: /, ""), await page.getAttribute(".graph-svg .edge.selected", "aria-label"));
  await page.close();
});
