#!/usr/bin/env python3
"""Search index built in the browser (A, the site as built) vs prebuilt at build time (B).

B = scripts/search/prebuild.js (Material's own worker run in Node, its lunr index and
highlight table serialised to search/index.<lang>.lunr.json) + the prototype worker
scripts/search/prebuilt-worker.js, served in place of our worker. The built site is not
changed: B's files are served from a temporary overlay directory.

Per run: a fresh browser context (cold cache) on a 4x CPU-throttled Chromium
(CDP Emulation.setCPUThrottlingRate), the page loaded, the query typed with page.fill right
after the load event (plus the keyup Material listens for); measured in the page: time from the
input event to the first
.md-search-result__item, and from navigation start; counted at the server: bytes sent for
search (search/*.json, the lunr scripts, the workers).

    python scripts/search_prebuilt_bench.py --site DIR [--runs 5] [--rate 4] [--json]
Without --site the site is built into a temporary directory first.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREBUILD = ROOT / "scripts" / "search" / "prebuild.js"
PREBUILT_WORKER = ROOT / "scripts" / "search" / "prebuilt-worker.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CASES = {"ja": ("/", "生活保護の申請"), "en": ("/en/", "public assistance")}
WORKER = "/assets/javascripts/workers/bansou-search.js"
SEARCH_BYTES = ("/search/", "/assets/javascripts/lunr/", "/assets/javascripts/workers/")

# Installed before any page script: records when the query is typed and when the first
# result appears (performance.now(), milliseconds since navigation start).
TIMING_SCRIPT = """
window.__bench = {input: null, result: null, setup: null, ready: null};
// Material's page talks to the search worker: note when SETUP goes out and READY comes back.
const PageWorker = window.Worker;
window.Worker = function (url, options) {
  const worker = new PageWorker(url, options);
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message, ...rest) => {
    if (message && message.type === 0 && window.__bench.setup === null) window.__bench.setup = performance.now();
    return post(message, ...rest);
  };
  worker.addEventListener("message", (event) => {
    if (event.data && event.data.type === 1 && window.__bench.ready === null) window.__bench.ready = performance.now();
  });
  return worker;
};
window.Worker.prototype = PageWorker.prototype;
document.addEventListener("input", () => { if (window.__bench.input === null) window.__bench.input = performance.now(); }, true);
new MutationObserver(() => {
  if (window.__bench.result === null && document.querySelector(".md-search-result__item"))
    window.__bench.result = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


class Counter:
    """Bytes the server sent for search, per path, since the last reset."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: dict[str, int] = {}

    def add(self, path: str, size: int) -> None:
        if path.startswith(SEARCH_BYTES):
            with self.lock:
                self.sent[path] = self.sent.get(path, 0) + size

    def take(self) -> dict[str, int]:
        with self.lock:
            sent, self.sent = self.sent, {}
        return sent


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; with an overlay, files in the overlay win (variant B)."""

    overlay: Path | None = None
    counter: Counter

    def translate_path(self, path: str) -> str:
        local = super().translate_path(path)
        if self.overlay is not None:
            rel = Path(local).relative_to(self.directory)
            if (self.overlay / rel).is_file():
                return str(self.overlay / rel)
        return local

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.counter.add(self.path.split("?")[0], len(data))

    def log_message(self, *args) -> None:
        pass


def serve(site: Path, overlay: Path | None, counter: Counter):
    handler = type("H", (Handler,), {"overlay": overlay, "counter": counter})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def make_overlay(site: Path, overlay: Path, langs: list[str]) -> list[dict]:
    """B's files: the prebuilt indexes and the prototype worker (ours kept as .real.js)."""
    (overlay / "search").mkdir(parents=True)
    workers = overlay / "assets" / "javascripts" / "workers"
    shutil.copytree(site / "assets" / "javascripts", overlay / "assets" / "javascripts")
    for lang in langs:
        shutil.copy(site / "search" / f"index.{lang}.json", overlay / "search")
    out = subprocess.run(["node", str(PREBUILD), str(overlay), *langs], capture_output=True, text=True, check=True)
    shutil.copy(workers / "bansou-search.js", workers / "bansou-search.real.js")
    shutil.copy(PREBUILT_WORKER, workers / "bansou-search.js")
    for lang in langs:  # only the prebuilt files and workers differ from the site
        (overlay / "search" / f"index.{lang}.json").unlink()
    return [json.loads(line) for line in out.stdout.splitlines()]


def gzip_size(files: list[Path]) -> int:
    return sum(len(gzip.compress(f.read_bytes(), compresslevel=6)) for f in files if f.is_file())


def run_once(browser, url: str, query: str, rate: float, counter: Counter) -> dict:
    # service workers blocked: the offline feature's precaching would add its own downloads and load
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        page.on("requestfailed", lambda r: messages.append(f"failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and messages.append(f"{r.status}: {r.url}"))
        page.add_init_script(TIMING_SCRIPT)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        counter.take()
        page.goto(url, wait_until="load")
        page.fill("input[data-md-component=search-query]", query)
        # Material reads the query on keyup, focus and worker READY, not on input: if READY came
        # before fill, nothing would be sent. A real keyboard sends keyup; so do we.
        page.dispatch_event("input[data-md-component=search-query]", "keyup")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=60_000)
        except Exception as err:
            raise RuntimeError(f"no search result on {url}:\n" + "\n".join(messages)) from err
        page.wait_for_function("window.__bench.result !== null")
        timing = page.evaluate("window.__bench")
        sent = counter.take()
        return {"first_result_ms": timing["result"] - timing["input"], "from_navigation_ms": timing["result"],
                "setup_to_ready_ms": timing["ready"] - timing["setup"],
                "search_bytes": sum(sent.values()), "files": sorted(sent)}
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=4.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="prebuilt-bench-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
        langs = list(CASES)
        overlay = Path(tmp) / "overlay"
        sizes = {s["lang"]: s for s in make_overlay(site, overlay, langs)}
        counter = Counter()
        servers = {"A": serve(site, None, counter), "B": serve(site, overlay, counter)}
        results: dict = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for lang, (path, query) in CASES.items():
                for _ in range(args.runs):  # A and B alternate, so a load spike on the machine hits both
                    for variant, (_, base) in servers.items():
                        run = run_once(browser, base + path, query, args.rate, counter)
                        results.setdefault(lang, {}).setdefault(variant, []).append(run)
            browser.close()
        for _, (server, _) in servers.items():
            server.shutdown()

        summary = {}
        for lang, variants in results.items():
            summary[lang] = {"index_sizes": sizes[lang]}
            for variant, runs in variants.items():
                files = runs[0]["files"]
                roots = {"A": [site], "B": [overlay, site]}[variant]
                paths = [next((r / f.lstrip("/") for r in roots if (r / f.lstrip("/")).is_file()), roots[-1] / f.lstrip("/"))
                         for f in files]
                summary[lang][variant] = {
                    "first_result_ms_median": round(statistics.median(r["first_result_ms"] for r in runs)),
                    "first_result_ms_runs": [round(r["first_result_ms"]) for r in runs],
                    "from_navigation_ms_median": round(statistics.median(r["from_navigation_ms"] for r in runs)),
                    "setup_to_ready_ms_median": round(statistics.median(r["setup_to_ready_ms"] for r in runs)),
                    "search_bytes": runs[0]["search_bytes"],
                    "search_bytes_gzip": gzip_size(paths),
                    "files": files,
                }
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(f"CPU throttling {args.rate}x, {args.runs} cold runs each, medians")
    for lang, s in summary.items():
        z = s["index_sizes"]
        print(f"[{lang}] index.{lang}.json {z['json_bytes']:,} B (gzip {z['json_gzip']:,}); "
              f"index.{lang}.lunr.json {z['lunr_bytes']:,} B (gzip {z['lunr_gzip']:,})")
        for v in ("A", "B"):
            r = s[v]
            print(f"  {v}: first result {r['first_result_ms_median']} ms after typing {r['first_result_ms_runs']}, "
                  f"{r['from_navigation_ms_median']} ms after navigation, worker SETUP→READY "
                  f"{r['setup_to_ready_ms_median']} ms; search bytes {r['search_bytes']:,} "
                  f"(gzip {r['search_bytes_gzip']:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
