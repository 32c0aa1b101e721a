// The built site in real headless Chromium: shareable links restore the same
// view, history works, bad links show a notice, nothing leaves the origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, open, shownEvents, servedSite, unfold } from "./support.mjs";

const served = servedSite("/explorer/");

test("a link to a selected entity opens the same view in a fresh browser", async () => {
  const first = await open(served.browser, served.site.url);
  const allEvents = await shownEvents(first.page);
  assert.ok(allEvents.length >= 10, `events shown: ${allEvents.length}`);
  await first.page.click('.graph-svg .node[data-entity-id="khieu-sopheak"]');
  await first.page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]');
  const link = first.page.url();
  assert.match(link, /entity=khieu-sopheak/);
  const selectedEvents = await shownEvents(first.page);
  assert.ok(selectedEvents.length > 0 && selectedEvents.length < allEvents.length, "the timeline narrows to the entity");
  await first.context.close();

  const fresh = await launch();
  try {
    const second = await open(fresh, link);
    await second.page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]');
    assert.equal(await second.page.getAttribute('.graph-svg [data-entity-id="khieu-sopheak"]', "aria-pressed"), "true");
    await unfold(second.page, "Entities and relations as tables");
    assert.equal(await second.page.getAttribute('tr[data-entity-id="khieu-sopheak"]', "aria-selected"), "true");
    assert.deepEqual(await shownEvents(second.page), selectedEvents);
    const foreign = [...first.requests, ...second.requests].filter((url) => !url.startsWith(served.site.origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
    assert.deepEqual(foreign, [], "no request leaves the page's origin");
    assert.deepEqual(second.errors, []);
  } finally {
    await fresh.close();
  }
});

test("back and forward step through selections; filters combine", async () => {
  const { page, context } = await open(served.browser, served.site.url);
  await page.click('.graph-svg .node[data-entity-id="bill-herod"]');
  await page.waitForSelector('.entity-card[data-entity-id="bill-herod"]');
  await page.click('.graph-svg .node[data-entity-id="cormac-carney"]');
  await page.waitForSelector('.entity-card[data-entity-id="cormac-carney"]');
  await page.goBack();
  await page.waitForSelector('.entity-card[data-entity-id="bill-herod"]');
  await page.goForward();
  await page.waitForSelector('.entity-card[data-entity-id="cormac-carney"]');
  await page.click('.panel .close');
  await page.check(".facets input[type=checkbox] >> nth=0");
  await page.fill("#search", "Sopheak");
  await page.waitForSelector(".results .hits li");
  assert.match(page.url(), /kinds=person/);
  // Typing writes the address once per animation frame, not at once.
  await page.waitForURL(/q=Sopheak/);
  await context.close();
});

test("typing shows results at once and the views once typing pauses; a link with a query shows it everywhere at once", async () => {
  const { page, context } = await open(served.browser, served.site.url);
  const count = () => page.textContent(".timeline h2 .count");
  const all = await count();
  await page.fill("#search", "Sopheak");
  // The results show at once; the views lag behind the query, and say so, until typing has paused.
  const atOnce = await page.evaluate(() => ({
    hits: document.querySelectorAll(".results .hits li").length,
    busy: document.querySelector("main").getAttribute("aria-busy"),
    count: document.querySelector(".timeline h2 .count").textContent,
  }));
  assert.ok(atOnce.hits > 0);
  assert.deepEqual([atOnce.busy, atOnce.count], ["true", all]);
  await page.waitForSelector("main:not([aria-busy])");
  const searched = await count();
  assert.notEqual(searched, all, "the timeline follows the query");
  await page.waitForURL(/q=Sopheak/);
  const link = page.url();
  await context.close();

  const shared = await open(served.browser, link);
  assert.equal(await shared.page.getAttribute("main", "aria-busy"), null);
  assert.equal(await shared.page.textContent(".timeline h2 .count"), searched);
  await shared.context.close();
});

