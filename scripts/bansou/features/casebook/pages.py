"""What the casebook adds to pages: the composite notice and facts box on case pages,
the related-cases section on handbook pages, and the facet listing pages."""
from __future__ import annotations

from html import escape

from ...models import Article, Case
from ...search_aside import aside
from ...ui import t
from .facets import (BROWSE_FACETS, FACTS_FACETS, YEAR, all_values, case_values, facet_label, facet_page,
                     facet_values, sorted_cases, value_anchor, value_label)


def _facet_href(page_url: str, facet: str, value: str) -> str:
    """Link from a case page (casebook/<id>/) to the section of a value on its facet page."""
    base = f"../facets/{facet}/" if page_url.endswith("/") else f"facets/{facet}.html"
    return f"{base}#{value_anchor(value)}"


def composite_notice(lang: str) -> str:
    # shown on every case, so kept out of the search index (it would match every search for its words)
    return (f'<div class="admonition note bansou-cb-composite" role="note" data-search-exclude>'
            f'<p class="admonition-title">{escape(t("casebook_composite_title", lang))}</p>'
            f'<p>{escape(t("casebook_composite_notice", lang))}</p></div>')


def facts_box(project, case: Case, lang: str, page_url: str) -> str:
    rows = []
    for facet in FACTS_FACETS:
        values = case_values(case, facet)
        if not values:
            continue
        chips = " ".join(
            f'<a class="bansou-cb-chip" href="{escape(_facet_href(page_url, facet, v))}">'
            f"{escape(value_label(project, facet, v, lang))}</a>" for v in values)
        if facet == YEAR and case.facets.get("season"):
            chips += f' <span class="bansou-cb-season">{escape(value_label(project, "season", str(case.facets["season"]), lang))}</span>'
        rows.append(f"<div><dt>{escape(facet_label(project, facet, lang))}</dt><dd>{chips}</dd></div>")
    title = escape(t("casebook_facts", lang))
    return (f'<aside class="bansou-cb-facts" aria-label="{title}" data-pii="skip">'
            f'<p class="bansou-cb-facts__title">{title}</p><dl>{"".join(rows)}</dl></aside>')


def case_page_html(project, page, case: Case, html: str) -> str:
    top = aside(page, composite_notice(page.lang)) if case.meta.get("composite") is True else ""
    return top + facts_box(project, case, page.lang, page.url) + html


def related_cases_markdown(project, article: Article, lang: str) -> str:
    cases = project.cases_for_page(article.site_path)
    if not cases:
        return ""
    up = "../" * article.site_path.count("/")
    out = ["", "", f"## {t('casebook_related_cases', lang)} {{ #bansou-related-cases }}", "",
           f'<p class="bansou-related-intro" data-search-exclude>{escape(t("casebook_related_intro", lang))}</p>', ""]
    for case in cases:
        outcome = ", ".join(value_label(project, "outcome", v, lang) for v in case.values("outcome"))
        title = case.title_in(lang).replace("[", "\\[").replace("]", "\\]")
        out.append(f"- [{title}]({up}casebook/{case.site_path.split('/', 1)[1]}.md)"
                   + (f" — {facet_label(project, 'outcome', lang)}: {outcome}" if outcome else ""))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- facet listing pages

def facets_index_markdown(project, lang: str) -> str:
    out = [f"# {t('casebook_browse_facets', lang)}", "", f"[{t('casebook_back_to_index', lang)}](../index.md)", ""]
    for facet in BROWSE_FACETS:
        n = len(facet_values(project, facet))
        out.append(f"- [{facet_label(project, facet, lang)}]({facet}.md) ({n})")
    return "\n".join(out) + "\n"


def facet_page_markdown(project, facet: str, lang: str) -> str:
    cases = sorted_cases(project)
    out = [f"# {t('casebook_facet_page_title', lang, facet=facet_label(project, facet, lang))}", "",
           t("casebook_facet_page_intro", lang), "",
           f"[{t('casebook_back_to_index', lang)}](../index.md) · [{t('casebook_browse_facets', lang)}](index.md)", ""]
    used = facet_values(project, facet)
    for value in used:
        matching = [c for c in cases if value in case_values(c, facet)]
        label = value_label(project, facet, value, lang)
        out += [f"## {label} ({t('casebook_n_cases', lang, n=len(matching))}) {{ #{value_anchor(value)} }}", ""]
        for case in matching:
            title = case.title_in(lang).replace("[", "\\[").replace("]", "\\]")
            out.append(f"- [{title}](../{case.site_path.split('/', 1)[1]}.md)")
        out.append("")
    unused = [v for v in all_values(project, facet) if v not in used]
    if unused:
        sep = "、" if lang in ("ja", "ej", "zh") else ", "
        out += [f"## {t('casebook_facet_unused', lang)}", "",
                sep.join(value_label(project, facet, v, lang) for v in unused), ""]
    return "\n".join(out)


def facet_page_paths() -> list[str]:
    return [facet_page(f) for f in BROWSE_FACETS] + ["casebook/facets/index"]
