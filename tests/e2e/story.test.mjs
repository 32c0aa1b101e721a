// A reader's first minute in real headless Chromium: the overview says what
// the corpus holds, every event is labelled, Next walks the whole timeline
// in date order with the URL following, and printing gives a dated list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, shownEvents, servedSite } from "./support.mjs";

const served = servedSite("/");

/** The first day a date value covers, comparable as text: 2017 → 2017-01-01. */
const startOf = (value) => (value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);

test("Next walks every dated event in date order and the URL follows", async () => {
  const { page, context, errors } = await open(served.browser, served.site.url);
  const dated = await page.$$eval(".timeline-svg .event[data-event-id], .timeline-svg .cluster", (items) => items.length);
  const total = (await shownEvents(page)).length;
  assert.ok(dated >= 1 && total >= 10, `${dated} marks, ${total} listed`);
  const walked = [];
  const next = page.getByRole("button", { name: /Next/ });
  while (await next.isEnabled()) {
    const before = page.url();
    await next.click();
    await page.waitForFunction((previous) => location.href !== previous && /event=/.test(location.hash), before);
    const id = decodeURIComponent(page.url().match(/event=([^&]+)/)[1]);
    assert.equal(await page.getAttribute(".event-card", "data-event-id"), id, "the card shows the event the URL names");
    assert.equal(await page.getAttribute(`.timeline-svg [data-event-id="${id}"]`, "aria-pressed"), "true", "the mark is selected");
    const value = (await page.getAttribute(`.timeline-svg [data-event-id="${id}"]`, "aria-label")).split(":")[0];
    walked.push({ id, start: startOf(value) });
  }
  assert.equal(walked.length, total, "every listed event is a step");
  assert.equal(new Set(walked.map((w) => w.id)).size, total, "no event twice");
  for (let i = 1; i < walked.length; i++) assert.ok(walked[i - 1].start <= walked[i].start, `${walked[i - 1].start} before ${walked[i].start}`);
  assert.match(await page.textContent(".story-position"), new RegExp(`^${total} / ${total}$`));
  // P steps back from the keyboard; Back in the served.browser returns to the previous step.
  await page.focus(".timeline-svg");
  await page.keyboard.press("p");
  await page.waitForFunction((id) => !location.hash.includes(`event=${id}&`) && !location.hash.endsWith(`event=${id}`), walked.at(-1).id);
  assert.match(page.url(), new RegExp(`event=${walked.at(-2).id}(&|$)`));
  await page.goBack();
  await page.waitForFunction((id) => location.hash.includes(`event=${id}`), walked.at(-1).id);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every seed event is labelled on the timeline at 1280 px, without overlaps", async () => {
  const { page, context } = await open(served.browser, served.site.url);
  const marks = await page.$$eval(".timeline-svg .event", (events) => events.length);
  const labels = await page.$$eval(".timeline-svg .event-label", (texts) =>
    texts.map((text) => {
      const box = text.getBBox();
      return { text: text.textContent, box: { x: box.x, y: box.y, w: box.width, h: box.height } };
    }),
  );
  assert.equal(labels.length, marks, "one label per event");
  assert.ok(labels.length >= 10);
  for (const label of labels) assert.ok(label.text.replace("…", "").length >= 12, `readable: “${label.text}”`);
  const boxes = labels.map((l) => l.box);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      assert.ok(!overlap, `“${labels[i].text}” and “${labels[j].text}” overlap`);
    }
  await context.close();
});

test("with nothing chosen, the panel gives an overview whose links open what they name", async () => {
  const { page, context } = await open(served.browser, served.site.url);
  const overview = await page.textContent(".overview");
  assert.match(overview, /2 articles from 2 outlets/);
  assert.match(overview, /2002 to 2018/);
  const first = page.locator(".overview [data-entity-id]").first();
  const id = await first.getAttribute("data-entity-id");
  await first.click();
  await page.waitForSelector(`.entity-card[data-entity-id="${id}"]`);
  assert.match(page.url(), new RegExp(`entity=${id}`));
  await context.close();
});

test("printing gives the view's events as a dated list with sources, not the drawings", async () => {
  const { page, context } = await open(served.browser, `${served.site.url}#articles=phnom-penh-post-2018-01-29-detainees-claim-extortion`);
  assert.equal(await page.isVisible(".print-only"), false, "hidden on screen");
  assert.equal(await page.locator(".print-only li").count(), 0, "on screen the list is not built");
  // The served.browser fires beforeprint before it lays the page out for paper, and afterprint when done.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".print-only"), true);
  assert.equal(await page.isVisible(".timeline-svg"), false);
  assert.equal(await page.isVisible(".graph-svg"), false);
  const items = await page.$$eval(".print-only li", (lis) => lis.map((li) => li.textContent));
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.waitForFunction(() => document.querySelectorAll(".print-only li").length === 0);
  const shown = (await shownEvents(page)).length;
  assert.equal(items.length, shown);
  for (const item of items) {
    assert.match(item, /^\d{4}(-\d\d){0,2} /, "each line starts with its date");
    assert.match(item, /Phnom Penh Post/, "and names its source");
  }
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000);
  await context.close();
});
