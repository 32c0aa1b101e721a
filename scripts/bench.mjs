// Measures built sites of the explorer in headless Chromium and writes
// BENCHMARKS.md: transfer sizes, first timeline paint, long tasks and memory
// during load, and the latency of six interactions, each against its budget.
//
//   node scripts/bench.mjs --shell DIR --out FILE --commit SHA [--about TEXT] NAME=DIR,CORPUS...
//
// NAME is `bbc` or `generated` (it picks the budgets), DIR the site built
// around the corpus file CORPUS; --shell is a site built around an empty
// corpus, whose wasm, JS and CSS are the shell; --about says how the
// generated corpus was made. Sites are
// served by the end-to-end tests' static server; Chromium is Debian's,
// driven by playwright-core ($PLAYWRIGHT_CORE). Definitions are in DEFINITIONS below.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { serve, launch } from "../tests/e2e/support.mjs";

const VIEWPORT = { width: 1280, height: 900 };
const LOADS = 3;
const REPETITIONS = 20;
/** How long the page is left alone after the app runs before load is over. */
const SETTLE_MS = 1000;
const MiB = 1024 * 1024;
const KiB = 1024;

/** The issue's budgets; the generated corpus gets 2 s to first paint and twice every interaction's. */
const INTERACTION_BUDGETS = { search: 30, select: 50, facet: 50, brush: 50, pan: 16, zoom: 16 };
/** The interactions whose budget is main-thread work (the issue's words), not input to frame. */
const WORK_BUDGETED = new Set(["pan", "zoom"]);
const BUDGETS = {
  bbc: { firstPaint: 1000, longestTask: 200, memory: 40 * MiB, interactions: INTERACTION_BUDGETS },
  generated: {
    firstPaint: 2000,
    longestTask: 200,
    memory: 40 * MiB,
    interactions: Object.fromEntries(Object.entries(INTERACTION_BUDGETS).map(([k, v]) => [k, 2 * v])),
  },
};
const SHELL_GZIP_BUDGET = 170 * KiB;
/** The issue's hard limit, which `tests/e2e/size.test.mjs` also enforces. */
const SHELL_GZIP_HARD_LIMIT = 200 * KiB;

// ---- In the page ---------------------------------------------------------

