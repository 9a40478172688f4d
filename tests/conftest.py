"""Shared fixtures: the real site is built once per test session and served on localhost."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-11-25"  # injected "today": tests never read the wall clock


def build_site(project_dir: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BANSOU_TODAY": TODAY, **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                          cwd=project_dir, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A copy of the small fixture project that a test may break."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


TRUST_TODAY = "2030-06-01"  # far enough ahead that the trust fixture's pages are overdue


@pytest.fixture(scope="session")
def trust_site(tmp_path_factory) -> Path:
    """tests/fixtures/trust (outside git) built once, as if today were TRUST_TODAY."""
    from trust_helpers import make_trust_project  # imports this module: load it lazily
    base = tmp_path_factory.mktemp("trust")
    project = make_trust_project(base / "project")
    site = base / "site"
    result = build_site(project, site, {"BANSOU_TODAY": TRUST_TODAY})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return site


@contextmanager
def serve(directory: Path, handler_class: type = _QuietHandler):
    """Serve a built site on 127.0.0.1 (a free port) and yield its base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with serve(built_site) as url:
        yield url


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium. Missing Chromium is a failure, never a silent skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test must run: a skip is turned into a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped ({report.longrepr}): browser tests must run"
