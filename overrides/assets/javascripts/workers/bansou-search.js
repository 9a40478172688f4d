/*
 * bansou search worker: wraps Material's own search worker (same message protocol).
 *
 * Why: Material loads one search index for every language and does not segment
 * Japanese queries the way it segments the text. This wrapper
 *   - loads the index of the reader's language only (search/index.<lang>.json),
 *   - segments Japanese queries with the same TinySegmenter the index uses and
 *     drops particles (生活保護の申請 → 生活 保護 申請),
 *   - adds the other kana form of kana words (けーすわーかー ↔ ケースワーカー).
 * Page keywords (readings, abbreviations) are in the index's `tags` field.
 */
"use strict";

const params = new URL(self.location.href).searchParams;
const LANG = params.get("lang") || "ja";
const MATERIAL = params.get("material");

// Capture Material's message handler instead of letting it listen directly.
let materialHandler = null;
const addEventListenerOriginal = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type === "message" && materialHandler === null) materialHandler = listener;
  else addEventListenerOriginal(type, listener, options);
};
importScripts(MATERIAL);
self.addEventListener = addEventListenerOriginal;

const SETUP = 0;
const QUERY = 2;
const JAPANESE_SEGMENTED = new Set(["ja", "ej"]);

let segmenter = null;
let stem = null;  // the index's stemmer, for languages whose index is stemmed

// Material adds a trailing wildcard to query terms, and lunr does not stem wildcard
// terms: "provisional*" never meets the indexed stem "provision". Stemming the words
// here first makes the prefix match the stem ("provision*").
function stemWord(word) {
  if (!stem || !/^[\p{L}\p{M}'’]+$/u.test(word) || /[\u3040-\u30ff\u3400-\u9fff]/.test(word)) return word;
  const out = stem(new lunr.Token(word.toLowerCase()));
  return out ? out.toString() : word;
}

function toKatakana(text) {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function toHiragana(text) {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

// Particles and auxiliaries a reader types between words; dropped from queries.
const PARTICLE = /^[\u3041-\u3096]{1,2}$/;

function expandQuery(query) {
  query = query.normalize("NFKC").trim();
  if (!query) return query;
  const words = query.split(/[\s\u3000、。,.]+/).filter(Boolean);
  const out = [];
  for (const word of words) {
    const hasJapanese = /[\u3040-\u30ff\u3400-\u9fff]/.test(word);
    if (!hasJapanese) { out.push(stemWord(word)); continue; }
    const allHiragana = /^[\u3041-\u3096\u30fc]+$/.test(word);
    const allKatakana = /^[\u30a1-\u30f6\u30fc]+$/.test(word);
    // Whole kana words are kept (readings like せいかつほご are page keywords).
    if (allHiragana) {
      out.push(word, toKatakana(word));
      // the index segments kana keywords too (じどうてあて → じどう て あて): match those pieces
      if (segmenter && JAPANESE_SEGMENTED.has(LANG)) {
        for (const seg of segmenter.segment(word)) if (!PARTICLE.test(seg)) out.push(seg);
      }
      continue;
    }
    if (allKatakana) { out.push(word, toHiragana(word)); continue; }
    const segments = segmenter && JAPANESE_SEGMENTED.has(LANG) ? segmenter.segment(word) : [word];
    for (const seg of segments) {
      if (!seg.trim() || PARTICLE.test(seg)) continue;
      out.push(seg);
    }
  }
  // Material re-segments each Han run against the index but never considers a token
  // that ends the run (生活 → 生). A trailing 〇 (also Han, never indexed) moves the end.
  return [...new Set(out)].join(" ").replace(/\p{sc=Han}+/gu, (run) => run + "\u3007");
}

async function loadIndex() {
  const url = new URL(`../../../search/index.${LANG}.json`, self.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search index ${url} ${response.status}`);
  return response.json();
}

addEventListenerOriginal("message", async (event) => {
  const message = event.data;
  if (message && message.type === SETUP) {
    let index = message.data;
    try {
      const own = await loadIndex();
      index = { ...message.data, config: own.config, docs: own.docs };  // keep Material's options
    } catch (err) {
      console.warn("bansou search: falling back to the index Material loaded", err);
    }
    await materialHandler({ data: { type: SETUP, data: index } });
    if (typeof lunr !== "undefined" && lunr.TinySegmenter) segmenter = new lunr.TinySegmenter();
    const config = index.config || {};
    if (typeof lunr !== "undefined" && (config.pipeline || []).includes("stemmer")) {
      const language = (config.lang || [])[0];
      stem = language === "en" ? lunr.stemmer : (lunr[language] && lunr[language].stemmer) || null;
      if (language === "ja") stem = null;  // Japanese is segmented, not stemmed
    }
    return;
  }
  if (message && message.type === QUERY) {
    await materialHandler({ data: { type: QUERY, data: expandQuery(message.data) } });
    return;
  }
  await materialHandler(event);
});
