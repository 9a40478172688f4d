/*
 * Registers the offline service worker (site root /sw.js) and tells it the reader's
 * language, so the checklists and the search index of that language are kept for use
 * without a network. Nothing happens on file:// (no service workers there).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  var script = document.currentScript;
  if (!script) return;
  var root = new URL("../../", script.src); // assets/bansou/offline.js -> site root
  var lang = "ja";
  try {
    var config = JSON.parse(document.getElementById("__config").textContent);
    lang = new URL(config.search, location.href).searchParams.get("lang") || lang;
  } catch (e) { /* keep the default language */ }

  function visit(worker) {
    var urls = [location.href.split("#")[0]].concat(
      performance.getEntriesByType("resource").map(function (e) { return e.name; }));
    worker.postMessage({ type: "bansou-visit", lang: lang, urls: urls });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "bansou-kept") document.documentElement.dataset.bansouOffline = "ready";
  });
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) { if (registration.active) visit(registration.active); })
    .catch(function () { /* no offline copy: the site still works online */ });
})();
