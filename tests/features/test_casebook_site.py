"""The casebook in the real built site (every language): generated pages and downloads."""
from __future__ import annotations

import json

LANGS = ("ja", "ej", "en", "zh", "vi", "tl", "ne", "id", "pt-BR", "es", "my")


def prefix(lang: str) -> str:
    return "" if lang == "ja" else f"{lang}/"


def test_every_language_has_index_monitoring_facets_and_downloads(built_site):
    for lang in LANGS:
        base = built_site / prefix(lang) / "casebook"
        index = (base / "index.html").read_text(encoding="utf-8")
        assert index.count('class="bansou-cb-item"') == 16, lang
        monitoring = (base / "monitoring/index.html").read_text(encoding="utf-8")
        assert monitoring.count('role="img"') == 4 and "<desc id=" in monitoring, lang
        for facet in ("issue_areas", "systems", "residence_status", "region", "outcome", "barriers", "year"):
            assert (base / "facets" / facet / "index.html").exists(), (lang, facet)
        data = json.loads((base / "monitoring/casebook-monitoring.json").read_text(encoding="utf-8"))
        assert data["language"] == lang and data["case_count"] == 16
        assert (base / "monitoring/casebook-monitoring.csv").read_text(encoding="utf-8-sig").startswith("table,")


def test_case_pages_carry_the_notice_in_the_readers_language(built_site):
    ja = (built_site / "casebook/case-005/index.html").read_text(encoding="utf-8")
    vi = (built_site / "vi/casebook/case-005/index.html").read_text(encoding="utf-8")
    assert "この事例は研修用の創作事例です" in ja and "bansou-cb-facts" in ja
    assert "Đây là tình huống hư cấu" in vi and 'href="../facets/region/#v-kanto"' in vi


def test_handbook_pages_list_their_cases(built_site):
    en = (built_site / "en/health/free-low-cost-clinics/index.html").read_text(encoding="utf-8")
    assert 'id="bansou-related-cases"' in en and 'href="../../casebook/case-005/"' in en
    zh = (built_site / "zh/poverty/public-assistance/index.html").read_text(encoding="utf-8")
    assert "与本页相关的案例" in zh and 'href="../../casebook/case-001/"' in zh
