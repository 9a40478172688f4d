"""The features' CSS and JavaScript reach the site as one file of each kind."""
from __future__ import annotations

import re
from pathlib import Path

from bansou import features
from bansou.assets import bundle
from conftest import ROOT


def _theme(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_one_file_per_kind_in_the_declared_order_without_repeats(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"a/x.css": ".x { color: red }", "a/y.css": ".y { color: blue }",
                              "a/x.js": "(function () { window.x = 1; })()", "a/y.js": "window.y = 2"})
    result = bundle(theme, ["a/y.css", "a/x.js", "a/x.css", "a/y.css", "a/y.js", "a/gone.js"])
    css, js = result.files
    assert css.path.startswith("assets/bansou/bansou.") and css.path.endswith(".css")
    assert css.content.index(".y {") < css.content.index(".x {")
    assert css.content.count(".y {") == 1
    # a script without a final ";" must not run into the next one
    assert "window.x = 1; })()\n;\n/* a/y.js */" in js.content
    assert result.parts == ["a/y.css", "a/x.js", "a/x.css", "a/y.js"]
    assert result.missing == ["a/gone.js"]


def test_the_name_changes_with_the_content(tmp_path: Path) -> None:
    theme = _theme(tmp_path, {"a/x.css": ".x { color: red }"})
    first = bundle(theme, ["a/x.css"]).files[0].path
    (theme / "a/x.css").write_text(".x { color: green }", encoding="utf-8")
    assert bundle(theme, ["a/x.css"]).files[0].path != first
    assert bundle(None, ["a/x.css"]).files == []


def test_the_real_project_ships_every_asset_in_the_bundles(built_site: Path) -> None:
    result = bundle(ROOT / "overrides", features.assets())
    assert result.missing == []
    assert sorted((built_site / "assets/bansou").iterdir()) == sorted(built_site / f.path for f in result.files)
    for file in result.files:
        assert (built_site / file.path).read_text(encoding="utf-8") == file.content
    for page in ("index.html", "en/residence/residence-card/index.html", "ej/casebook/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        ours = re.findall(r'(?:href|src)="[./]*(assets/bansou/[^"]+)"', html)
        assert sorted(ours) == sorted(f.path for f in result.files), page
