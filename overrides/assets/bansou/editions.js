/* Switching edition (mike's version selector) keeps the language and the page.
 *
 * Material looks the current page up in the other edition's sitemap.xml, but without
 * `site_url` that sitemap holds "None…" URLs, so it always falls back to the edition's
 * home page (in Japanese). Here we ask the other edition for the same path, then for
 * each parent path (the section, the language's home page), and go to the first one
 * that exists. Same origin only; nothing is sent anywhere else.
 */
(function () {
  "use strict";
  var el = document.getElementById("__config");
  if (!el) return;
  var config;
  try { config = JSON.parse(el.textContent); } catch (e) { return; }
  if (!config.version || config.version.provider !== "mike") return;
  var root = new URL(config.base, location.href); // this edition's root, e.g. /2025/
  if (!/\/$/.test(root.pathname)) root = new URL(root.pathname + "/", root);

  function candidates(target) {
    var rest = location.pathname.indexOf(root.pathname) === 0 ? location.pathname.slice(root.pathname.length) : "";
    var parts = rest.split("/").filter(Boolean);
    if (parts[parts.length - 1] === "index.html") parts.pop();
    var out = [];
    for (var n = parts.length; n > 0; n--) {
      var last = parts[n - 1];
      out.push(new URL(parts.slice(0, n).join("/") + (/\.html$/.test(last) ? "" : "/"), target).href);
    }
    return out;
  }

  function exists(url) {
    return fetch(url, { method: "HEAD", cache: "no-store", credentials: "same-origin" })
      .then(function (res) {
        if (res.status === 405 || res.status === 501) { // a server without HEAD
          return fetch(url, { cache: "no-store", credentials: "same-origin" }).then(function (r) { return r.ok; });
        }
        return res.ok;
      })
      .catch(function () { return false; });
  }

  function firstExisting(urls, fallback) {
    if (!urls.length) return Promise.resolve(fallback);
    return exists(urls[0]).then(function (ok) { return ok ? urls[0] : firstExisting(urls.slice(1), fallback); });
  }

  document.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var link = ev.target instanceof Element ? ev.target.closest(".md-version a[href]") : null;
    if (!link) return;
    var target = new URL(link.href, location.href);
    if (target.origin !== location.origin) return;
    ev.preventDefault();
    ev.stopPropagation(); // capture phase: Material's own handler on <body> does not run
    if (target.href === root.href) return;
    var urls = candidates(target);
    firstExisting(urls, target.href).then(function (url) {
      location.href = url === urls[0] ? url + location.hash : url;
    });
  }, true);
})();
