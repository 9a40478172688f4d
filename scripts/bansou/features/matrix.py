"""The eligibility matrix: checked from docs/eligibility.yml and rendered where a page has the marker.

The table is real HTML (caption, column and row headers with scope) inside a scroll container
whose first column and header row stay in place, so it reads on a phone; each status is a word
plus a symbol, never colour alone.
"""
from __future__ import annotations

from ..eligibility import STATUSES, Matrix, load_matrix
from ..render.site_links import esc, link
from ..ui import t

MARKER = "<!-- bansou:eligibility-matrix -->"
SYMBOLS = {"yes": "○", "cond": "△", "no": "×", "check": "?"}

ASSETS = ["assets/bansou/handbook.css"]

_cache: tuple[object, Matrix | None] | None = None


def matrix_of(project) -> Matrix | None:
    """The project's matrix, loaded once per loaded project."""
    global _cache
    if _cache is None or _cache[0] is not project:
        matrix, _findings = load_matrix(project.config.docs_dir, project.root, set(project.articles))
        _cache = (project, matrix)
    return _cache[1]


def check(project) -> list:
    global _cache
    matrix, findings = load_matrix(project.config.docs_dir, project.root, set(project.articles))
    _cache = (project, matrix)
    return findings


def _text(mapping: dict, lang: str, default_lang: str) -> str:
    """Japanese-reading languages (ja, ej) fall back to Japanese; every other language to English."""
    if lang == default_lang or lang == "ej":
        return mapping.get(lang) or mapping.get(default_lang) or ""
    return mapping.get(lang) or mapping.get("en") or mapping.get(default_lang) or ""


def _status(key: str, lang: str) -> str:
    return (f'<span class="bansou-status bansou-status--{key}"><span class="bansou-status__symbol" '
            f'aria-hidden="true">{SYMBOLS[key]}</span> {esc(t("hb_status_" + key, lang))}</span>')


def render(matrix: Matrix, page) -> str:
    lang, default = page.lang, page.default_lang
    cap_id = "bansou-matrix-caption"
    out = ['<div class="bansou-matrix bansou-noterms" data-pii="skip">']
    out.append(f'<p class="bansou-matrix__legend-title"><strong>{esc(t("hb_matrix_legend", lang))}</strong></p>')
    out.append('<ul class="bansou-matrix__legend">')
    for key in STATUSES.values():
        out.append(f'<li>{_status(key, lang)}: {esc(t("hb_status_" + key + "_desc", lang))}</li>')
    out.append("</ul>")
    if lang not in (default, "ej", "en"):
        out.append(f'<p class="bansou-matrix__hint">{esc(t("hb_matrix_data_note", lang))}</p>')
    out.append(f'<p class="bansou-matrix__hint">{esc(t("hb_matrix_scroll", lang))}</p>')
    out.append(f'<div class="bansou-matrix__scroll" role="region" aria-labelledby="{cap_id}" tabindex="0">')
    out.append('<table class="bansou-matrix__table">')
    out.append(f'<caption id="{cap_id}">{esc(t("hb_matrix_caption", lang))}</caption>')
    out.append(f'<thead><tr><th scope="col" class="bansou-matrix__corner">{esc(t("hb_matrix_corner", lang))}</th>')
    for system in matrix.systems:
        name = esc(_text(system.label, lang, default))
        if system.page:
            name = f'<a href="{esc(link(page, system.page))}">{name}</a>'
        out.append(f'<th scope="col">{name}</th>')
    out.append("</tr></thead><tbody>")
    for status in matrix.statuses:
        out.append(f'<tr><th scope="row">{esc(_text(status.label, lang, default))}</th>')
        for system in matrix.systems:
            cell = matrix.cell(system.id, status.id)
            if cell is None:  # reported by check(); the build stops on errors
                out.append("<td></td>")
                continue
            target = matrix.page_of(system, status)
            label = _status(cell.key, lang)
            if target:
                label = f'<a class="bansou-matrix__link" href="{esc(link(page, target))}">{label}</a>'
            note = _text(cell.note, lang, default)
            note_html = f'<span class="bansou-matrix__note">{esc(note)}</span>' if note else ""
            out.append(f'<td class="bansou-cell bansou-cell--{cell.key}" data-status="{cell.key}">'
                       f'{label}{note_html}</td>')
        out.append("</tr>")
    out.append("</tbody></table></div></div>")
    return "\n".join(out)


def page_markdown(project, page, markdown: str) -> str:
    if MARKER not in markdown:
        return markdown
    matrix = matrix_of(project)
    if matrix is None:
        return markdown
    # a raw HTML block: blank lines around it so Markdown leaves it alone
    return markdown.replace(MARKER, "\n" + render(matrix, page) + "\n")
