// The hostile-input scenarios every engine must pass, for the engines driven
// over WebDriver (Firefox, WebKit); Chromium runs their fuller forms through
// playwright-core. Each test file registers them with its own driver.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ROOT, serve, withCorpusCutShort } from "./support.mjs";

/** `engine` names the browser; `driver()` gives the test file's started WebDriver client. */
export function hostileInputScenarios(engine, driver) {
  let site;
  let hostile;
  let broken;
  let brokenDir;
  before(async () => {
    site = await serve(DIST, "/");
    // The corpus of markup, javascript: addresses, bidi overrides and long runs that test.sh builds.
    hostile = await serve(join(ROOT, "target", "dist-hostile"), "/");
    // The site with its embedded corpus cut short, as a broken upload would leave it.
    brokenDir = mkdtempSync(join(tmpdir(), "explorer-broken-"));
    cpSync(DIST, brokenDir, { recursive: true });
    writeFileSync(join(brokenDir, "index.html"), withCorpusCutShort(readFileSync(join(DIST, "index.html"), "utf8")));
    broken = await serve(brokenDir, "/");
  });
  after(async () => {
    await site?.close();
    await hostile?.close();
    await broken?.close();
    if (brokenDir) rmSync(brokenDir, { recursive: true, force: true });
  });

  test(`${engine}: a hostile link (100 kB fragment, unknown ids, a reader offset past the end) shows notices and a working page`, () =>
    driver().withSession(async (browser) => {
      await browser.go(`${site.url}#${"x".repeat(100_000)}=1&entity=no-such-entity&event=no-such-event&read=no-such-article~99999999`);
      const notices = await browser.until(`return document.querySelector(".notices")?.textContent`);
      assert.match(notices, /x{40}…/, "the long parameter is named, cut short");
      const id = await browser.until(`return document.querySelector(".graph-svg .node")?.dataset.entityId`);
      await browser.click(`.graph-svg .node[data-entity-id="${id}"]`);
      await browser.until(`return document.querySelector('.entity-card[data-entity-id="${id}"]')`).catch(async (error) => {
        throw new Error(`${error.message}; the page shows [hash, card, ready] = ${JSON.stringify(await browser.shown())}`);
      });
    }));

  test(`${engine}: hostile corpus text shows as text, runs nothing and fits 375 px`, () =>
    driver().withSession(async (browser) => {
      await browser.resize(375, 800);
      for (const view of ["", "#event=ev-1", "#q=onerror"]) {
        await browser.go(`${hostile.url}${view}`);
        await browser.until(`return document.querySelector(".timeline-svg")`);
        const seen = await browser.run(`return {
          pwned: window.__pwned === undefined ? null : String(window.__pwned),
          made: document.querySelectorAll("img, [onerror], [onload], [onclick], a[href^='javascript:' i]").length,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          literal: document.body.textContent.includes("<script>alert(1)</script>"),
        }`);
        assert.deepEqual(seen, { pwned: null, made: 0, overflow: 0, literal: true }, `${engine} at ${view || "the overview"}`);
      }
    }));

  test(`${engine}: a panic shows the error panel with its reload link`, () =>
    driver().withSession(async (browser) => {
      await browser.go(`${broken.url}#entity=sok-phal`);
      // The app never runs, so the page is never marked ready.
      const panel = await browser.until(`return document.querySelector(".error-panel[role=alert] a")?.getAttribute("href")`, { ready: false });
      assert.equal(panel, broken.url, "the panel links to the page without the failed view");
    }));
}