test("an evidence link opens the reader at its sentence", async () => {
  const { page, context } = await open(served.browser, `${served.site.url}#event=ev-6&panel=event`);
  await page.waitForSelector(".event-card");
  await page.click(".event-card .evidence button.link");
  await page.waitForSelector(".reader #target-sentence");
  const target = await page.textContent(".reader #target-sentence");
  assert.match(target, /memorandum of understanding/);
  assert.match(page.url(), /read=/);
  assert.doesNotMatch(page.url(), /event=/, "one thing is open at a time");
  await context.close();
});

test("deselecting an entity closes what it opened and leaves no read= in the link", async () => {
  const { page, context } = await open(served.browser, `${served.site.url}#entity=khieu-sopheak`);
  await page.waitForSelector(".entity-card .evidence button.link");
  await page.click(".entity-card .evidence button.link");
  await page.waitForSelector(".reader #target-sentence");
  assert.match(page.url(), /read=/);
  const node = '.graph-svg .node[data-entity-id="khieu-sopheak"]';
  await page.click(node);
  await page.waitForSelector('.entity-card[data-entity-id="khieu-sopheak"]');
  assert.doesNotMatch(page.url(), /read=/);
  await page.click(node);
  await page.waitForFunction(() => !location.hash.includes("entity="));
  assert.doesNotMatch(page.url(), /read=|entity=/);
  assert.equal(await page.$(".reader"), null);
  await context.close();
});

test("unknown or invalid parameters show a notice, never a blank page", async () => {
  const { page, context, errors } = await open(served.browser, `${served.site.url}#entity=nobody-at-all&zoom=3&from=2017-99-01&v=0000`);
  const notice = await page.textContent(".notices");
  assert.match(notice, /zoom/);
  assert.match(notice, /from/);
  assert.match(notice, /another version of the corpus/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The timeline window in the URL, as [first day, last day] strings. */
const windowOf = (url) => decodeURIComponent(new URL(url).hash).match(/view=([0-9-]+)\.\.([0-9-]+)/)?.slice(1);
const span = ([a, b]) => (Date.parse(b) - Date.parse(a)) / 86400000;

test("the timeline expands clusters, zooms with keys and pinch, pans and brushes a range", async () => {
  // Lanes by entity kind: more lanes share the rows, so crowded years cluster.
  const { page, context } = await open(served.browser, `${served.site.url}#lanes=kind`);
  await page.click(".timeline .cluster");
  await page.waitForFunction(() => location.hash.includes("view="));
  const clustered = windowOf(page.url());

  await page.focus(".timeline-svg");
  await page.keyboard.press("+");
  await page.waitForFunction((before) => !location.hash.includes(before), `view=${clustered.join("..")}`);
  const zoomed = windowOf(page.url());
  assert.ok(span(zoomed) < span(clustered), `+ zooms in: ${zoomed} within ${clustered}`);

  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((before) => !location.hash.includes(before), `view=${zoomed.join("..")}`);
  const panned = windowOf(page.url());
  assert.ok(Date.parse(panned[0]) > Date.parse(zoomed[0]) && Math.abs(span(panned) - span(zoomed)) <= 1, `arrow pans: ${panned}`);

  // Pinch: two touch pointers moving apart zoom in around their midpoint.
  await page.evaluate(() => {
    const svg = document.querySelector(".timeline-svg");
    const box = svg.getBoundingClientRect();
    const y = box.top + box.height - 20;
    const fire = (type, pointerId, x) => svg.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId, pointerType: "touch", clientX: x, clientY: y, isPrimary: pointerId === 1 }));
    fire("pointerdown", 1, box.left + 300);
    fire("pointerdown", 2, box.left + 400);
    fire("pointermove", 2, box.left + 500);
    fire("pointerup", 1, box.left + 300);
    fire("pointerup", 2, box.left + 500);
  });
  await page.waitForFunction((before) => !location.hash.includes(before), `view=${panned.join("..")}`);
  const pinched = windowOf(page.url());
  assert.ok(span(pinched) < span(panned) * 0.7, `pinch zooms in: ${pinched} from ${panned}`);

  const box = await page.locator(".timeline-svg").boundingBox();
  await page.mouse.move(box.x + 40, box.y + 34);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 40, box.y + 34, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash.includes("from=") && location.hash.includes("to="));
  await context.close();
});