/** Installed before any script of the page runs (see DEFINITIONS). */
function probe() {
  const CLOCK_MARK = "bench-clock";
  const MARKS = ".timeline-svg .event, .timeline-svg .cluster";
  /** The next frame: when its animation-frame callbacks ran (`begin`), and when it had been painted (`end`). */
  const nextFrame = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const begin = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done({ begin, end: performance.now() });
        channel.port2.postMessage(null);
      }),
    );
  const afterNextFrame = async () => (await nextFrame()).end;
  /** Frames the page keeps watching for DOM changes after the address is written. */
  const FRAMES_AFTER_ADDRESS = 2;
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
    type: "longtask",
    buffered: true,
  });
  const firstPaint = new Promise((done) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(MARKS)) return;
      observer.disconnect();
      afterNextFrame().then(done);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  // The app marks <html> data-ready once it runs: the prerendered page paints before that.
  const appReady = new Promise((done) => {
    const check = () => document.documentElement?.hasAttribute("data-ready") && (observer.disconnect(), afterNextFrame().then(done));
    const observer = new MutationObserver(check);
    observer.observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
  });
  // Each timed repetition's span in page time, for the main-thread work inside it (see mainThreadWork).
  const spans = [];
  let wasmMemory = null;
  addEventListener("TrunkApplicationStarted", (e) => (wasmMemory = e.detail.wasm.memory));
  let measured = null;
  let settled = null;
  window.__bench = {
    firstPaint: () => firstPaint,
    appReady: () => appReady,
    longTasks: () => longTasks,
    wasmBytes: () => wasmMemory?.buffer.byteLength ?? null,
    settle: afterNextFrame,
    /**
     * Times the next `type` event, from its time stamp: to the end of the
     * first frame painted after the last DOM change it caused (`screen`),
     * and to the end of the first frame painted once the app has written its
     * new state to the address (`address`), which it does when its work for
     * the event is done.
     */
    arm(type) {
      let settle;
      settled = new Promise((resolve, reject) => (settle = { resolve, reject }));
      measured = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} event arrived`)), 30000);
        const listener = async (event) => {
          clearTimeout(timer);
          const [start, before] = [event.timeStamp, location.hash];
          let lastChange = null;
          const changes = new MutationObserver(() => (lastChange = performance.now()));
          changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          const busy = () => document.querySelector("[aria-busy=true]");
          const frames = [];
          let address, busyAtAddress;
          for (;;) {
            const frame = await nextFrame();
            frames.push(frame);
            if (location.hash !== before) {
              [address, busyAtAddress] = [frame.end, busy()];
              break;
            }
            if (frame.end - start > 30000) return reject(new Error(`the address did not change within 30 s of the ${type} event`));
          }
          // Changes made in the frames right after the address count too: Yew runs effects in later tasks.
          for (let i = 0; i < FRAMES_AFTER_ADDRESS; i++) frames.push(await nextFrame());
          changes.disconnect();
          let screen = address;
          if (lastChange !== null) {
            // A change made inside a frame's callbacks after ours shows in that frame, but is credited to the next one:
            // so the screen end is never put before the change, and never after the address's frame for changes before it.
            const shown = frames.find((f) => f.begin > lastChange) ?? (await nextFrame());
            screen = lastChange <= address ? Math.min(shown.end, address) : shown.end;
          }
          spans.push({ start, end: screen });
          resolve({ screen: screen - start, address: address - start });
          if (!busyAtAddress) return settle.resolve(address - start);
          // Then until no part of the page is busy catching up (the views following a query).
          for (;;) {
            const end = await afterNextFrame();
            if (!busy()) return settle.resolve(end - start);
            if (end - start > 30000) return settle.reject(new Error(`the page was still busy 30 s after the ${type} event`));
          }
        };
        addEventListener(type, listener, { capture: true, once: true });
      });
    },
    measured: () => measured,
    settled: () => settled,
    /** The spans timed since the last call. */
    takeSpans: () => spans.splice(0),
    /** A user-timing mark, which the trace records too: it ties page time to trace time. */
    clockMark: () => performance.mark(CLOCK_MARK).startTime,
  };
}

// ---- Loading -------------------------------------------------------------

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(url, { waitUntil: "commit", timeout: 120000 });
  const firstPaint = await page.evaluate(() => window.__bench.firstPaint());
  const ready = await page.evaluate(() => window.__bench.appReady());
  await page.waitForTimeout(SETTLE_MS);
  const longTasks = await page.evaluate(() => window.__bench.longTasks());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const wasmBytes = await page.evaluate(() => window.__bench.wasmBytes());
  if (errors.length) throw new Error(`page errors while loading ${url}: ${errors.join("; ")}`);
  return {
    page,
    context,
    requested,
    firstPaint,
    ready,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks.map((t) => t.duration)),
    jsHeap: metrics.JSHeapUsedSize,
    wasmBytes,
    domNodes: metrics.Nodes,
  };
}

// ---- Interactions --------------------------------------------------------

/**
 * Runs `act(i)` `count` times, each after an untimed `prepare(i)`, timing its `anchor` event each time: to the
 * change on screen, to the address written, and to the page no longer busy, which each repetition waits for
 * before the next.
 */
async function timed(page, anchor, act, { count = REPETITIONS, prepare = async () => {} } = {}) {
  const latencies = [];
  const [address, settled] = [[], []];
  for (let i = 0; i < count; i++) {
    await prepare(i);
    await page.evaluate((type) => window.__bench.arm(type), anchor);
    await act(i);
    const measured = await page.evaluate(() => window.__bench.measured());
    latencies.push(measured.screen);
    address.push(measured.address);
    settled.push(await page.evaluate(() => window.__bench.settled()));
    await page.evaluate(() => window.__bench.settle());
  }
  return Object.assign(latencies, { address, settled });
}

/** Back to the opening view through the address, as a pasted link would. */
async function reset(page) {
  await page.evaluate(() => (location.hash = ""));
  await page.evaluate(() => window.__bench.settle());
}

const INTERACTIONS = [
  {
    name: "search",
    what:
      "a keystroke in the search box (24 keystrokes typing four words, the box cleared between words), timed to its results. " +
      "**search, views settled**: the same keystrokes timed to the first frame in which nothing is `aria-busy`: the facets, timeline, graph and panel " +
      "follow the query once typing pauses for 300 ms (`TYPING_PAUSE_MS` in `app::root`), so this includes that pause; each keystroke waits for it before the next",
    anchor: "input",
    async run(page) {
      const box = page.getByRole("searchbox", { name: "Search sentences and names" });
      const keys = ["blair", "minister", "london", "court"].flatMap((word) => [...word].map((key, i) => ({ key, first: i === 0 })));
      const samples = await timed(page, "input", (i) => page.keyboard.type(keys[i].key), {
        count: keys.length,
        prepare: async (i) => {
          if (!keys[i].first) return;
          await box.fill("");
          await box.focus();
        },
      });
      await reset(page);
      return { search: samples, "search, views settled": samples.settled };
    },
  },
  {
    name: "select",
    what: "choosing an entity: a click on a graph node, in turn the most mentioned to the fifth most mentioned of the nodes drawn and not selected",
    anchor: "click",
    async run(page) {
      const graph = page.getByRole("group", { name: "Relations" });
      const nodes = graph.getByRole("button", { name: /\((person|organization|place|other)\), \d+ mentions$/ });
      const samples = await timed(page, "click", async (i) => {
        // The drawn nodes change with the selection, so the choice is made afresh each time.
        const drawn = await nodes.evaluateAll((all) =>
          all.map((node, index) => ({ index, pressed: node.getAttribute("aria-pressed") === "true", mentions: Number(node.getAttribute("aria-label").match(/(\d+) mentions$/)[1]) })),
        );
        const choices = drawn.filter((n) => !n.pressed).sort((a, b) => b.mentions - a.mentions || a.index - b.index);
        await nodes.nth(choices[i % 5].index).click();
      });
      await reset(page);
      return samples;
    },
  },
  {
    name: "facet",
    what: "toggling an entity-kind checkbox (each kind on, then off)",
    anchor: "change",
    async run(page) {
      const kinds = page.getByRole("group", { name: "Entity kinds" }).getByRole("checkbox");
      const samples = await timed(page, "change", (i) => kinds.nth(Math.floor(i / 2) % 4).click());
      await reset(page);
      return samples;
    },
  },
  {
    name: "brush",
    what: "brushing a date range: a drag along the strip under the timeline's axis, timed at the release",
    anchor: "pointerup",
    async run(page) {
      // The strip has no role: it is a pointer-only shortcut for the date inputs.
      const stripLocator = page.getByRole("group", { name: "Timeline" }).locator(".brush-strip");
      await stripLocator.scrollIntoViewIfNeeded();
      const strip = await stripLocator.boundingBox();
      const y = strip.y + strip.height / 2;
      const samples = await timed(page, "pointerup", async (i) => {
        const from = strip.x + strip.width * (0.1 + 0.02 * i);
        await page.mouse.move(from, y);
        await page.mouse.down();
        await page.mouse.move(from + strip.width * 0.3, y, { steps: 3 });
        await page.mouse.up();
      });
      await reset(page);
      return samples;
    },
  },
  {
    name: "pan",
    what: "panning the timeline with the arrow keys (right and left in turn)",
    anchor: "keydown",
    async run(page) {
      await page.getByRole("group", { name: "Timeline" }).focus();
      const samples = await timed(page, "keydown", (i) => page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight"));
      await reset(page);
      return samples;
    },
  },
  {
    name: "zoom",
    what: "zooming the graph with the mouse wheel over its centre (in and out in turn)",
    anchor: "wheel",
    async run(page) {
      const graph = page.getByRole("group", { name: "Relations" });
      await graph.scrollIntoViewIfNeeded();
      const box = await graph.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const samples = await timed(page, "wheel", (i) => page.mouse.wheel(0, i % 2 ? 120 : -120));
      await reset(page);
      return samples;
    },
  },
];

// ---- Main-thread work ----------------------------------------------------

/** Light trace categories: top-level tasks and user-timing marks, so tracing barely slows what it times. */
const TRACE_CATEGORIES = ["toplevel", "blink.user_timing"];
const TASK_EVENTS = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

/**
 * The main-thread work in each span: the CPU time the page's main thread
 * spent in tasks (the trace's top-level task events on the thread that made
 * the clock mark, their thread time `tdur`), the part of each task inside the
 * span. Thread time, not wall time, so that other processes on a shared
 * machine do not count. `clock` is the mark's page time, which ties page
 * time to trace time.
 */
function mainThreadWork(trace, clock, spans) {
  const parsed = JSON.parse(trace);
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = events.find((e) => e.name === "bench-clock");
  if (!mark) throw new Error("the trace holds no bench-clock mark, so page time cannot be tied to trace time");
  const offset = mark.ts - clock * 1000;
  const tasks = events.filter((e) => e.ph === "X" && TASK_EVENTS.has(e.name) && e.pid === mark.pid && e.tid === mark.tid && e.dur > 0);
  if (!tasks.length) throw new Error("the trace holds no task of the page's main thread");
  if (tasks.some((t) => t.tdur === undefined)) throw new Error("the trace's tasks carry no thread time (tdur)");
  return spans.map(({ start, end }) => {
    const [from, to] = [start * 1000 + offset, end * 1000 + offset];
    const inside = tasks.reduce((sum, t) => sum + (t.tdur * Math.max(0, Math.min(to, t.ts + t.dur) - Math.max(from, t.ts))) / t.dur, 0);
    return inside / 1000;
  });
}

/**
 * Runs one interaction under a trace: its measures (latencies by name; the
 * interaction's own and, for search, the settled views) and the main-thread
 * work of each repetition up to its first frame.
 */
async function traced(browser, page, interaction) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const clock = await page.evaluate(() => (window.__bench.takeSpans(), window.__bench.clockMark()));
  const run = await interaction.run(page);
  const measures = Array.isArray(run) ? { [interaction.name]: run } : run;
  const spans = await page.evaluate(() => window.__bench.takeSpans());
  const work = mainThreadWork((await browser.stopTracing()).toString("utf8"), clock, spans);
  const repetitions = measures[interaction.name].length;
  if (work.length !== repetitions) throw new Error(`${interaction.name}: ${repetitions} repetitions but ${work.length} spans`);
  return { measures, work };
}

// ---- Numbers -------------------------------------------------------------

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const median = (values) => quantile(values, 0.5);

async function sizes(dir, paths) {
  const rows = [];
  for (const path of paths) {
    const bytes = await readFile(join(dir, path));
    rows.push({
      file: path,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    });
  }
  return rows;
}

const total = (rows) => rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

async function shellFiles(dir) {
  return (await readdir(dir)).filter((f) => /\.(wasm|js|css)$/.test(f));
}

async function measureSite(browser, name, dir) {
  const site = await serve(dir);
  try {
    const loads = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await loadOnce(browser, site.url);
      if (i < LOADS - 1) await load.context.close();
      loads.push(load);
      console.error(`[bench] ${name}: load ${i + 1}: first timeline paint ${load.firstPaint.toFixed(0)} ms`);
    }
    const last = loads.at(-1);
    const interactions = {};
    for (const interaction of INTERACTIONS) {
      const { measures, work } = await traced(browser, last.page, interaction);
      for (const [measure, samples] of Object.entries(measures)) {
        const result = { count: samples.length, median: median(samples), p95: quantile(samples, 0.95) };
        // Main-thread work and the address's frame are measured on the interaction's own repetitions, so they belong to its own measure.
        if (measure === interaction.name) {
          Object.assign(result, {
            workMedian: median(work),
            workP95: quantile(work, 0.95),
            addressMedian: median(samples.address),
            addressP95: quantile(samples.address, 0.95),
          });
        }
        interactions[measure] = result;
        console.error(`[bench] ${name}: ${measure} p95 ${ms(result.p95)} to the frame${result.workP95 === undefined ? "" : `, ${ms(result.workP95)} of main-thread work`}`);
      }
    }
    await last.context.close();
    const files = [...new Set(last.requested.map((p) => p.replace(/^\//, "") || "index.html"))].sort();
    return {
      name,
      dir,
      files: await sizes(dir, files),
      firstPaint: median(loads.map((l) => l.firstPaint)),
      firstPaints: loads.map((l) => l.firstPaint),
      ready: median(loads.map((l) => l.ready)),
      readies: loads.map((l) => l.ready),
      longTasks: Math.max(...loads.map((l) => l.longTasks)),
      longestTask: Math.max(...loads.map((l) => l.longestTask)),
      jsHeap: median(loads.map((l) => l.jsHeap)),
      wasmBytes: median(loads.map((l) => l.wasmBytes)),
      domNodes: last.domNodes,
      interactions,
    };
  } finally {
    await site.close();
  }
}

// ---- Report --------------------------------------------------------------

const ms = (v) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
const mib = (v) => `${(v / MiB).toFixed(1)} MiB`;
const kib = (v) => `${(v / KiB).toFixed(1)} KiB`;
const size = (v) => (v >= MiB ? mib(v) : kib(v));
const verdict = (value, budget) => (value <= budget ? "pass" : "**fail**");

function budgetRows(result) {
  const budget = BUDGETS[result.name];
  const memory = result.jsHeap + result.wasmBytes;
  const rows = [
    [`first timeline paint (median of ${LOADS} loads: ${result.firstPaints.map((v) => v.toFixed(0)).join(", ")} ms)`, ms(result.firstPaint), `≤ ${ms(budget.firstPaint)}`, verdict(result.firstPaint, budget.firstPaint)],
    [`app running (median of ${LOADS} loads: ${result.readies.map((v) => v.toFixed(0)).join(", ")} ms)`, ms(result.ready), "", ""],
    [`longest task during load (${result.longTasks} tasks over 50 ms in the worst load)`, ms(result.longestTask), `≤ ${ms(budget.longestTask)}`, verdict(result.longestTask, budget.longestTask)],
    [`memory after load: JS heap ${mib(result.jsHeap)} + wasm memory ${mib(result.wasmBytes)}`, mib(memory), `≤ ${mib(budget.memory)}`, verdict(memory, budget.memory)],
  ];
  for (const [name, i] of Object.entries(result.interactions)) {
    const limit = budget.interactions[name];
    const row = [`${name}: p95 input to the frame that shows the change (median ${ms(i.median)}; n = ${i.count})`, ms(i.p95)];
    if (WORK_BUDGETED.has(name)) {
      rows.push([...row, "", ""]);
      rows.push([`${name}: p95 main-thread work, input to that frame (median ${ms(i.workMedian)})`, ms(i.workP95), `≤ ${ms(limit)}`, verdict(i.workP95, limit)]);
    } else {
      rows.push(limit === undefined ? [...row, "", ""] : [...row, `≤ ${ms(limit)}`, verdict(i.p95, limit)]);
    }
    if (i.addressP95 !== undefined) rows.push([`${name}: p95 input to the frame after the address is written (median ${ms(i.addressMedian)})`, ms(i.addressP95), "", ""]);
  }
  return rows;
}

const table = (head, rows) => [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i ? "---:" : "---")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function report({ commit, about, date, chromium, load, results, shell }) {
  const shellTotal = total(shell);
  const lines = [
    "# Benchmarks",
    "",
    `Measured at commit \`${commit}\` on ${date}.`,
    "Regenerate with `scripts/bench.sh` (see the README); it rewrites this file.",
    "",
    `Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? "unknown"}), ${chromium} headless (Debian's, through playwright-core),`,
    `viewport ${VIEWPORT.width}×${VIEWPORT.height}, sites served from loopback without throttling: load times leave out the network, which the transfer sizes below stand for.`,
    `The machine is shared: its load average (1 min) was ${load.before} when the measurements began and ${load.after} when they ended; on a busy machine every time is longer.`,
    "",
    "## Budgets",
    "",
    table(["shell (wasm + JS + CSS of a build around an empty corpus)", "gzip", "budget", ""], [
      ["shell", kib(shellTotal.gzip), `≤ ${kib(SHELL_GZIP_BUDGET)}`, verdict(shellTotal.gzip, SHELL_GZIP_BUDGET)],
      ["shell, hard limit", kib(shellTotal.gzip), `≤ ${kib(SHELL_GZIP_HARD_LIMIT)}`, verdict(shellTotal.gzip, SHELL_GZIP_HARD_LIMIT)],
    ]),
  ];
  for (const result of results) {
    lines.push("", `### ${result.name === "bbc" ? "BBC corpus" : "Generated corpus"} (\`${result.corpus}\`)`, "", result.describe, "");
    if (result.name === "generated" && about) lines.push(`Made by \`${about}\`.`, "");
    lines.push(table(["measure", "value", "budget", ""], budgetRows(result)));
    lines.push(
      "",
      `Main-thread work, input to frame, p95 (median): ${INTERACTIONS.map(({ name }) => `${name} ${ms(result.interactions[name].workP95)} (${ms(result.interactions[name].workMedian)})`).join(", ")}.`,
      "",
      `DOM nodes after load: ${result.domNodes}.`,
    );
  }
  lines.push("", "## Transfer sizes", "", "Every file the page requests on load; gzip at level 9 and brotli at quality 11 (Node's zlib), as a host would precompress them.", "");
  const sizeTable = (rows) => table(["file", "raw", "gzip", "brotli"], [...rows.map((r) => [r.file, size(r.raw), size(r.gzip), size(r.brotli)]), ["**total**", ...Object.values(total(rows)).map(size)]]);
  lines.push("### Shell", "", sizeTable(shell));
  for (const result of results) lines.push("", `### ${result.name}`, "", sizeTable(result.files));
  lines.push("", "## Definitions", "", ...DEFINITIONS.map((d) => `* ${d}`), "", "Interactions, in the order they run (each from the opening view, reset through the address between kinds):", "");
  lines.push(...INTERACTIONS.map(({ name, what, anchor }) => `* **${name}**: ${what}; timed from its \`${anchor}\` event.`), "");
  return lines.join("\n");
}

