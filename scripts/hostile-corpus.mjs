// Rewrites a corpus built from tests/hostile/ as a corpus built by other
// hands could carry it, past what the pipeline lets through: the first
// article's url becomes a javascript: address and one entity's name and
// aliases become markup. Usage: node scripts/hostile-corpus.mjs FILE (in place).
import { readFile, writeFile } from "node:fs/promises";

const HOSTILE_URL = "javascript:alert(document.domain)";
const HOSTILE_NAME = '<script>alert(1)</script> <img src=x onerror="window.__pwned=1"> \u202eSok javascript:alert(1)';
/** The entity given the hostile name: the pipeline reads "Sok" alone as an organisation. */
const RENAMED = "sok";

const file = process.argv[2];
if (!file) throw new Error("usage: node scripts/hostile-corpus.mjs FILE");
const corpus = JSON.parse(await readFile(file, "utf8"));
const article = corpus.articles[0];
if (!article.url?.startsWith("https:")) throw new Error(`expected the pipeline's https url, found ${article.url}`);
article.url = HOSTILE_URL;
const entity = corpus.entities.find((e) => e.id === RENAMED);
if (!entity) throw new Error(`no entity ${RENAMED} in ${file}`);
entity.name = HOSTILE_NAME;
entity.aliases = [HOSTILE_NAME, "<script>alert(1)</script>"];
await writeFile(file, JSON.stringify(corpus));
console.error(`${file}: the url of ${article.id} is now ${HOSTILE_URL}; entity ${RENAMED} is named with markup`);
