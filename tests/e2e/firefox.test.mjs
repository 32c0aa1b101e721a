// Firefox ESR, driven over WebDriver by geckodriver: the single-file edition
// opens from disk and the served site restores a linked view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, serve } from "./support.mjs";
import { startDriver } from "./webdriver.mjs";

let driver;
let browser;
let site;

before(async () => {
  site = await serve(DIST, "/");
  driver = await startDriver([process.env.GECKODRIVER ?? "geckodriver"], (port) => ["--port", String(port), "--host", "127.0.0.1"], {
    browserName: "firefox",
    "moz:firefoxOptions": { binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr", args: ["-headless"] },
  });
  browser = await driver.session();
});

after(async () => {
  await driver?.stop();
  await site?.close();
});

test("Firefox opens the single file from disk with a linked entity", async () => {
  const file = pathToFileURL(join(ROOT, "dist-single", "corpus-explorer.html"));
  await browser.go(`${file}#entity=chum-sounry&panel=entity`);
  const name = await browser.until(`const card = document.querySelector('.entity-card[data-entity-id="chum-sounry"] h2'); return card && card.textContent;`);
  assert.match(name, /Chum Sounry/);
});

test("Firefox restores a shared link from the served site", async () => {
  await browser.go(`${site.url}#kinds=place&lanes=kind`);
  const checked = await browser.until(`const boxes = document.querySelectorAll('.facets input[type=checkbox]'); return boxes.length > 3 && [...boxes].map(b => b.checked).join(',');`);
  assert.equal(checked.split(",")[2], "true", "the place facet is on");
  const lanes = await browser.until(`return [...document.querySelectorAll('.lane-label')].map(l => l.textContent).join('|')`);
  assert.match(lanes, /Place/);
});
