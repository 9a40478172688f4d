/* Handbook features in the reader's browser: glossary popovers (hover, focus, tap; Esc closes),
 * the checklist print button and clickable checklist boxes. No network; every label comes from
 * data attributes written at build time in the reader's language. */
(function () {
  "use strict";

  var popover = null;   // the one popover element
  var current = null;   // the term it belongs to
  var pinned = false;   // opened by a click/tap: stays until closed
  var hideTimer = null;

  function build() {
    popover = document.createElement("div");
    popover.className = "bansou-popover";
    popover.id = "bansou-popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.innerHTML = '<p class="bansou-popover__title"></p><p class="bansou-popover__def"></p>' +
      '<a class="bansou-popover__more"></a><button type="button" class="bansou-popover__close">×</button>';
    popover.querySelector("button").addEventListener("click", function () { hide(true); });
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", function () { if (!pinned) scheduleHide(); });
    document.body.appendChild(popover);
  }

  function place(term) {
    var r = term.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(term, pin) {
    clearTimeout(hideTimer);
    if (!popover) build();
    if (current && current !== term) current.setAttribute("aria-expanded", "false");
    current = term;
    pinned = !!pin;
    popover.querySelector(".bansou-popover__title").textContent = term.dataset.termTitle || term.textContent;
    popover.querySelector(".bansou-popover__def").textContent = term.dataset.termDef || "";
    var more = popover.querySelector(".bansou-popover__more");
    more.textContent = term.dataset.termMore || "";
    more.href = term.dataset.termHref || "#";
    var close = popover.querySelector(".bansou-popover__close");
    close.setAttribute("aria-label", term.dataset.termClose || "");
    close.title = term.dataset.termClose || "";
    popover.hidden = false;
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-describedby", "bansou-popover");
    place(term);
  }

  function hide(returnFocus) {
    clearTimeout(hideTimer);
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    pinned = false;
    if (current) {
      current.setAttribute("aria-expanded", "false");
      current.removeAttribute("aria-describedby");
      if (returnFocus) current.focus();
    }
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { hide(false); }, 250);
  }

  function termOf(event) {
    return event.target.closest ? event.target.closest(".bansou-term") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var term = termOf(e);
    if (term && !(pinned && current !== term)) show(term, pinned && current === term);
  });
  document.addEventListener("mouseout", function (e) {
    var term = termOf(e);
    if (term && term === current && !pinned && !term.contains(e.relatedTarget)) scheduleHide();
  });
  document.addEventListener("focusin", function (e) {
    var term = termOf(e);
    if (term) { if (term !== current) show(term, false); return; }
    if (popover && !popover.contains(e.target) && !pinned) hide(false);
  });
  document.addEventListener("focusout", function (e) {
    var term = termOf(e);
    if (term && term === current && !pinned && !(popover && popover.contains(e.relatedTarget))) scheduleHide();
  });
  document.addEventListener("click", function (e) {
    var term = termOf(e);
    if (term) {
      // a tap: focus or hover already opened it, the click pins it; a second tap closes it
      if (current === term && pinned) hide(false); else show(term, true);
      return;
    }
    if (popover && !popover.hidden && !popover.contains(e.target)) hide(false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && popover && !popover.hidden) { hide(true); return; }
    var term = termOf(e);
    if (term && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      if (current === term && pinned) hide(false); else show(term, true);
    }
  });
  window.addEventListener("resize", function () { if (current && popover && !popover.hidden) place(current); });

  // checklists: a print button, and boxes a reader can tick on screen (they print empty)
  function initChecklists() {
    document.querySelectorAll("[data-bansou-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".bansou-checklist .task-list-control input[type=checkbox]").forEach(function (box) {
      box.disabled = false;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initChecklists);
  else initChecklists();
})();
