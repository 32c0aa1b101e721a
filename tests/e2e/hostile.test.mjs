// Hostile input in real headless Chromium. A corpus whose titles, outlet,
// text, names and quotes carry markup, javascript: addresses, right-to-left
// overrides and 5,000-character unbroken runs (tests/hostile/, rewritten by
// scripts/hostile-corpus.mjs to carry a javascript: url and a name of markup)
// shows all of it as text, runs none of it and fits a 375 px screen. Links
// with unknown ids, misplaced reader offsets or a 100 kB fragment show a
// notice and a working page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, open, ROOT, serve, DIST } from "./support.mjs";

const HOSTILE_SITE = join(ROOT, "target/dist-hostile");
const SCRIPT = "<script>alert(1)</script>";
const IMG = '<img src=x onerror="window.__pwned=1">';
const RLO = "\u202e";
const LETTER = "hostile-tribune-2017-03-08-letter";
const COURT = "hostile-tribune-2017-04-05-court";

let hostile;
let shipped;
let browser;
before(async () => {
  hostile = await serve(HOSTILE_SITE);
  shipped = await serve(DIST, "/explorer/");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await hostile?.close();
  await shipped?.close();
});

/** A page of `url` at `width` that records every dialog (and dismisses it) and every page error. */
async function visit(url, width) {
  const opened = await open(browser, url, { width, height: 900 });
  opened.dialogs = [];
  opened.page.on("dialog", (dialog) => {
    opened.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return opened;
}

/** Nothing ran, nothing became markup, nothing overflows sideways: checked after every step of the walk. */
async function assertInert({ page, dialogs, errors }, step) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick], [onmouseover]").length,
    images: [...document.querySelectorAll("img")].map((img) => img.getAttribute("src")),
    scriptLinks: [...document.querySelectorAll("[href], [src], [action], [formaction]")]
      .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? e.getAttribute("formaction"))
      .filter((address) => /^\s*javascript:/i.test(address)),
    scripts: [...document.scripts].filter((s) => s.type !== "application/json" && /alert/.test(s.textContent)).length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  assert.equal(found.pwned, undefined, `${step}: an onerror payload ran`);
  assert.equal(found.handlers, 0, `${step}: an inline handler attribute exists`);
  assert.deepEqual(found.images, [], `${step}: an image was made from corpus text`);
  assert.deepEqual(found.scriptLinks, [], `${step}: a javascript: address became a link`);
  assert.equal(found.scripts, 0, `${step}: a script element was made from corpus text`);
  assert.deepEqual(dialogs, [], `${step}: a dialog opened`);
  assert.deepEqual(errors, [], `${step}: page errors`);
  assert.ok(found.overflow <= 0, `${step}: horizontal overflow of ${found.overflow}px`);
}

/**
 * Whether `words`, inside the first `selector` that names the hostile outlet, are drawn left to right (its
 * first character left of its last): a right-to-left override in corpus
 * text before them must not reverse them.
 */
async function drawnLeftToRight(page, selector, words) {
  return page.locator(selector).filter({ hasText: `${SCRIPT} Tribune` }).first().evaluate((element, words) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(words);
      if (at < 0) continue;
      const left = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return left(at) < left(at + words.length - 1);
    }
    throw new Error(`no text "${words}" in ${element.outerHTML.slice(0, 200)}`);
  }, words);
}

const text = (page, selector) => page.locator(selector).first().evaluate((e) => e.textContent);

