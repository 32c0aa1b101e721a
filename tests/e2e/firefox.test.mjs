// Firefox ESR, driven over WebDriver by geckodriver: the single-file edition
// opens from disk, the served site restores a linked view, and hostile
// input (engines.mjs) gets notices or the error panel, never a broken page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, serve } from "./support.mjs";
import { hostileInputScenarios } from "./engines.mjs";
import { startDriver } from "./webdriver.mjs";

let driver;
let site;

before(async () => {
  site = await serve(DIST, "/");
  driver = await startDriver([process.env.GECKODRIVER ?? "geckodriver"], (port) => ["--port", String(port), "--host", "127.0.0.1"], {
    browserName: "firefox",
    "moz:firefoxOptions": { binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr", args: ["-headless"] },
  });
});

after(async () => {
  await driver?.stop();
  await site?.close();
});

// geckodriver runs one session at a time: each test opens and ends its own.
test("Firefox opens the single file from disk with a linked entity", () =>
  driver.withSession(async (browser) => {
    const file = pathToFileURL(join(ROOT, "dist-single", "corpus-explorer.html"));
    await browser.go(`${file}#entity=chum-sounry&panel=entity`);
    const name = await browser.until(`const card = document.querySelector('.entity-card[data-entity-id="chum-sounry"] h2'); return card && card.textContent;`);
    assert.match(name, /Chum Sounry/);
  }));

test("Firefox restores a shared link from the served site", () =>
  driver.withSession(async (browser) => {
    await browser.go(`${site.url}#kinds=place&lanes=kind`);
    const checked = await browser.until(`const boxes = document.querySelectorAll('.facets input[type=checkbox]'); return boxes.length > 3 && [...boxes].map(b => b.checked).join(',');`);
    assert.equal(checked.split(",")[2], "true", "the place facet is on");
    const lanes = await browser.until(`return [...document.querySelectorAll('.lane-label')].map(l => l.textContent).join('|')`);
    assert.match(lanes, /Place/);
  }));

hostileInputScenarios("Firefox", () => driver);
