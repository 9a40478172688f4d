"""The case index page: every case as a plain server-rendered list (complete without
JavaScript), plus a facet filter form that casebook.js reveals and drives in the browser."""
from __future__ import annotations

from html import escape

from ..features.casebook.facets import (BROWSE_FACETS, case_values, facet_label, facet_values, sorted_cases,
                                        value_label)
from ..ui import t


def _sep(lang: str) -> str:
    return "、" if lang in ("ja", "ej", "zh") else ", "


def _filter_form(project, lang: str) -> list[str]:
    cases = sorted_cases(project)
    out = ['<form class="bansou-cb-filter" hidden aria-labelledby="bansou-cb-filter-title">',
           f'<p class="bansou-cb-filter__title" id="bansou-cb-filter-title">{escape(t("casebook_filter_title", lang))}</p>',
           f'<p class="bansou-cb-filter__help">{escape(t("casebook_filter_help", lang))}</p>',
           '<div class="bansou-cb-facets">']
    for facet in BROWSE_FACETS:
        name = escape(facet_label(project, facet, lang))
        out.append(f'<details class="bansou-cb-facet" data-facet="{facet}"><summary>{name}'
                   f' <span class="bansou-cb-facet__on"></span></summary>')
        out.append(f'<fieldset><legend>{name}</legend>')
        for value in facet_values(project, facet):
            n = sum(1 for c in cases if value in case_values(c, facet))
            out.append(f'<label class="bansou-cb-opt"><input type="checkbox" name="{facet}" value="{escape(value)}">'
                       f'<span class="bansou-cb-opt__label">{escape(value_label(project, facet, value, lang))}</span>'
                       f' <span class="bansou-cb-opt__n">({n})</span></label>')
        out.append("</fieldset></details>")
    out.append("</div>")
    out.append(f'<button type="button" class="md-button bansou-cb-clear">{escape(t("casebook_filter_clear", lang))}</button>')
    out.append("</form>")
    return out


def _item(project, case, lang: str) -> str:
    name = case.site_path.split("/")[-1]
    data = " ".join(f'data-{f}="{escape(" ".join(case_values(case, f)))}"' for f in BROWSE_FACETS)
    meta = [value_label(project, "year", str(case.year), lang)]
    for facet in ("region", "residence_status", "issue_areas", "outcome"):
        labels = [value_label(project, facet, v, lang) for v in case.values(facet)]
        if labels:
            meta.append(_sep(lang).join(labels))
    return (f'<li class="bansou-cb-item" id="{escape(case.id)}" {data}>'
            f'<a class="bansou-cb-item__title" href="{escape(name)}/">{escape(case.title_in(lang))}</a>'
            f'<span class="bansou-cb-item__meta">{escape(" · ".join(meta))}</span></li>')


def index_markdown(project, lang: str) -> str:
    cases = sorted_cases(project)
    facet_links = " · ".join(f"[{facet_label(project, f, lang)}](facets/{f}.md)" for f in BROWSE_FACETS)
    out = [f"# {t('casebook_title', lang)}", "", t("casebook_intro", lang), "",
           f"- [{t('casebook_monitoring_link', lang)}](monitoring.md)",
           f"- [{t('casebook_browse_facets', lang)}](facets/index.md): {facet_links}", ""]
    status = escape(t("casebook_filter_status", lang))
    # data-pii="skip": titles and vocabulary labels, already scanned in their sources
    block = [f'<div class="bansou-cb" data-status="{status}" data-pii="skip">']
    block += _filter_form(project, lang)
    block.append(f'<p class="bansou-cb-status" role="status" aria-live="polite">{escape(t("case_count", lang, n=len(cases)))}</p>')
    block.append('<ul class="bansou-cb-list">')
    block += [_item(project, c, lang) for c in cases]
    block.append("</ul>")
    block.append(f'<p class="bansou-cb-empty" hidden>{escape(t("casebook_filter_empty", lang))}</p>')
    block.append("</div>")
    return "\n".join(out + block) + "\n"