test("zooming the graph moves the drawn picture at once and draws it afresh once the wheel rests", async () => {
  const { page, context } = await open(served.browser, served.site.url);
  const graph = page.locator(".graph-svg");
  const drawn = () => graph.evaluate((svg) => ({ viewBox: svg.getAttribute("viewBox"), style: svg.getAttribute("style"), radius: svg.querySelector(".node").getBBox().width }));
  const before = await drawn();
  await graph.scrollIntoViewIfNeeded();
  const box = await graph.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Every state the picture passes through, however fast the gesture settles on a busy machine.
  await graph.evaluate((svg) => {
    window.pictureStates = [];
    const record = () => window.pictureStates.push({ viewBox: svg.getAttribute("viewBox"), style: svg.getAttribute("style") ?? "" });
    new MutationObserver(record).observe(svg, { attributes: true, attributeFilter: ["style", "viewBox"] });
  });
  await page.mouse.wheel(0, -120);
  await page.waitForFunction(() => window.pictureStates.some((state) => state.style.includes("scale")));
  const moving = await page.evaluate(() => window.pictureStates.find((state) => state.style.includes("scale")));
  assert.equal(moving.viewBox, before.viewBox, "not drawn again during the gesture");
  assert.match(moving.style, /transform: translate\(.*\) scale\(1\.25\)/, "the picture is moved: scaled by the wheel's step");
  await page.waitForFunction(() => window.pictureStates.at(-1).style === "" && window.pictureStates.some((state) => state.style.includes("scale")));
  const settled = await drawn();
  assert.notEqual(settled.viewBox, before.viewBox, "drawn afresh at the new view");
  assert.ok(Math.abs(settled.radius * 1.25 - before.radius) < before.radius * 0.02, "nodes keep their size on screen: smaller in layout units");
  await context.close();
});

/** The graph's edges as drawn (its paths' segments and its lines): their ends in layout units, and their ends and middles on screen. */
function drawnEdges(page) {
  return page.locator(".graph-svg").evaluate((svg) => {
    const matrix = svg.getScreenCTM();
    const onScreen = (x, y) => {
      const point = new DOMPoint(x, y).matrixTransform(matrix);
      return [point.x, point.y];
    };
    const ends = [];
    for (const path of svg.querySelectorAll(".edges path.edge")) {
      const numbers = path.getAttribute("d").match(/-?[\d.]+(e-?\d+)?/g).map(Number);
      for (let i = 0; i + 3 < numbers.length; i += 4) ends.push(numbers.slice(i, i + 4));
    }
    for (const line of svg.querySelectorAll(".edges line.edge")) ends.push(["x1", "y1", "x2", "y2"].map((name) => Number(line.getAttribute(name))));
    return ends.map(([x1, y1, x2, y2]) => ({ ends: [x1, y1, x2, y2], from: onScreen(x1, y1), to: onScreen(x2, y2), middle: onScreen((x1 + x2) / 2, (y1 + y2) / 2) }));
  });
}

/** The distance in pixels from `point` to the segment from `from` to `to`. */
function distance([x, y], [x1, y1], [x2, y2]) {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const along = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (x1 + along * dx), y - (y1 + along * dy));
}

/** An edge whose middle lies on the graph's background (no node or label over it), 10 pixels or more from every other edge. */
async function edgeInTheClear(page) {
  const edges = await drawnEdges(page);
  for (const [i, edge] of edges.entries()) {
    const apart = edges.every((other, j) => i === j || distance(edge.middle, other.from, other.to) >= 10);
    if (apart && (await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.matches(".graph-svg"), edge.middle))) return edge;
  }
  throw new Error(`none of the ${edges.length} edges lies in the clear`);
}

