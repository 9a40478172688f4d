// Furigana switch on Easy Japanese pages; the choice is remembered in this browser only.
(function () {
  "use strict";
  var KEY = "bansou.furigana";
  var root = document.documentElement;
  function apply(off) {
    root.classList.toggle("bansou-no-furigana", off);
    document.querySelectorAll(".bansou-furigana-toggle").forEach(function (button) {
      button.textContent = off ? button.dataset.labelOn : button.dataset.labelOff;
      button.setAttribute("aria-pressed", off ? "true" : "false");
    });
  }
  function stored() {
    try { return localStorage.getItem(KEY) === "off"; } catch (e) { return false; }
  }
  function init() {
    apply(stored());
    document.querySelectorAll(".bansou-furigana-toggle").forEach(function (button) {
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        var off = !root.classList.contains("bansou-no-furigana");
        try { localStorage.setItem(KEY, off ? "off" : "on"); } catch (e) { /* private mode */ }
        apply(off);
      });
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(init);  // Material's instant navigation
  else document.addEventListener("DOMContentLoaded", init);
})();
