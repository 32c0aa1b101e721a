// A W3C WebDriver client for the engines playwright-core cannot drive with
// Debian's browsers: Firefox through geckodriver, WebKitGTK through
// WebKitWebDriver (in a virtual display). Classic WebDriver over HTTP.
import { spawn } from "node:child_process";

/** How long one WebDriver command may take: opening a session starts a browser. */
const CALL_TIMEOUT_MS = 120000;

/**
 * Starts `command` (a WebDriver server) on a free-ish port with `args`, and
 * returns a client whose sessions open with `capabilities`; `stop` ends all.
 */
export async function startDriver(command, args, capabilities) {
  const port = 4444 + Math.floor(Math.random() * 2000);
  const driver = spawn(command[0], [...command.slice(1), ...args(port)], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    // A driver that stops answering fails the test rather than holding the suite until CI's limit.
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call("GET", "/status")).ready !== undefined) break;
    } catch (error) {
      if (i === 200) throw new Error(`${command.join(" ")} did not start: ${error.message}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const sessions = new Set();
  return {
    /**
     * Runs `steps` with a new session and ends it however they end: a failed
     * test must not leave its session open, or the driver refuses the next
     * test's ("Maximum number of active sessions").
     */
    async withSession(steps) {
      const browser = await this.session();
      try {
        return await steps(browser);
      } finally {
        await browser.end();
      }
    },
    /** A new browser session: `go(url)`, `run(script)`, `until(script)`, `click(selector)`, `end()`. */
    async session() {
      const { sessionId } = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
      sessions.add(sessionId);
      const at = `/session/${sessionId}`;
      const run = (script, args = []) => call("POST", `${at}/execute/sync`, { script, args });
      return {
        go: (url) => call("POST", `${at}/url`, { url }),
        /** Sets the window's outer size; the page's width follows. */
        resize: (width, height) => call("POST", `${at}/window/rect`, { width, height }),
        run,
        /**
         * Runs `script` until it returns a truthy value, once the app runs (the
         * prerendered page does not respond before), or at once with `{ ready: false }`.
         */
        async until(script, { timeout = 30000, ready = true } = {}) {
          const end = Date.now() + timeout;
          const checked = ready ? `if (!document.documentElement.hasAttribute("data-ready")) return null; ${script}` : script;
          while (Date.now() < end) {
            const value = await run(checked);
            if (value) return value;
            await new Promise((done) => setTimeout(done, 100));
          }
          throw new Error(`timed out waiting for: ${script}`);
        },
        /** What the page shows, for a failure's message: the address, the open card, whether the app runs. */
        shown: () => run(`return [location.hash, document.querySelector(".entity-card")?.dataset.entityId, document.documentElement.hasAttribute("data-ready")]`),
        /** A real click (WebDriver's element click) on the first element matching `selector`. */
        async click(selector) {
          const element = await call("POST", `${at}/element`, { using: "css selector", value: selector });
          await call("POST", `${at}/element/${Object.values(element)[0]}/click`, {});
        },
        async end() {
          sessions.delete(sessionId);
          await call("DELETE", at).catch(() => {});
        },
      };
    },
    async stop() {
      await Promise.all([...sessions].map((id) => call("DELETE", `/session/${id}`).catch(() => {})));
      // The whole process group: xvfb-run's display and the browser with the driver.
      try {
        process.kill(-driver.pid);
      } catch {}
    },
  };
}
