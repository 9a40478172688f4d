/*
 * PROTOTYPE (measurement only, not used by the site): our search worker with a prebuilt index.
 *
 * Installed in place of assets/javascripts/workers/bansou-search.js (same URL, same
 * ?lang=…&material=… parameters), with bansou-search.js itself beside it as
 * bansou-search.real.js. Everything bansou-search.js does stays (per-language documents,
 * query segmentation); the only change is that Material's worker does not index the
 * documents: lunr.Builder is shimmed so that
 *   - add(doc) only registers the document's fields in Material's highlight table, filled
 *     from the prebuilt table (scripts/search/prebuild.js), instead of tokenizing it,
 *   - build() returns lunr.Index.load(prebuilt index).
 * Material's own search() then answers queries, so results have exactly Material's shape.
 * Without search/index.<lang>.lunr.json it falls back to building in the browser.
 */
"use strict";

(() => {  // no globals: bansou-search.real.js declares its own at top level
const LANG_PREBUILT = new URL(self.location.href).searchParams.get("lang") || "ja";
const searchUrl = (name) => new URL(`../../../search/${name}`, self.location.href).href;
const prebuilt = fetch(searchUrl(`index.${LANG_PREBUILT}.lunr.json`))
  .then((response) => (response.ok ? response.json() : null))
  .catch(() => null);
// The documents are fetched now too, in parallel; bansou-search.real.js gets this response.
const docsUrl = searchUrl(`index.${LANG_PREBUILT}.json`);
const docs = fetch(docsUrl);
const fetchOriginal = self.fetch.bind(self);
self.fetch = (url, ...rest) => (new URL(url, self.location.href).href === docsUrl ? docs : fetchOriginal(url, ...rest));
let loaded = null;
let shimmed = false;

function shimBuilder(lunr) {
  const add = lunr.Builder.prototype.add;
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!loaded) return add.call(this, doc, attributes);
    for (const [name, field] of Object.entries(this._fields)) {
      // Material's extractor makes a fresh lunr.tokenizer.table for (doc, field) in its map
      if (field.extractor(doc) === undefined) continue;
      const rows = loaded.table[`${doc[this._ref]}:${name}`];
      if (rows) lunr.tokenizer.table.push(...rows);
    }
  };
  lunr.Builder.prototype.build = function () {
    return loaded ? lunr.Index.load(loaded.index) : build.call(this);
  };
}

// Shim lunr as soon as Material's worker script (which sets self.lunr) has been imported.
const importScriptsOriginal = self.importScripts.bind(self);
self.importScripts = function (...urls) {
  importScriptsOriginal(...urls);
  if (self.lunr && !shimmed) { shimBuilder(self.lunr); shimmed = true; }
};

// Hold SETUP until the prebuilt index has arrived (it is fetched in parallel with the documents).
const addEventListenerOriginal = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type !== "message") return addEventListenerOriginal(type, listener, options);
  return addEventListenerOriginal(type, async (event) => {
    if (event.data && event.data.type === 0) loaded = await prebuilt;
    return listener(event);
  }, options);
};

})();
importScripts("bansou-search.real.js");
