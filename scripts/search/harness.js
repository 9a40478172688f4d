// Runs the site's real search worker (our wrapper + Material's worker) in Node, for the
// search-quality benchmark and for debugging. Usage:
//   node harness.js SITE_DIR LANG < queries.jsonl            our worker, per-language index
//   node harness.js SITE_DIR - INDEX.json < queries.jsonl    Material's worker alone, on INDEX
// (one JSON string per line on stdin); prints one JSON line per query:
// {"query": ..., "locations": [...]} — page locations in rank order.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const readline = require("readline");

const [siteDir, lang, materialIndex] = process.argv.slice(2);
const workersDir = path.join(siteDir, "assets", "javascripts", "workers");
const material = fs.readdirSync(workersDir).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f));
const workerUrl = `http://site.invalid/assets/javascripts/workers/bansou-search.js?lang=${lang}&material=${material}`;

const listeners = [];
const pending = [];
const context = {
  console, URL, TextDecoder, TextEncoder, setTimeout, clearTimeout, Promise, Uint16Array,
  location: new URL(workerUrl),
  addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
  postMessage: (msg) => { const resolve = pending.shift(); if (resolve) resolve(msg); },
  fetch: async (url) => {
    const file = path.join(siteDir, new URL(url).pathname);
    const body = fs.readFileSync(file, "utf8");
    return { ok: true, status: 200, json: async () => JSON.parse(body) };
  },
  importScripts: (...urls) => {
    for (const u of urls) {
      const file = path.join(siteDir, new URL(u, context.location).pathname);
      vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
    }
  },
};
context.self = context;
vm.createContext(context);
const worker = materialIndex ? path.join(workersDir, material) : path.join(workersDir, "bansou-search.js");
if (materialIndex) context.location = new URL(`http://site.invalid/assets/javascripts/workers/${material}`);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });

function send(message) {
  return new Promise((resolve) => {
    pending.push(resolve);
    for (const fn of listeners) fn({ data: message });
  });
}

(async () => {
  const stub = JSON.parse(fs.readFileSync(materialIndex || path.join(siteDir, "search", "search_index.json"), "utf8"));
  const t0 = Date.now();
  await send({ type: 0, data: { ...stub, options: { suggest: false } } });
  process.stderr.write(`setup ${Date.now() - t0} ms\n`);
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const query = JSON.parse(line);
    const result = await send({ type: 2, data: query });
    const items = (result.data && result.data.items) || [];
    const locations = items.map((group) => group[0].location.split("#")[0]);
    if (process.env.HARNESS_SCORES) console.error(JSON.stringify(items.slice(0, 2).map((g) => g.map((i) => [i.location, i.score, i.terms]))));
    console.log(JSON.stringify({ query, locations }));
  }
})();
