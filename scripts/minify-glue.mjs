// Trunk's post-build step before the prerenderer (Trunk.toml): shrinks the
// wasm and its JavaScript glue in the staging directory, then puts their new
// digests in index.html, whose preloads carry their integrity.
//
// * The functions the wasm imports from the glue are renamed to short names
//   in both: wasm-bindgen names each after its JavaScript name and a hash,
//   which compress poorly (about 2.9 KiB gzip of the wasm and 2.0 of the glue);
//   so are the wasm's exports that the glue reads, and the module the imports
//   come from ("./explorer_bg.js", repeated in every import: 0.2 KiB).
// * The wasm's custom sections, which name the tools that made it, are dropped.
// * The glue is minified by esbuild (Trunk's own minifier breaks it).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
const only = (pattern) => {
  const found = readdirSync(dir).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`one file in ${dir} should match ${pattern}, found ${found.length}`);
  return join(dir, found[0]);
};
const wasmFile = only(/^explorer-[0-9a-f]+_bg\.wasm$/);
const glueFile = only(/^explorer-[0-9a-f]+\.js$/);
const GLUE_MODULE = "./explorer_bg.js";
const GLUE_MODULE_SHORT = "a";
const digest = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

function readUleb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function uleb(value) {
  const out = [];
  do {
    const low = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? low | 0x80 : low);
  } while (value);
  return out;
}

/** A name (its length, then its UTF-8 bytes) at `at`, and where it ends. */
function readName(bytes, at) {
  const [length, start] = readUleb(bytes, at);
  return [bytes.subarray(start, start + length), start + length];
}

/** Where an import's description (after its kind byte) ends. */
function descriptionEnd(bytes, kind, at) {
  const limits = (at) => {
    const flags = bytes[at];
    let [, next] = readUleb(bytes, at + 1);
    if (flags & 1) [, next] = readUleb(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: return readUleb(bytes, at)[1]; // function: its type
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readUleb(bytes, at + 1)[1]; // tag: attribute, type
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** Short names: a, b, ..., Z, ba, bb, ... */
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length);
  } while (n);
  return name;
}

/** The wasm with the glue's imports and exports renamed and no custom sections, and the new names. */
function renameImports(wasm) {
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  const renamed = new Map(), renamedExports = new Map();
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readUleb(wasm, at + 1);
    const end = start + size;
    if (id === 0) {
      // A custom section (the producing tools, the target's features): the browser reads none.
    } else if (id === 7) {
      out.push(renameExports(wasm.subarray(start, end), renamedExports));
    } else if (id !== 2) {
      out.push(wasm.subarray(at, end));
    } else {
      let [count, p] = readUleb(wasm, start);
      const section = uleb(count);
      while (count--) {
        let module, name;
        [module, p] = readName(wasm, p);
        [name, p] = readName(wasm, p);
        const descriptionStart = p;
        p = descriptionEnd(wasm, wasm[p], p + 1);
        if (decoder.decode(module) === GLUE_MODULE) {
          const short = shortName(renamed.size);
          renamed.set(decoder.decode(name), short);
          name = encoder.encode(short);
          module = encoder.encode(GLUE_MODULE_SHORT);
        }
        section.push(...uleb(module.length), ...module, ...uleb(name.length), ...name, ...wasm.subarray(descriptionStart, p));
      }
      out.push(Uint8Array.from([2, ...uleb(section.length), ...section]));
    }
    at = end;
  }
  return [Buffer.concat(out), renamed, renamedExports];
}

/**
 * The export section with the exports the glue reads renamed to short names
 * (recorded in `renamed`); `memory` keeps its name, which the benchmark reads.
 */
function renameExports(section, renamed) {
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  let [count, p] = readUleb(section, 0);
  const out = uleb(count);
  while (count--) {
    let name;
    [name, p] = readName(section, p);
    const descriptionStart = p;
    p = readUleb(section, p + 1)[1];
    const text = decoder.decode(name);
    if (text !== "memory" && glueReadsExport(text)) {
      const short = "_" + shortName(renamed.size);
      renamed.set(text, short);
      name = encoder.encode(short);
    }
    out.push(...uleb(name.length), ...name, ...section.subarray(descriptionStart, p));
  }
  return Uint8Array.from([7, ...uleb(out.length), ...out]);
}

const [wasm, originalGlue] = [readFileSync(wasmFile), readFileSync(glueFile)];
let glue = originalGlue.toString("utf8");
/** Whether the glue reads an export: as a property (`wasm.name`), the only way it reads them. */
const glueReadsExport = (name) => new RegExp(`\\.${name}\\b`).test(glue);
const [shrunk, renamed, renamedExports] = renameImports(wasm);
for (const [name, short] of renamed) {
  // Each import is one property of the glue's import object: anything else would be renamed wrongly.
  const uses = glue.split(new RegExp(`\\b${name}\\b`));
  if (uses.length !== 2) throw new Error(`the glue names ${name} ${uses.length - 1} times, not once`);
  glue = uses.join(short);
}
// The glue names the module once, as the key of its import object.
const moduleKey = glue.split(new RegExp(`(["'])${GLUE_MODULE.replace(/\./g, "\\.")}\\1`));
if (moduleKey.length !== 3) throw new Error(`the glue names ${GLUE_MODULE} ${(moduleKey.length - 1) / 2} times, not once`);
glue = moduleKey[0] + JSON.stringify(GLUE_MODULE_SHORT) + moduleKey[2];
for (const [name, short] of renamedExports) glue = glue.replaceAll(new RegExp(`\\.${name}\\b`, "g"), "." + short);
writeFileSync(wasmFile, shrunk);
writeFileSync(glueFile, glue);
execFileSync("esbuild", [glueFile, "--minify", "--format=esm", "--allow-overwrite", `--outfile=${glueFile}`, "--log-level=warning"], { stdio: "inherit" });
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
for (const [before, file] of [[wasm, wasmFile], [originalGlue, glueFile]]) {
  const [old, now] = [digest(before), digest(readFileSync(file))];
  if (!html.includes(old)) throw new Error(`index.html carries no digest of ${file}`);
  html = html.replaceAll(old, now);
}
writeFileSync(page, html);
