// Builds the lunr index Material's search worker would build in the reader's browser,
// ahead of time, and writes it next to the documents: search/index.<lang>.lunr.json.
// Usage:  node prebuild.js SITE_DIR [LANG ...]      (default: every search/index.<lang>.json)
//
// Same code, same index: Material's own worker (with the site's lunr, tinyseg, lunr.<lang>)
// runs in Node via vm and indexes search/index.<lang>.json; two shims on its lunr.Builder
// capture what it builds:
//   - the lunr.Index (serialised with toJSON, loaded in the browser with lunr.Index.load),
//   - Material's highlight table (token offsets per "location:field"; its search() needs
//     it to put <mark> around hits, and only indexing fills it).
// Output: {"index": <lunr.Index JSON>, "table": {"<location>:<field>": [[int, ...], ...]}}.
// scripts/search/prebuilt-worker.js is the worker that loads it.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");

function materialWorker(siteDir) {
  const workersDir = path.join(siteDir, "assets", "javascripts", "workers");
  const name = fs.readdirSync(workersDir).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f));
  const location = new URL(`http://site.invalid/assets/javascripts/workers/${name}`);
  const listeners = [];
  const pending = [];
  const context = {
    console, URL, TextDecoder, TextEncoder, setTimeout, clearTimeout, Promise, Uint16Array, location,
    addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
    postMessage: (msg) => { const resolve = pending.shift(); if (resolve) resolve(msg); },
    importScripts: (...urls) => {
      for (const u of urls) {
        const file = path.join(siteDir, new URL(u, location).pathname);
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
  };
  context.self = context;
  vm.createContext(context);
  const file = path.join(workersDir, name);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  const send = (message) => new Promise((resolve) => {
    pending.push(resolve);
    for (const fn of listeners) fn({ data: message });
  });
  return { lunr: context.lunr, send };
}

async function prebuild(siteDir, lang) {
  const source = path.join(siteDir, "search", `index.${lang}.json`);
  const data = JSON.parse(fs.readFileSync(source, "utf8"));
  const { lunr, send } = materialWorker(siteDir);

  let built = null;
  const table = {};
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () { return (built = build.call(this)); };
  const field = lunr.Builder.prototype.field;
  lunr.Builder.prototype.field = function (name, attributes) {
    const extract = attributes.extractor;
    attributes = { ...attributes, extractor: (doc) => {
      const value = extract(doc);
      // Material's extractor just made a fresh lunr.tokenizer.table for this doc and field;
      // its tokenizer fills that same array right after.
      if (value !== undefined) table[`${doc.location}:${name}`] = lunr.tokenizer.table;
      return value;
    } };
    return field.call(this, name, attributes);
  };

  const t0 = process.hrtime.bigint();
  await send({ type: 0, data: { config: data.config, docs: data.docs, options: { suggest: false } } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!built) throw new Error(`Material's worker built no index for ${lang}`);
  const out = JSON.stringify({ index: built.toJSON(), table });
  const target = path.join(siteDir, "search", `index.${lang}.lunr.json`);
  fs.writeFileSync(target, out);
  const raw = fs.readFileSync(source);
  return {
    lang, build_ms: Math.round(ms), docs: data.docs.length,
    json_bytes: raw.length, json_gzip: zlib.gzipSync(raw, { level: 6 }).length,
    lunr_bytes: Buffer.byteLength(out), lunr_gzip: zlib.gzipSync(out, { level: 6 }).length,
  };
}

(async () => {
  const [siteDir, ...langs] = process.argv.slice(2);
  const all = fs.readdirSync(path.join(siteDir, "search"))
    .map((f) => /^index\.([A-Za-z-]+)\.json$/.exec(f)).filter(Boolean).map((m) => m[1]);
  for (const lang of langs.length ? langs : all) console.log(JSON.stringify(await prebuild(siteDir, lang)));
})().catch((err) => { console.error(err); process.exit(1); });
