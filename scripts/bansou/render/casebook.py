"""The case index page."""
from __future__ import annotations

from ..ui import t


def _labels(project, facet: str, values: list, lang: str) -> str:
    vocab = project.vocab.get(facet)
    return "、".join(vocab.label_of(v, lang) if vocab else str(v) for v in values) if lang == "ja" else \
        ", ".join(vocab.label_of(v, lang) if vocab else str(v) for v in values)


def index_markdown(project, lang: str) -> str:
    cases = sorted(project.cases.values(), key=lambda c: c.id)
    out = [f"# {t('casebook_title', lang)}", "", t("casebook_intro", lang), "",
           t("case_count", lang, n=len(cases)), ""]
    out.append(f"| {t('col_case', lang)} | {t('col_year', lang)} | {t('col_region', lang)} | "
               f"{t('col_issue_areas', lang)} | {t('col_systems', lang)} | {t('col_outcome', lang)} |")
    out.append("|---|---|---|---|---|---|")
    for case in cases:
        name = case.site_path.split("/")[-1]
        title = case.title_in(lang).replace("|", "\\|")
        out.append(
            f"| [{title}]({name}.md) | {case.year} | {_labels(project, 'region', case.values('region'), lang)} | "
            f"{_labels(project, 'issue_areas', case.values('issue_areas'), lang)} | "
            f"{_labels(project, 'systems', case.values('systems'), lang)} | "
            f"{_labels(project, 'outcome', case.values('outcome'), lang)} |")
    return "\n".join(out) + "\n"
