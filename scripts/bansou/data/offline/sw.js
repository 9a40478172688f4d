/*
 * bansou offline service worker (written to the site root by features/offline.py).
 * One cache per site root and build: a new build (or edition) gets a fresh cache and the
 * old caches of the same site root are deleted; other editions on the host keep theirs.
 * Pages and files are fetched from the network first (readers see updates when online)
 * and kept; without a network the kept copy is served.
 */
"use strict";

const BUILD = "__BANSOU_BUILD__";
const ROOT = new URL("./", self.location).href;
const PREFIX = "bansou:" + ROOT + ":";
const CACHE = PREFIX + BUILD;
const MANIFEST = ROOT + "offline/manifest.json";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function ours(url) {
  return url.startsWith(ROOT);
}

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(urls.filter(ours).map(async (url) => {
    if (await cache.match(url)) return;
    try {
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    } catch (e) { /* offline or gone: try again on the next visit */ }
  }));
}

// A page tells us the reader's language and what it loaded before we controlled it.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "bansou-visit") return;
  event.waitUntil((async () => {
    let precache = [];
    try {
      const manifest = await (await fetch(MANIFEST, { cache: "no-cache" })).json();
      precache = (manifest.languages[data.lang] || []).map((p) => ROOT + p);
    } catch (e) { /* offline: keep what the page sent */ }
    await keep([...(data.urls || []), ...precache]);
    if (event.source) event.source.postMessage({ type: "bansou-kept" });
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === "basic") cache.put(request, response.clone());
      return response;
    } catch (error) {
      const kept = await cache.match(request) || await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      throw error;
    }
  })());
});
