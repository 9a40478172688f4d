"""The templates on the contributing page, generated from the files `bansou new` uses.

docs/contributing.md (and its translations) carry the line TEMPLATES_MARKER; it becomes one
copyable block per template, filled in as `bansou new` would fill it today (next free ids,
today's date), with a link that opens GitHub's editor for a new file at the right place.
"""
from __future__ import annotations

from urllib.parse import quote

from .. import scaffold, ui
from . import PageInfo

PAGE = "contributing"
TEMPLATES_MARKER = "<!-- bansou:templates -->"
LANGUAGE = {"article": "markdown", "case": "markdown", "module": "markdown", "term": "yaml"}


def examples(project) -> dict[str, tuple[str, str]]:
    """kind → (where the file goes, filled-in template text)."""
    out: dict[str, tuple[str, str]] = {}
    sections = scaffold.sections(project)
    section = sections[0] if sections else "basics"
    out["article"] = (f"docs/{section}/", scaffold.render(
        scaffold.template_text("article"), scaffold.values_for(project, "article", title="〔要記入〕ページの題名")))
    case_values = scaffold.values_for(project, "case", title="〔要記入〕事例の題名")
    out["case"] = (f"casebook/{case_values['id']}.md", scaffold.render(scaffold.template_text("case"), case_values))
    if project.courses:
        course_id = sorted(project.courses)[0]
        module_id, number = scaffold.next_module_id(project, course_id)
        out["module"] = (f"courses/{course_id}/m{number:02d}-", scaffold.render(
            scaffold.template_text("module"),
            scaffold.values_for(project, "module", title="〔要記入〕この回の題名", module_id=module_id)))
    pages = scaffold.term_pages(project)
    out["term"] = ("docs/glossary.yml", scaffold.render(scaffold.template_text("term"), scaffold.values_for(
        project, "term", title="〔要記入〕用語", term_id="example-term",
        term_reading="ようご", term_page=pages[0] if pages else "index")).lstrip("\n"))
    return out


def _github_link(project, kind: str, where: str, lang: str) -> str:
    repo = project.config.repo_url.rstrip("/")
    if not repo:
        return ""
    branch = quote(project.config.edit_branch)
    if kind == "term":
        return f"[{ui.t('contrib_template_edit', lang)}]({repo}/edit/{branch}/{quote(where)})"
    folder, _, name = where.rpartition("/")
    url = f"{repo}/new/{branch}/{quote(folder)}" + (f"?filename={quote(name)}" if name else "")
    return f"[{ui.t('contrib_template_open', lang)}]({url})"


def templates_markdown(project, lang: str) -> str:
    lines = [ui.t("contrib_templates_intro", lang), ""]
    for kind, (where, text) in examples(project).items():
        lines += [f"### {ui.t('contrib_template_' + kind, lang)}", ""]
        link = _github_link(project, kind, where, lang)
        if link:
            lines += [link, ""]
        # Material puts its copy button on code inside an element with the class "copy" (md_in_html)
        lines += ['<div class="copy bansou-template" markdown="1">', "",
                  f"````{LANGUAGE[kind]}", text.rstrip("\n"), "````", "", "</div>", ""]
    return "\n".join(lines)


def page_markdown(project, page: PageInfo, markdown: str) -> str:
    if page.site_path != PAGE or TEMPLATES_MARKER not in markdown:
        return markdown
    return markdown.replace(TEMPLATES_MARKER, templates_markdown(project, page.lang))


def page_html(project, page: PageInfo, html: str) -> str:
    if page.site_path == PAGE:  # template dates and sample text are not a person's data: the site scan skips them
        return f'<div data-pii="skip">{html}</div>'
    return html