test("the pointer names the edge it is over, a click opens its relation, a drag from it pans, and a click on a node selects the node", async () => {
  const { page, context, errors } = await open(served.browser, served.site.url);
  await page.locator(".graph-svg").scrollIntoViewIfNeeded();
  const edges = await drawnEdges(page);
  assert.ok(edges.length >= 20, `${edges.length} edges drawn`);
  assert.equal(await page.locator(".graph-svg .edges [role=button]").count(), 0, "with nothing chosen no edge is an element of its own");
  const edge = await edgeInTheClear(page);
  const named = () => page.locator(".graph-svg .edge.named").evaluate((line) => ["x1", "y1", "x2", "y2"].map((name) => Number(line.getAttribute(name))));

  // Hovering the edge, or 3 pixels beside it, highlights and names it; far from every edge nothing is named.
  await page.mouse.move(edge.middle[0], edge.middle[1] + 3);
  await page.waitForSelector(".graph-svg .edge.named");
  assert.deepEqual(await named(), edge.ends);
  assert.match(await page.getAttribute(".graph-svg", "class"), /on-edge/, "the pointer shows the edge can be clicked");
  assert.match(await page.textContent(".graph-svg .edge-name text"), /\w/);
  const box = await page.locator(".graph-svg").boundingBox();
  const corner = [box.x + 3, box.y + 3];
  assert.ok(edges.every((other) => distance(corner, other.from, other.to) > 15), "the corner is far from every edge");
  await page.mouse.move(...corner);
  await page.waitForSelector(".graph-svg .edge-name", { state: "detached" });
  assert.equal(await page.locator(".graph-svg .edge.named").count(), 0);

  // A drag that starts on the edge pans the graph and chooses nothing.
  await page.mouse.move(...edge.middle);
  await page.mouse.down();
  await page.mouse.move(edge.middle[0] + 80, edge.middle[1] + 30, { steps: 8 });
  await page.mouse.up();
  await page.waitForURL(/graph=/);
  assert.doesNotMatch(page.url(), /relation=/);
  assert.equal(await page.locator(".relation-card").count(), 0);

  // A click on the edge (where the drag left it) opens its relation, whose card names the same two entities.
  await page.waitForFunction(() => !document.querySelector(".graph-svg").getAttribute("style")?.includes("translate"));
  const moved = await edgeInTheClear(page);
  await page.mouse.move(...moved.middle);
  await page.waitForSelector(".graph-svg .edge-name");
  assert.deepEqual(await named(), moved.ends);
  const name = await page.textContent(".graph-svg .edge-name text");
  await page.mouse.click(...moved.middle);
  await page.waitForSelector(".relation-card");
  assert.match(page.url(), /relation=rel-/);
  const [source, target] = await page.locator(".relation-card h2 button").allInnerTexts();
  assert.ok(name.includes(source) && name.includes(target), `the card's ${source} and ${target}, the edge's ${name}`);
  assert.ok(await page.locator(".graph-svg .edges line.edge.selected[aria-pressed=true]").count(), "the chosen relation is an element of its own");

  // A node sits where its edges meet: a click on it selects the entity, not an edge.
  const node = page.locator(".graph-svg .node").first();
  const id = await node.getAttribute("data-entity-id");
  await node.click();
  await page.waitForSelector(`.entity-card[data-entity-id="${id}"]`);
  assert.doesNotMatch(page.url(), /relation=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phones get one column from 360 px, exports download", async () => {
  const { page, context } = await open(served.browser, served.site.url, { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 360px`);
  await page.click(".menu summary");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="events.csv"]')]);
  assert.equal(download.suggestedFilename(), "events.csv");
  await context.close();
});

test("Copy link copies the view's link, or shows it to copy by hand where there is no clipboard", async () => {
  const context = await served.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${served.site.url}#entity=preap-kol&panel=entity`);
  await page.waitForSelector(".entity-card");
  await page.click("text=Copy link");
  await page.waitForSelector("text=Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());

  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await page.click(".header .actions button >> nth=0");
  const manual = await page.inputValue(".manual-copy input");
  assert.equal(manual, page.url());
  await context.close();
});