const DEFINITIONS = [
  "**First timeline paint**: from navigation start to the end of the first frame that shows a mark (an event or a cluster) in the timeline's SVG. A MutationObserver, installed before the page's scripts, sees the first mark inserted; a `requestAnimationFrame` callback then waits for that frame, and a message posted from it arrives once the frame has been painted: its `performance.now()` is the time. Median of the loads, each in a fresh browser context (cold caches).",
  "**App running**: from navigation start to the end of the first frame painted after the app has marked the page \`data-ready\` (the corpus parsed, the index built, the prerendered view hydrated or drawn afresh): until then the prerendered page shows but does not respond. Median of the loads.",
  `**Long tasks during load**: \`PerformanceObserver\` entries of type \`longtask\` (tasks over 50 ms), buffered from the start, up to ${SETTLE_MS} ms after the app runs; the count and the longest, from the worst of the loads.`,
  `**Memory after load**: after the same ${SETTLE_MS} ms and a forced garbage collection (CDP \`HeapProfiler.collectGarbage\`): the JS heap in use (CDP \`Performance.getMetrics\`, \`JSHeapUsedSize\`) plus the wasm module's linear memory (\`memory.buffer.byteLength\` of the instance Trunk reports in its \`TrunkApplicationStarted\` event). Linear memory never shrinks, so it is the high-water mark of the Rust heap, which is what the tab keeps. MiB = 2^20 bytes; the budget's 40 MB is read as 40 MiB.`,
  `**Interaction latency**: real input through playwright (\`page.keyboard\`, \`page.mouse\`, \`locator.click\`), ${REPETITIONS} or more repetitions each, on the page of the last load. A capture listener on \`window\`, armed before each input, takes the event's \`timeStamp\` and starts a \`MutationObserver\` on the whole document. Then, frame after frame (a \`requestAnimationFrame\` callback, which marks the frame's start, and a message posted from it, which arrives once that frame is painted), it waits for the first frame painted after the app has written its new state to the address (at once for a choice, in the next animation frame for typing, panning and zooming) and watches two frames more (\`FRAMES_AFTER_ADDRESS\`), since Yew runs effects in later tasks. The latency runs to the end of the first frame that started after the last DOM change seen: the frame that shows the whole change. A change made inside a frame's callbacks after the benchmark's own shows in that frame but is credited to the next, so the mark is never early; for changes made before the address's frame it is never later than that frame. Only a keystroke's views come later, once typing pauses (search, views settled, below). Each interaction also gives its latency to the frame painted after the address is written (the definition before \`BENCHMARKS.md\` of 2026-11-27): when rendering takes over 16 ms, Yew 0.23 runs effects, the address write among them, in a timer task after the next frame, so that mark often falls one frame after the change was shown. Latency includes waiting for the next vsync (up to 16.7 ms at 60 Hz), as the user's wait does; a repetition that changes nothing in the address fails the run, so no no-op is timed.`,
  "**Main-thread work**: the same repetitions run under a Chromium trace of top-level tasks (categories `toplevel` and `blink.user_timing`, light enough not to slow what they time); for each repetition, the CPU time (the trace's thread time) the page's main thread spent running tasks between the input event and the frame above: script, Yew's rendering, style, layout and paint, and the benchmark's own small tasks; not the wait for vsync, idle time, or time the thread was descheduled on a busy machine (a task cut by the span's ends counts in proportion). A user-timing mark made at the start ties page time to trace time. Pan and zoom are budgeted on this number, as issue 10 words their budget; the others on latency.",
  "**Shell**: the wasm, JS and CSS of a build around an empty corpus: the app without data (the corpus travels in the page).",
];

