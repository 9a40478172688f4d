/* Courses: trainer-view switch, quizzes, "done" marks and the progress view.
 * Everything stays in this browser (localStorage); no network, no inline handlers.
 * The trainer view is a display preference, NOT access control. */
(function () {
  "use strict";

  var TRAINER_KEY = "bansou.courses.trainer";
  var PROGRESS_KEY = "bansou.courses.progress";

  function read(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback; // storage disabled or corrupted: behave as a first visit
    }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }

  function progress() {
    var p = read(PROGRESS_KEY, {});
    if (!p || typeof p !== "object") p = {};
    p.done = p.done || {};
    p.quiz = p.quiz || {};
    return p;
  }

  function strings() {
    var holder = document.getElementById("bansou-courses-strings");
    try { return holder ? JSON.parse(holder.getAttribute("data-strings")) : {}; } catch (e) { return {}; }
  }

  function fill(text, params) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in params ? params[k] : m; });
  }

  // -- trainer view

  function applyTrainer(on, S) {
    document.documentElement.classList.toggle("bansou-trainer", on);
    document.querySelectorAll(".bansou-trainer-switch__button").forEach(function (b) {
      b.setAttribute("aria-checked", on ? "true" : "false");
      var state = b.querySelector(".bansou-trainer-switch__state");
      if (state) state.textContent = on ? S.crs_switch_on : S.crs_switch_off;
    });
  }

  function initTrainer(S) {
    applyTrainer(read(TRAINER_KEY, false) === true, S);
    document.querySelectorAll(".bansou-trainer-switch__button").forEach(function (b) {
      if (b.dataset.bound) return;
      b.dataset.bound = "1";
      b.addEventListener("click", function () {
        var on = !document.documentElement.classList.contains("bansou-trainer");
        write(TRAINER_KEY, on);
        applyTrainer(on, S);
      });
    });
  }

  // -- quizzes

  function picked(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return Number(i.value); });
  }

  function showResult(form, chosen, S) {
    var correct = (form.dataset.correct || "").split(",").filter(Boolean).map(Number);
    var verdict = form.querySelector(".bansou-quiz__verdict");
    var explanation = form.querySelector(".bansou-quiz__explanation");
    form.querySelectorAll(".bansou-quiz__option").forEach(function (label) {
      label.classList.remove("is-correct", "is-wrong");
      var mark = label.querySelector(".bansou-quiz__mark");
      if (mark) mark.remove();
    });
    form.classList.remove("is-right", "is-wrong");
    if (!chosen.length) {
      verdict.textContent = S.crs_quiz_pick_first;
      explanation.hidden = true;
      return null;
    }
    var ok = chosen.length === correct.length && chosen.every(function (i) { return correct.indexOf(i) >= 0; });
    form.querySelectorAll(".bansou-quiz__option").forEach(function (label) {
      var i = Number(label.querySelector("input").value);
      if (correct.indexOf(i) >= 0) {
        label.classList.add("is-correct");
        var mark = document.createElement("span");
        mark.className = "bansou-quiz__mark";
        mark.textContent = S.crs_quiz_right_option;
        label.appendChild(mark);
      } else if (chosen.indexOf(i) >= 0) {
        label.classList.add("is-wrong");
      }
    });
    form.classList.add(ok ? "is-right" : "is-wrong");
    verdict.textContent = ok ? S.crs_quiz_correct : S.crs_quiz_wrong;
    explanation.hidden = false;
    return ok;
  }

  function initQuizzes(S) {
    var saved = progress().quiz;
    document.querySelectorAll("form.bansou-quiz").forEach(function (form) {
      if (form.dataset.bound) return;
      form.dataset.bound = "1";
      var id = form.dataset.quizId;
      var previous = saved[id];
      if (previous && Array.isArray(previous.picked)) {
        form.querySelectorAll("input").forEach(function (i) {
          i.checked = previous.picked.indexOf(Number(i.value)) >= 0;
        });
        showResult(form, previous.picked, S);
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = picked(form);
        var ok = showResult(form, chosen, S);
        if (ok === null) return;
        var p = progress();
        p.quiz[id] = { ok: ok, picked: chosen };
        write(PROGRESS_KEY, p);
      });
    });
  }

  // -- done marks

  function renderDone(box, done, S) {
    var button = box.querySelector(".bansou-done__button");
    button.setAttribute("aria-pressed", done ? "true" : "false");
    button.textContent = done ? S.crs_undone_button : S.crs_done_button;
    box.querySelector(".bansou-done__state").textContent = done ? S.crs_done_state : "";
  }

  function initDone(S) {
    document.querySelectorAll(".bansou-done").forEach(function (box) {
      if (box.dataset.bound) return;
      box.dataset.bound = "1";
      var id = box.dataset.module;
      renderDone(box, !!progress().done[id], S);
      box.querySelector(".bansou-done__button").addEventListener("click", function () {
        var p = progress();
        if (p.done[id]) delete p.done[id]; else p.done[id] = true;
        write(PROGRESS_KEY, p);
        renderDone(box, !!p.done[id], S);
      });
    });
  }

  // -- progress view on the course page

  function quizzesOf(p, moduleId) {
    var prefix = moduleId + "-q";
    return Object.keys(p.quiz).filter(function (k) { return k.indexOf(prefix) === 0; });
  }

  function renderProgress(view, S) {
    var p = progress();
    var rows = view.querySelectorAll("tr[data-module]");
    var done = 0;
    rows.forEach(function (row) {
      var id = row.dataset.module;
      var answered = quizzesOf(p, id);
      var right = answered.filter(function (k) { return p.quiz[k].ok; }).length;
      if (p.done[id]) done += 1;
      row.querySelector(".bansou-progress__done").textContent = p.done[id] ? S.crs_yes : S.crs_not_started;
      row.querySelector(".bansou-progress__score").textContent = answered.length
        ? fill(S.crs_score, { right: right, total: row.dataset.quizzes }) : S.crs_not_started;
    });
    view.querySelector(".bansou-progress__summary").textContent =
      fill(S.crs_progress_summary, { done: done, total: rows.length });
  }

  function initProgress(S) {
    document.querySelectorAll(".bansou-progress").forEach(function (view) {
      if (view.dataset.bound) return;
      view.dataset.bound = "1";
      renderProgress(view, S);
      var reset = view.querySelector(".bansou-progress__reset");
      var confirm = view.querySelector(".bansou-progress__confirm");
      reset.addEventListener("click", function () { confirm.hidden = false; confirm.focus(); });
      confirm.addEventListener("click", function () {
        var p = progress();
        view.querySelectorAll("tr[data-module]").forEach(function (row) {
          delete p.done[row.dataset.module];
          quizzesOf(p, row.dataset.module).forEach(function (k) { delete p.quiz[k]; });
        });
        write(PROGRESS_KEY, p);
        confirm.hidden = true;
        renderProgress(view, S);
        view.querySelector(".bansou-progress__summary").textContent += " " + S.crs_progress_cleared;
        reset.focus();
      });
    });
  }

  function init() {
    var S = strings();
    initTrainer(S);
    initQuizzes(S);
    initDone(S);
    initProgress(S);
  }

  // the trainer class is set before the first paint of later pages as early as this script runs
  document.documentElement.classList.toggle("bansou-trainer", read(TRAINER_KEY, false) === true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's page-load stream (also fires with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
