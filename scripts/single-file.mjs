// Writes the single-file edition: dist/ inlined into one self-contained HTML
// file (wasm, JS, CSS, icon and the embedded corpus), which opens from disk.
// Usage: node scripts/single-file.mjs [dist] [out.html]
import { readFileSync, writeFileSync, readdirSync, renameSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";

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
const loader = `<script type="module">
import init, * as bindings from "data:text/javascript;base64,${read(js).toString("base64")}";
const bytes = Uint8Array.from(atob("${read(wasm).toString("base64")}"), (c) => c.charCodeAt(0));
await init({ module_or_path: bytes });
window.wasmBindings = bindings;
</script>`;
const before = html;
html = html.replace(/<script type="module">[\s\S]*?<\/script>/, () => loader);
if (html === before) throw new Error(`${dist}/index.html: no module script to inline`);
if (/(src|href)="\.\//.test(html)) throw new Error("a relative asset reference is left in the single file");

mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
console.error(`single file: ${out} (${(html.length / 1024).toFixed(0)} KiB)`);
