// WebKitGTK, the engine of every iPhone browser's kind, driven over WebDriver
// by WebKitWebDriver in a virtual display (xvfb-run): a reader selects an
// entity, copies the link, and the link opens the same selection in a fresh
// session, with nothing requested from another origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { DIST, serve } from "./support.mjs";
import { hostileInputScenarios } from "./engines.mjs";
import { startDriver } from "./webdriver.mjs";

const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
let driver;
let site;

before(async () => {
  site = await serve(DIST, "/");
  driver = await startDriver(["xvfb-run", "-a", process.env.WEBKIT_WEBDRIVER ?? "WebKitWebDriver"], (port) => [`--port=${port}`], {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
  });
});

after(async () => {
  await driver?.stop();
  await site?.close();
});

/** Every resource the page has loaded, from the Resource Timing entries. */
const loaded = (browser) => browser.run(`return [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]`);

test("WebKit: select an entity, copy the link, and the link opens the same selection in a fresh session", async () => {
  const { id, name, copied, firstLoads } = await driver.withSession(async (first) => {
    await first.go(site.url);
    const id = await first.until(`return document.querySelector(".graph-svg .node")?.dataset.entityId`);
    await first.click(`.graph-svg .node[data-entity-id="${id}"]`);
    const name = await first
      .until(`return document.querySelector('.entity-card[data-entity-id="${id}"] h2')?.textContent`)
      .catch(async (error) => {
        // Say what the page shows instead, so a failure under load can be told apart from a lost click.
        throw new Error(`${error.message}; the page shows [hash, card, ready] = ${JSON.stringify(await first.shown())}`);
      });
    await first.click(".header .actions button");
    // Where the page may write the clipboard it says so; elsewhere it shows the link to copy by hand.
    const link = await first.until(`
      const manual = document.querySelector(".manual-copy input");
      if (manual) return manual.value;
      return document.querySelector(".header .actions button").textContent === "Link copied" ? "clipboard" : null;`);
    const copied = link === "clipboard" ? await first.run(`return location.href`) : link;
    return { id, name, copied, firstLoads: await loaded(first) };
  });
  assert.match(copied, new RegExp(`entity=${id}`), copied);

  await driver.withSession(async (fresh) => {
    await fresh.go(copied);
    const reopened = await fresh.until(`return document.querySelector('.entity-card[data-entity-id="${id}"] h2')?.textContent`);
    assert.equal(reopened, name);
    const selected = await fresh.run(`return document.querySelector('.graph-svg .node[data-entity-id="${id}"]')?.classList.contains("selected")`);
    assert.ok(selected, "the graph shows the entity selected");
    const foreign = [...firstLoads, ...(await loaded(fresh))].filter((url) => !url.startsWith(site.origin));
    assert.deepEqual(foreign, [], "nothing requested from another origin");
  });
});

hostileInputScenarios("WebKit", () => driver);
