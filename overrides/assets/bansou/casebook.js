/* Casebook index: facet filters in the browser. The server-rendered list is complete
   without this script; it reveals the filter form, hides non-matching cases, updates the
   counts per value, and keeps the filter in the query string (?facet=a,b) so a filtered
   view can be shared and is restored on load. No network, no inline handlers. */
(function () {
  "use strict";

  function init() {
    var root = document.querySelector(".bansou-cb");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var form = root.querySelector(".bansou-cb-filter");
    var items = Array.prototype.slice.call(root.querySelectorAll(".bansou-cb-item"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var status = root.querySelector(".bansou-cb-status");
    var empty = root.querySelector(".bansou-cb-empty");
    var facets = [];
    boxes.forEach(function (b) { if (facets.indexOf(b.name) < 0) facets.push(b.name); });
    var values = items.map(function (item) {
      var v = {};
      facets.forEach(function (f) {
        v[f] = (item.getAttribute("data-" + f) || "").split(" ").filter(Boolean);
      });
      return v;
    });

    function selected() {
      var sel = {};
      facets.forEach(function (f) { sel[f] = []; });
      boxes.forEach(function (b) { if (b.checked) sel[b.name].push(b.value); });
      return sel;
    }

    // any ticked value within a facet, every facet with a ticked value; `skip` ignores one facet
    function matches(v, sel, skip) {
      return facets.every(function (f) {
        return f === skip || sel[f].length === 0 ||
          sel[f].some(function (x) { return v[f].indexOf(x) >= 0; });
      });
    }

    function query(sel) {
      var parts = [];
      facets.forEach(function (f) {
        if (sel[f].length) parts.push(f + "=" + sel[f].map(encodeURIComponent).join(","));
      });
      return parts.length ? "?" + parts.join("&") : "";
    }

    function update() {
      var sel = selected();
      var shown = 0;
      items.forEach(function (item, i) {
        var ok = matches(values[i], sel, null);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      boxes.forEach(function (b) {
        var n = 0;
        values.forEach(function (v) {
          if (v[b.name].indexOf(b.value) >= 0 && matches(v, sel, b.name)) n += 1;
        });
        var label = b.closest(".bansou-cb-opt");
        label.querySelector(".bansou-cb-opt__n").textContent = "(" + n + ")";
        label.classList.toggle("is-zero", n === 0 && !b.checked);
      });
      form.querySelectorAll(".bansou-cb-facet").forEach(function (d) {
        var on = sel[d.getAttribute("data-facet")] || [];
        d.querySelector(".bansou-cb-facet__on").textContent = on.length ? String(on.length) : "";
      });
      status.textContent = root.getAttribute("data-status")
        .replace("{shown}", String(shown)).replace("{total}", String(items.length));
      empty.hidden = shown !== 0;
      if (window.history && history.replaceState) {
        history.replaceState(history.state, "", location.pathname + query(sel) + location.hash);
      }
    }

    var params = new URLSearchParams(location.search);
    boxes.forEach(function (b) {
      var wanted = (params.get(b.name) || "").split(",");
      if (wanted.indexOf(b.value) >= 0) {
        b.checked = true;
        b.closest("details").open = true;
      }
    });
    form.addEventListener("change", update);
    form.querySelector(".bansou-cb-clear").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      update();
    });
    form.hidden = false;
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
