// Writes the single-file edition: dist/ inlined into one self-contained HTML
// file (wasm, JS, CSS, icon and the embedded corpus), which opens from disk,
// under the same Content-Security-Policy as the site.
// Usage: node scripts/single-file.mjs [dist] [out.html]
import { readFileSync, writeFileSync, readdirSync, renameSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { createHash } from "node:crypto";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "dist-single/corpus-explorer.html";
const read = (name) => readFileSync(join(dist, name));
const files = readdirSync(dist);
const only = (pattern) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`${dist}: expected one file matching ${pattern}, found ${found.length}`);
  return found[0];
};

let html = read("index.html").toString();
const js = only(/^explorer-[0-9a-f]+\.js$/);
const wasm = only(/^explorer-[0-9a-f]+_bg\.wasm$/);
const css = only(/^style-[0-9a-f]+\.css$/);
const icon = only(/^favicon-[0-9a-f]+\.svg$/);

// Preload hints point at files that will not exist beside the single file.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>\s*/g, "");
html = html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${read(css)}\n</style>`);
html = html.replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml;base64,${read(icon).toString("base64")}">`);
// The wasm-bindgen glue goes inline rather than as a data: module, so the
// policy below names it by hash instead of allowing every data: script.
const glue = read(js).toString();
// The glue ends by exporting `initSync` and its loader as `default`, under
// whatever names minifying gave them (scripts/minify-glue.mjs).
const glueExports = /export\s*\{([^}]*)\};?\s*$/;
const exported = Object.fromEntries(
  (glue.match(glueExports)?.[1] ?? "").split(",").map((item) => item.trim().split(/\s+as\s+/)).map(([local, name = local]) => [name, local]),
);
if (!exported.initSync || !exported.default) throw new Error(`${dist}/${js}: the wasm-bindgen glue's exports are not the expected ones`);
const loader = `<script type="module">
${glue.replace(glueExports, "")}
{
  // A block: the glue's own top-level names (\`wasm\` among them) stay apart.
  const bytes = Uint8Array.from(atob("${read(wasm).toString("base64")}"), (c) => c.charCodeAt(0));
  const instance = await ${exported.default}({ module_or_path: bytes });
  window.wasmBindings = { initSync: ${exported.initSync}, default: ${exported.default} };
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
}
</script>`;
const before = html;
html = html.replace(/<script type="module">[\s\S]*?<\/script>/, () => loader);
if (html === before) throw new Error(`${dist}/index.html: no module script to inline`);
if (/(src|href)="\.\//.test(html)) throw new Error("a relative asset reference is left in the single file");

// The built page's policy, with the single file's own inline scripts and
// styles by hash, and nothing from its origin (it has no other files).
const policyMeta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/;
const built = html.match(policyMeta);
if (!built) throw new Error(`${dist}/index.html: no Content-Security-Policy meta element (is it prerendered?)`);
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const inline = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))]
    .filter(([, attributes = ""]) => tag !== "script" || !/type="application\/json"|src=/.test(attributes))
    .map(([, , content]) => sha256(content));
const policy = built[1]
  .replace(/script-src [^;]*/, `script-src 'wasm-unsafe-eval' ${inline("script").join(" ")}`)
  .replace(/style-src [^;]*/, `style-src ${inline("style").join(" ")}`)
  .replace(/img-src [^;]*/, "img-src data:")
  .replace(/connect-src [^;]*/, "connect-src 'none'");
html = html.replace(policyMeta, () => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
console.error(`single file: ${out} (${(html.length / 1024).toFixed(0)} KiB)`);
