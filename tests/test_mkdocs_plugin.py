"""The MkDocs adapter on the small fixture: what it adds, and that errors stop the build."""
from pathlib import Path
from types import SimpleNamespace

from conftest import build_site


def test_fixture_builds_all_three_sources_in_both_languages(mini_project, tmp_path):
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        for page in ("poverty/assistance", "casebook/case-001", "casebook", "courses",
                     "courses/demo", "courses/demo/m01-basics"):
            assert (site / prefix / page / "index.html").exists(), prefix + page
    en_case = (site / "en/casebook/case-001/index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in en_case and "Fictional case" in en_case
    ja_index = (site / "casebook/index.html").read_text(encoding="utf-8")
    assert "架空の事例" in ja_index and "関東" in ja_index


def test_errors_stop_the_build_with_the_same_findings(mini_project, tmp_path):
    (mini_project / "casebook/case-001.md").write_text("---\ntitle: [壊れた\n---\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(mini_project, site)
    assert result.returncode != 0
    assert "casebook/case-001.md:2" in result.stderr and "[yaml-syntax]" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()


def test_serve_watches_casebook_courses_and_the_theme_directory(mini_project):
    from bansou.mkdocs_plugin import BansouPlugin

    class FakeServer:
        watched: list = []

        def watch(self, path):
            self.watched.append(Path(path).name)

    class FakeConfig:
        config_file_path = str(mini_project / "mkdocs.yml")
        theme = SimpleNamespace(custom_dir=str(mini_project / "overrides"))  # the CSS/JS bundles come from it

    server = BansouPlugin().on_serve(FakeServer(), FakeConfig(), None)
    assert sorted(server.watched) == ["casebook", "courses", "overrides"]


def test_search_entries_come_from_the_search_plugin_or_the_file_it_wrote(tmp_path):
    from bansou.mkdocs_plugin import _search_entries

    entries = [{"location": "a/", "title": "A", "text": "本文"}]
    with_plugin = SimpleNamespace(plugins={"material/search": SimpleNamespace(search_index=SimpleNamespace(
        entries=entries))})
    assert _search_entries(with_plugin, tmp_path) is entries
    without = SimpleNamespace(plugins={})
    assert _search_entries(without, tmp_path) is None  # no index written
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text('{"config":{},"docs":[{"location":"a/","title":"A",'
                                                       '"text":"本文"}]}', encoding="utf-8")
    assert _search_entries(without, tmp_path) == entries
