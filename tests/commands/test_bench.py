"""`bansou bench`: the synthetic project generator, the size measurements and the JSON shape.

No timing is asserted here: timings depend on the machine. Budgets are computed and reported only.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import yaml

from bansou.bench import measure
from bansou.bench.generate import PAGES_PER_SECTION, PARTS, generate, layout, real_article_count
from bansou.bench.run import run_bench
from bansou.commands import COMMANDS
from bansou.commands.bench import table
from bansou.project import load_project

ROOT = Path(__file__).resolve().parents[2]


def _config(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_generated_project_passes_check_with_translations(tmp_path):
    syn = generate(ROOT, tmp_path / "p", 0.25, ["ja", "ej", "en"])
    assert syn.articles == round(0.25 * real_article_count(ROOT))
    assert syn.translations == 2 * syn.articles
    project = load_project(syn.root)
    assert [f for f in project.findings if f.severity == "error"] == []
    generated = [p for p in project.articles if "/" in p]
    assert len(generated) == syn.articles
    doc = project.articles[generated[0]]
    assert set(doc.translations) == {"ej", "en"}
    body = (syn.root / "docs" / f"{generated[0]}.md").read_text(encoding="utf-8")
    assert "## " in body and "](" in body and "合成" in body  # headings, links, clearly synthetic


def test_bare_config_has_no_bansou_plugin_and_no_main_html(tmp_path):
    syn = generate(ROOT, tmp_path / "p", 0.1, ["ja", "en"])
    ours, bare = _config(syn.root / "mkdocs.yml"), _config(syn.root / "mkdocs-bare.yml")
    assert "- bansou" in ours and "- bansou" not in bare
    assert "custom_dir: overrides-bare" in bare
    # bare reads docs-bare/: docs/ plus our generated pages as plain files
    assert "docs_dir: docs-bare" in bare and "docs_dir: docs\n" in ours
    extra = load_project(syn.root).extra_pages
    assert syn.extra_pages == len(extra) > 0
    assert all((syn.root / "docs-bare" / page.src_uri).is_file() for page in extra)
    assert (syn.root / "docs-bare" / "finding-codes.en.md").is_file()
    assert not (syn.root / "overrides-bare" / "main.html").exists()
    # the toc slugify (a python tag) survives the rewrite
    assert "!!python/object/apply:pymdownx.slugs.slugify" in bare
    locales = [x["locale"] for x in yaml.load(bare, Loader=yaml.BaseLoader)["plugins"][-1]["i18n"]["languages"]]
    assert locales == ["ja", "en"]


def _nav_shape(nav: list) -> dict[str, list]:
    """{part label: [page count, or {sub-section label: page count}]}."""
    def entry(e):
        return 1 if isinstance(e, str) else {k: len(v) for k, v in e.items()}
    return {k: [entry(e) for e in v] for item in nav[1:] for k, v in item.items()}


def test_nav_keeps_eight_parts_and_nests_a_part_over_twelve_pages():
    flat = _nav_shape(layout(48)[1])
    assert len(flat) == len(PARTS) and all(entries == [1] * 6 for entries in flat.values())
    paths, nav = layout(30 * 48)
    shape = _nav_shape(nav)
    assert len(shape) == len(PARTS)  # 30x still has 8 top-level parts
    assert len(paths) == len(set(paths)) == 30 * 48
    part_a = shape["合成パート A"]
    assert len(part_a) == 15 and all(len(s) == 1 and list(s.values())[0] <= PAGES_PER_SECTION for s in part_a)
    assert paths[0] == "a/s01/p01"  # one folder per sub-section


def test_generated_nested_project_links_resolve(tmp_path):
    syn = generate(ROOT, tmp_path / "p", 2.1, ["ja"])  # 101 articles: 13 or 12 per part
    nav = yaml.load(_config(syn.root / "mkdocs.yml"), Loader=yaml.BaseLoader)["nav"]
    assert _nav_shape(nav)["合成パート A"] == [{"合成セクション A-1": 7}, {"合成セクション A-2": 6}]
    assert _nav_shape(nav)["合成パート H"] == [1] * 12
    body = (syn.root / "docs" / "a" / "s01" / "p01.md").read_text(encoding="utf-8")
    assert "](../../" in body  # links between sub-section folders
    assert [f for f in load_project(syn.root).findings if f.severity == "error"] == []


def _fake_site(root: Path) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "main.css").write_text("body{color:red}" * 100, encoding="utf-8")
    (site / "assets" / "app.js").write_text("console.log(1);" * 100, encoding="utf-8")
    page = site / "residence" / "residence-card" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html><head><link rel="stylesheet" href="../../assets/main.css">'
                    '<link href="https://cdn.example.invalid/x.css" rel="stylesheet">'
                    '<script src="../../assets/app.js"></script></head><body>' + "あ" * 300 + "</body></html>",
                    encoding="utf-8")
    (site / "index.html").write_text("<html>top</html>", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "index.ja.json").write_text('{"docs": []}', encoding="utf-8")
    (site / "search" / "index.pt-BR.json").write_text('{"docs": [1]}', encoding="utf-8")
    return site


def test_size_measurements_on_a_tiny_site(tmp_path):
    site = _fake_site(tmp_path)
    page = site / "residence" / "residence-card" / "index.html"
    stats = measure.html_stats(site)
    assert stats.pages == 2
    assert stats.max_bytes == page.stat().st_size
    assert stats.max_page == "residence/residence-card/index.html"
    assert measure.site_bytes(site) == sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert measure.search_index_bytes(site) == {"ja": 12, "pt-BR": 13}
    assert measure.gzip_bytes(page) == len(gzip.compress(page.read_bytes(), mtime=0))
    tr = measure.transfer(site, page)
    assert tr.assets == ["assets/main.css", "assets/app.js"]  # the external stylesheet is not counted
    assert tr.repeat_visit_gzip_bytes == measure.gzip_bytes(page)
    assert tr.first_visit_gzip_bytes == sum(measure.gzip_bytes(site / a) for a in tr.assets) + tr.repeat_visit_gzip_bytes


def test_json_shape_on_tiny_scales(tmp_path):
    site = _fake_site(tmp_path)
    result = run_bench(ROOT, quick=True, real_site=site, factors=[0.05, 0.05, 0.1], languages=["ja", "en"],
                       work=tmp_path / "work", rounds=1)
    json.dumps(result)  # one JSON object
    for key in ("overhead_ratio", "cpu_overhead_ratio", "seconds_per_page", "check_seconds", "pii_chars_per_second",
                "site_bytes", "html_bytes_per_page_max", "html_bytes_per_page_median", "search_index_bytes",
                "preview_rebuild_seconds", "html_bytes_per_page_median_at_30x", "scales", "budgets"):
        assert key in result, key
    assert [s["languages"] for s in result["scales"]] == [["ja", "en"], ["ja"], ["ja"]]
    assert set(result["seconds_per_page"]) == {"0.05x", "0.1x"}
    first = result["scales"][0]
    assert first["pages_built"] > first["articles"] and first["translation_files"] == first["articles"]
    # both builds rendered the very same pages, generated ones included
    built = tmp_path / "work" / "1-x0.05"
    ours, bare = measure.page_names(built / "site"), measure.page_names(built / "site-bare")
    assert ours == bare and {"changes/index.html", "en/finding-codes/index.html"} <= ours
    assert all(s["same_pages"] and s["pages_built"] == s["bare_pages_built"] for s in result["scales"])
    assert result["same_pages"] is True
    for s in result["scales"]:
        assert s["cpu_seconds"] > 0 and s["bare_cpu_seconds"] > 0 and s["cpu_overhead_ratio"] > 0
    # the budget is judged on the builds in every language; one-language builds are reported apart
    assert result["overhead_ratio"] == first["overhead_ratio"]
    assert result["cpu_overhead_ratio"] == first["cpu_overhead_ratio"]
    assert result["single_language_overhead_ratio"] == max(s["overhead_ratio"] for s in result["scales"][1:])
    assert "single_language_overhead_ratio=" in table(result)
    assert result["preview_rebuild_cpu_seconds"] > 0
    assert "cpu_overhead_ratio=" in table(result)  # the text report formats every new key
    assert set(first["search_index_bytes"]) == {"ja", "en"}
    assert result["search_index_bytes"] == {"ja": 12, "pt-BR": 13}
    assert set(result["budgets"]) == {"overhead_ratio", "html_bytes_per_article_page_max_at_30x",
                                      "search_index_bytes_per_language", "first_visit_gzip_bytes",
                                      "repeat_visit_gzip_bytes", "html_per_page_flat"}
    assert result["html_bytes_per_page_median_at_30x"]["estimated"] is True
    assert result["html_bytes_per_article_page_max_at_30x"]["estimated"] is True
    # page size is judged on articles; the largest page (a reference page) is named
    for s in result["scales"]:
        assert 0 < s["html_bytes_per_article_page_median"] <= s["html_bytes_per_article_page_max"] <= s["html_bytes_per_page_max"]
        assert s["html_max_page"].endswith("index.html") and s["rounds"] == 1
        assert s["build_seconds_each"] == [s["build_seconds"]] and s["bare_build_seconds_each"] == [s["bare_build_seconds"]]
        assert s["warm_build_seconds"] > 0 and s["warm_overhead_ratio"] > 0
    assert "warm_overhead_ratio=" in table(result) and "largest page:" in table(result)
    assert f"ours {first['build_seconds']})" in table(result)  # every round is shown
    grew = result["page_growth_max"]  # a page built at both scales, measured at both
    last = tmp_path / "work" / "3-x0.1" / "site"
    assert grew["small_bytes"] == (built / "site" / grew["page"]).stat().st_size
    assert grew["large_bytes"] == (last / grew["page"]).stat().st_size
    over = result["pages_over_limit_at_largest"]
    assert over["count"] == sum(1 for p in measure.html_pages(last) if p.stat().st_size > 60 * 1024
                                and (built / "site" / p.relative_to(last)).exists())
    assert "grew most" in table(result)
    assert all(isinstance(b["pass"], bool) for b in result["budgets"].values())
    assert result["budgets"]["search_index_bytes_per_language"]["pass"] is True


def test_article_pages_are_the_synthetic_articles_in_any_language():
    from bansou.bench.run import is_article_page
    assert is_article_page("a/p01/index.html") and is_article_page("en/c/s02/p12/index.html")
    assert is_article_page("pt-BR/h/p03/index.html")
    assert not is_article_page("finding-codes/index.html") and not is_article_page("en/casebook/index.html")


def test_bench_is_a_registered_command():
    from bansou.cli import build_parser
    assert "bench" in COMMANDS
    args = build_parser().parse_args(["bench", "--quick", "--json", "--scales", "1,10,30", "--rounds", "3"])
    assert args.quick and args.json and args.scales == "1,10,30" and args.rounds == 3


def test_quick_plan_is_every_language_first_then_japanese_only():
    from bansou.bench.run import plan
    quick = plan(["ja", "en", "zh"], quick=True)
    assert [(s.factor, s.languages, s.translated_fraction) for s in quick.scales] == [
        (1, ["ja", "en", "zh"], 1.0), (3, ["ja"], 0.0), (10, ["ja"], 0.0)]
    assert [s.factor for s in plan(["ja", "en"], quick=False).scales] == [1, 10, 30]
