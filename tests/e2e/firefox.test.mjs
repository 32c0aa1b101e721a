// Firefox ESR, driven over WebDriver by geckodriver: the single-file edition
// opens from disk and the served site restores a linked view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, serve } from "./support.mjs";

let driver;
let base;
let session;
let site;

async function call(method, path, body) {
  const response = await fetch(`${base}${path}`, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

/** Runs `script` in the page, once the app runs (the prerendered page does not respond before), until it returns a truthy value. */
async function until(script, timeout = 20000) {
  const end = Date.now() + timeout;
  const whenReady = `if (!document.documentElement.hasAttribute("data-ready")) return null; ${script}`;
  while (Date.now() < end) {
    const value = await call("POST", `/session/${session}/execute/sync`, { script: whenReady, args: [] });
    if (value) return value;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for: ${script}`);
}

before(async () => {
  site = await serve(DIST, "/");
  const port = 4444 + Math.floor(Math.random() * 1000);
  driver = spawn(process.env.GECKODRIVER ?? "geckodriver", ["--port", String(port), "--host", "127.0.0.1"], { stdio: "ignore" });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const created = await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr", args: ["-headless"] } } },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await call("DELETE", `/session/${session}`).catch(() => {});
  driver?.kill();
  await site?.close();
});

test("Firefox opens the single file from disk with a linked entity", async () => {
  const file = pathToFileURL(join(ROOT, "dist-single", "corpus-explorer.html"));
  await call("POST", `/session/${session}/url`, { url: `${file}#entity=chum-sounry&panel=entity` });
  const name = await until(`const card = document.querySelector('.entity-card[data-entity-id="chum-sounry"] h2'); return card && card.textContent;`);
  assert.match(name, /Chum Sounry/);
});

test("Firefox restores a shared link from the served site", async () => {
  await call("POST", `/session/${session}/url`, { url: `${site.url}#kinds=place&lanes=kind` });
  const checked = await until(`const boxes = document.querySelectorAll('.facets input[type=checkbox]'); return boxes.length > 3 && [...boxes].map(b => b.checked).join(',');`);
  assert.equal(checked.split(",")[2], "true", "the place facet is on");
  const lanes = await until(`return [...document.querySelectorAll('.lane-label')].map(l => l.textContent).join('|')`);
  assert.match(lanes, /Place/);
});
