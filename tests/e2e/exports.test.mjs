// Each export opened by the tool a newsroom reads it with, taken the way a
// reader gets it (Export menu, download): the timeline in TimelineJS3 served
// from loopback, the graph in graphology's GEXF and GraphML parsers and in
// Chromium's strict XML parser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, serve, shownEvents, siteAndBrowser } from "./support.mjs";

const NODE_TOOLS = process.env.NODE_TOOLS ?? join(process.cwd(), "node_modules");
const require = createRequire(`${NODE_TOOLS}/`);
const Graph = require("graphology");
const gexf = require("graphology-gexf");
const graphml = require("graphology-graphml");

// A page that loads TimelineJS3 from the same loopback server, as a newsroom page would from its own host.
const TIMELINE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The exported timeline in TimelineJS3</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script></head>
<body><div id="timeline" style="height: 600px"></div></body>
</html>
`;

let site;
let browser;
let stop;
let readerDir;
let reader;
before(async () => {
  ({ site, browser, stop } = await siteAndBrowser("/explorer/"));
  readerDir = await mkdtemp(join(tmpdir(), "timelinejs-"));
  await writeFile(join(readerDir, "index.html"), TIMELINE_PAGE);
  await symlink(join(NODE_TOOLS, "@knight-lab/timelinejs/dist"), join(readerDir, "timelinejs"));
  reader = await serve(readerDir);
});
after(async () => {
  await reader?.close();
  await stop?.();
  if (readerDir) await rm(readerDir, { recursive: true });
});

/** The export `file` as the Export menu downloads it. */
async function exported(page, file) {
  if (!(await page.$eval(".menu", (menu) => menu.open))) await page.click(".menu summary");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${file}"]`)]);
  assert.equal(download.suggestedFilename(), file);
  return readFile(await download.path(), "utf8");
}

/** The entity and relation counts the app shows above its graph tables: "(29 · 58)". */
async function shownGraphCounts(page) {
  const summary = await page.textContent("details.alternative summary >> text=/\\(\\d+ · \\d+\\)/");
  const [, entities, relations] = summary.match(/\((\d+) · (\d+)\)/).map(Number);
  return { entities, relations };
}

/** What Chromium's strict XML parser makes of `text`: the first error, and how many nodes and edges. */
async function parseInBrowser(page, text) {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const error = doc.querySelector("parsererror");
    return { error: error?.textContent ?? null, nodes: doc.getElementsByTagName("node").length, edges: doc.getElementsByTagName("edge").length };
  }, text);
}

/** The TimelineJS3 page, recording every request and page error. */
async function openTimelinePage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(reader.url);
  return { page, context, requests, errors };
}

test("TimelineJS3 shows a slide for every event exported, requesting nothing beyond 127.0.0.1", async () => {
  const app = await open(browser, site.url);
  const events = await shownEvents(app.page);
  const timeline = JSON.parse(await exported(app.page, "timeline.json"));
  // Every seed event is dated, so every event the app lists is a slide.
  assert.equal(timeline.events.length, events.length);
  assert.equal(events.length, 20);
  await app.context.close();

  const { page, context, requests, errors } = await openTimelinePage();
  // Self-hosted as a newsroom without third parties would: TimelineJS's own
  // files from the page's host, no web fonts (its defaults are its CDN and
  // Google Fonts). Any request left would then come from the export.
  await page.evaluate((data) => new TL.Timeline("timeline", data, { script_path: new URL("timelinejs/js/", location.href).href, font: null }), timeline);
  await page.waitForSelector(".tl-slide-titleslide");
  const slides = await page.$$eval(".tl-slide:not(.tl-slide-titleslide)", (found) => found.map((slide) => slide.id));
  assert.equal(slides.length, timeline.events.length);
  assert.deepEqual(slides.toSorted(), timeline.events.map((event) => event.unique_id).toSorted());
  const links = await page.$$eval(".tl-slide a[href]", (found) => found.map((a) => a.getAttribute("href")));
  assert.ok(links.length > 0 && links.every((href) => /^https?:\/\//.test(href)), `article links: ${links}`);
  const foreign = requests.filter((url) => !url.startsWith(`${reader.origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
  assert.deepEqual(foreign, [], "no request leaves 127.0.0.1");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [file, parse] of [["relations.gexf", gexf.parse], ["relations.graphml", graphml.parse]]) {
  for (const filters of ["", "#kinds=person"]) {
    test(`${file} ${filters ? "of people only" : "of the whole graph"} opens in graphology with the nodes and edges the app shows`, async () => {
      const { page, context, errors } = await open(browser, `${site.url}${filters}`);
      const shown = await shownGraphCounts(page);
      const text = await exported(page, file);
      const strict = await parseInBrowser(page, text);
      assert.equal(strict.error, null, "well-formed XML");
      assert.deepEqual({ entities: strict.nodes, relations: strict.edges }, shown);
      const graph = parse(Graph, text);
      assert.deepEqual({ entities: graph.order, relations: graph.size }, shown);
      if (filters) {
        assert.ok(shown.entities < 29, `people only: ${shown.entities}`);
        graph.forEachNode((_, node) => assert.equal(node.kind, "person"));
      } else {
        assert.deepEqual(shown, { entities: 29, relations: 58 }, "the seed corpus");
      }
      graph.forEachNode((id, node) => {
        assert.ok(node.label && Number.isFinite(node.x) && Number.isFinite(node.y) && node.mentions >= 1, `node ${id}: ${JSON.stringify(node)}`);
      });
      graph.forEachEdge((id, edge) => {
        assert.ok(edge.kind && edge.weight >= 1 && edge.evidence.length > 0, `edge ${id}: ${JSON.stringify(edge)}`);
      });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
