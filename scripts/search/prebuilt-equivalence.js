// Checks that the prototype prebuilt-index worker answers exactly like our worker.
// Usage: node prebuilt-equivalence.js SITE_DIR LANG < queries.jsonl
// SITE_DIR must hold search/index.<LANG>.lunr.json (node prebuild.js SITE_DIR LANG).
// Runs both workers in Node (as harness.js does) and compares Material's full result
// messages (pages, sections, scores, <mark> highlighting). Exit code 1 on any difference.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function startWorker(siteDir, lang, workerFile) {
  const workersDir = path.join(siteDir, "assets", "javascripts", "workers");
  const material = fs.readdirSync(workersDir).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f));
  const listeners = [];
  const pending = [];
  const context = {
    console, URL, TextDecoder, TextEncoder, setTimeout, clearTimeout, Promise, Uint16Array,
    location: new URL(`http://site.invalid/assets/javascripts/workers/bansou-search.js?lang=${lang}&material=${material}`),
    addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
    postMessage: (msg) => { const resolve = pending.shift(); if (resolve) resolve(msg); },
    fetch: async (url) => {
      const file = path.join(siteDir, new URL(url).pathname);
      if (!fs.existsSync(file)) return { ok: false, status: 404 };
      const body = fs.readFileSync(file, "utf8");
      return { ok: true, status: 200, json: async () => JSON.parse(body) };
    },
    importScripts: (...urls) => {
      for (const u of urls) {
        const pathname = new URL(u, context.location).pathname;
        // the prototype imports our worker under the name it has beside it
        const file = pathname.endsWith("/bansou-search.real.js")
          ? path.join(workersDir, "bansou-search.js") : path.join(siteDir, pathname);
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(workerFile, "utf8"), context, { filename: workerFile });
  return (message) => new Promise((resolve) => {
    pending.push(resolve);
    for (const fn of listeners) fn({ data: message });
  });
}

(async () => {
  const [siteDir, lang] = process.argv.slice(2);
  const queries = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const workers = {
    ours: path.join(siteDir, "assets", "javascripts", "workers", "bansou-search.js"),
    prebuilt: path.join(__dirname, "prebuilt-worker.js"),
  };
  const answers = {};
  for (const [name, file] of Object.entries(workers)) {
    const send = startWorker(siteDir, lang, file);
    const stub = { config: { lang: ["ja"], separator: "[\\s]+", pipeline: [] }, docs: [], options: { suggest: false } };
    const t0 = Date.now();
    await send({ type: 0, data: stub });
    const setupMs = Date.now() - t0;
    answers[name] = [];
    for (const q of queries) answers[name].push(JSON.stringify(await send({ type: 2, data: q })));
    console.error(`${name}: setup ${setupMs} ms`);
  }
  const differ = queries.filter((q, i) => answers.ours[i] !== answers.prebuilt[i]);
  const empty = answers.ours.filter((a) => JSON.parse(a).data.items.length === 0).length;
  console.log(JSON.stringify({ lang, queries: queries.length, with_results: queries.length - empty, differ }));
  process.exit(differ.length ? 1 : 0);
})();