for (const width of [375, 1280]) {
  test(`hostile corpus text is shown as text, runs nothing and fits ${width} px`, async () => {
    const visited = await visit(hostile.url, width);
    const { page, context } = visited;
    try {
      // The overview: the latest events quote markup and the long name literally.
      await page.waitForSelector(".overview");
      const latest = await text(page, ".overview .latest");
      assert.ok(latest.includes(IMG), `the latest events show the markup: ${latest.slice(0, 200)}`);
      await assertInert(visited, "overview");

      // The graph: the entity named with markup is a node; its card shows the name as text.
      await page.locator('.graph-svg .node[data-entity-id="sok"]').first().click();
      await page.waitForSelector('.entity-card[data-entity-id="sok"]');
      const name = await text(page, '.entity-card[data-entity-id="sok"] h2');
      assert.ok(name.includes(`${SCRIPT} ${IMG} ${RLO}Sok javascript:alert(1)`), `entity name shown literally: ${name}`);
      const label = await page.locator('.graph-svg [data-entity-id="sok"]').first().getAttribute("aria-label");
      assert.ok(label.startsWith(`${SCRIPT} ${IMG}`), `the node is named literally: ${label}`);
      await assertInert(visited, "entity card of the markup name");

      // A speaker's card: the quote carries markup and a javascript: address as text.
      await page.locator('.graph-svg .node[data-entity-id="khieu-sopheak"]').first().click();
      await page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]');
      const card = await text(page, '.entity-card[data-entity-id="khieu-sopheak"]');
      assert.ok(card.includes(`We received ${SCRIPT} and a link to javascript:alert(1)`), "the quote is shown literally");
      assert.ok(card.includes(`${SCRIPT} Tribune ${IMG} ${RLO}javascript:alert(1)`), "the evidence names the outlet literally");
      assert.ok(await drawnLeftToRight(page, ".entity-card .evidence figcaption", "2017-03-08"), "the outlet's override stops at the outlet");
      await assertInert(visited, "entity card of a speaker");

      // The 5,000-character name: its card at full length.
      const long = `Q${"u".repeat(4999)}`;
      await page.locator('.graph-svg .node[data-entity-id^="quuuu"]').first().click();
      await page.waitForSelector('.entity-card[data-entity-id^="quuuu"] h2');
      assert.ok((await text(page, ".entity-card h2")).trim().startsWith(`${long} `), "the long name is shown whole");
      await assertInert(visited, "entity card of the 5,000-character name");

      // An event card from the timeline: the statement with markup, and the 5,000-character title.
      await page.goto(hostile.url);
      // The prerendered timeline is there before the app runs, and a key pressed then does nothing: wait for the app.
      await page.waitForSelector("html[data-ready]", { state: "attached" });
      // Marks of the same day overlap, so the mark is chosen as a keyboard reader does.
      await page.locator('.timeline-svg [data-event-id="ev-6"]').first().focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector('.event-card[data-event-id="ev-6"]');
      assert.ok((await text(page, ".event-card h2")).includes(IMG), "the event is shown literally");
      assert.ok((await text(page, ".event-card cite")).includes(`T${"x".repeat(4999)}`), "the long title is shown whole");
      await assertInert(visited, "event card");

      // The reader of the article whose url is javascript:, from its event's evidence.
      await page.goto(`${hostile.url}#event=ev-1`);
      await page.waitForSelector('.event-card[data-event-id="ev-1"]');
      assert.ok((await text(page, ".event-card")).includes("Original article: javascript:alert(document.domain)"));
      await page.click(".event-card .evidence button.link");
      await page.waitForSelector(".reader #target-sentence");
      assert.match(page.url(), new RegExp(`read=${LETTER}`));
      assert.ok((await text(page, ".reader h2")).includes(`${SCRIPT} Minister ${RLO}Khieu Sopheak`), "the headline is shown literally");
      const byline = await text(page, ".reader .byline");
      assert.ok(byline.includes("Original article: javascript:alert(document.domain)"), `the url is text: ${byline}`);
      assert.equal(await page.locator(".reader .byline a").count(), 0, "the url is no link");
      assert.ok(await drawnLeftToRight(page, ".reader .byline", "2017-03-08"), "the outlet's override stops at the outlet: the date");
      assert.ok(await drawnLeftToRight(page, ".reader .byline", "Original"), "the outlet's override stops at the outlet: the label");
      const body = await text(page, ".reader");
      assert.ok(body.includes(`a letter reading ${SCRIPT} and ${IMG} from`), "the text is shown literally");
      assert.ok(body.includes("b".repeat(5000)), "the 5,000-character run is shown whole");
      await assertInert(visited, "reader of the javascript: article");

      // The other article's reader: a 5,000-character headline.
      await page.goto(`${hostile.url}#read=${COURT}`);
      await page.waitForSelector(".reader");
      assert.ok((await text(page, ".reader h2")).trim() === `T${"x".repeat(4999)}`, "the long headline is shown whole");
      await assertInert(visited, "reader of the long headline");

      // A search for a hostile string: the hits show it as text.
      await page.goto(hostile.url);
      await page.waitForSelector("html[data-ready]", { state: "attached" });
      await page.fill("#search", "onerror");
      await page.waitForSelector(".results .hits li");
      const hits = await text(page, ".results .hits");
      assert.ok(hits.includes(IMG), `hits show the markup: ${hits.slice(0, 300)}`);
      await assertInert(visited, "search");
    } finally {
      await context.close();
    }
  });
}

/** The shipped corpus's first article and a byte offset inside one of its multi-byte characters. */
function insideACharacter() {
  const corpus = JSON.parse(readFileSync(join(ROOT, "corpus/corpus.json"), "utf8"));
  const article = corpus.articles[0];
  const bytes = Buffer.from(article.text, "utf8");
  const first = bytes.findIndex((b) => b >= 0x80);
  assert.ok(first > 0, "the article has a multi-byte character");
  return { article: article.id, length: bytes.length, inside: first + 1 };
}

test("hostile links show a notice and a working page", async () => {
  const { article, length, inside } = insideACharacter();
  const cases = [
    [`q=Sopheak${"+".repeat(100_000)}`, /first 200 characters/],
    ["x".repeat(100_000), /unknown parameter “x{40}…”/],
    ["entity=nobody-at-all", /entity “nobody-at-all”.*none by that id/],
    ["entity=ev-1", /entity “ev-1”/],
    ["event=ev-99999", /event “ev-99999”/],
    ["relation=rel-99999", /relation “rel-99999”/],
    ["read=no-such-article~0", /article “no-such-article”/],
    [`read=${article}~${length + 1000}`, new RegExp(`starts at ${length + 1000}`)],
    [`read=${article}~${inside}`, new RegExp(`starts at ${inside}`)],
  ];
  for (const [fragment, notice] of cases) {
    const step = fragment.slice(0, 60);
    const { page, context, errors } = await visit(`${shipped.url}#${fragment}`, 1280);
    try {
      await page.waitForSelector(".notices", { timeout: 5000 }).catch(() => assert.fail(`${step}: no notice`));
      assert.match(await text(page, ".notices"), notice, step);
      if (fragment.startsWith(`read=${article}`)) {
        await page.waitForSelector(".reader h2");
        assert.equal(await page.locator(".reader #target-sentence").count(), 0, `${step}: no sentence is marked`);
      }
      const marks = await page.locator(".timeline-svg [data-event-id], .timeline-svg .cluster").count();
      assert.ok(marks > 0, `${step}: the timeline shows events`);
      await page.locator('.graph-svg .node[data-entity-id="khieu-sopheak"]').first().click();
      await page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]', { timeout: 5000 });
      assert.match(page.url(), /entity=khieu-sopheak/, step);
      assert.deepEqual(errors, [], step);
    } finally {
      await context.close();
    }
  }
});
