"""`bansou serve --lang X`: a one-language build for quick previews (built, not served, here)."""
from __future__ import annotations

import os
import subprocess
import sys



def preview(project, site, lang):
    return subprocess.run([sys.executable, "-m", "bansou.cli", "serve", "--lang", lang, "--build-only", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BANSOU_TODAY": "2026-11-25"})


def test_default_language_only(mini_project, tmp_path):
    site = tmp_path / "site"
    result = preview(mini_project, site, "ja")
    assert result.returncode == 0, result.stderr[-3000:]
    assert '<html lang="ja"' in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "en").exists()
    assert "申請の流れ" in (site / "poverty/assistance/index.html").read_text(encoding="utf-8")
    assert not list(mini_project.glob(".bansou-preview-*"))  # the temporary config is gone


def test_translation_preview_builds_only_that_language_besides_the_default(mini_project, tmp_path):
    site = tmp_path / "site"
    result = preview(mini_project, site, "en")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "en/poverty/assistance/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "How to apply" in page
    # with the real configuration: every other translation is switched off
    from bansou.commands.serve import preview_plugins
    from conftest import ROOT
    i18n = next(p["i18n"] for p in preview_plugins(ROOT / "mkdocs.yml", "vi") if isinstance(p, dict) and "i18n" in p)
    assert {x["locale"] for x in i18n["languages"] if x["build"]} == {"ja", "vi"}
    assert len(i18n["languages"]) == 11
    ja_only = next(p["i18n"] for p in preview_plugins(ROOT / "mkdocs.yml", "ja") if isinstance(p, dict) and "i18n" in p)
    assert ja_only["build_only_locale"] == "ja"


def test_unknown_language_is_explained(mini_project):
    result = subprocess.run([sys.executable, "-m", "bansou.cli", "serve", "--lang", "fr", "--build-only", "x"],
                            cwd=mini_project, capture_output=True, text=True)
    assert result.returncode == 2 and "ja, en" in result.stderr and "Traceback" not in result.stderr


def test_makefile_and_readme_mention_the_preview():
    from conftest import ROOT
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "preview:" in makefile and "serve --lang" in makefile
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("make preview LANG=") >= 2 and "mkdocs serve" in readme