// ---- Main ----------------------------------------------------------------

function parseArgs(argv) {
  const options = { sites: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (["--shell", "--out", "--commit", "--about"].includes(arg)) options[arg.slice(2)] = argv[++i];
    else if (/^(bbc|generated)=/.test(arg)) {
      const [name, dir, corpus] = arg.split(/=|,/);
      options.sites.push({ name, dir, corpus });
    } else throw new Error(`unknown argument ${arg}: expected --shell DIR, --out FILE, --commit SHA, --about TEXT or bbc|generated=DIR,CORPUS`);
  }
  for (const required of ["shell", "out", "commit"]) if (!options[required]) throw new Error(`--${required} is required`);
  return options;
}

const options = parseArgs(process.argv.slice(2));
const loadBefore = loadavg()[0].toFixed(1);
const browser = await launch();
try {
  const results = [];
  for (const { name, dir, corpus } of options.sites) {
    const result = await measureSite(browser, name, dir);
    const data = JSON.parse(await readFile(corpus, "utf8"));
    result.corpus = relative(process.cwd(), corpus);
    result.describe = `${data.articles.length} articles, ${data.events.length} events, ${data.entities.length} entities, ${data.quotes.length} quotes, ${data.figures.length} figures, ${data.relations.length} relations.`;
    results.push(result);
  }
  const shell = await sizes(options.shell, await shellFiles(options.shell));
  const markdown = report({
    commit: options.commit,
    about: options.about,
    date: new Date().toISOString().slice(0, 10),
    chromium: `Chromium ${browser.version()}`,
    load: { before: loadBefore, after: loadavg()[0].toFixed(1) },
    results,
    shell,
  });
  await writeFile(options.out, markdown);
  console.error(`[bench] wrote ${options.out}`);
} finally {
  await browser.close();
}
