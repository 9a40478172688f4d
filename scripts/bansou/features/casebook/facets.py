"""The casebook's browsing facets: which case fields a reader filters by, their values in
vocabulary order, and their labels in the reader's language (from the vocab files)."""
from __future__ import annotations

from ...models import Case
from ...ui import label, t

# facets of the index filter, the facet listing pages and the facts box (in this order)
BROWSE_FACETS = ("issue_areas", "systems", "residence_status", "region", "outcome", "barriers", "year")
FACTS_FACETS = ("year", "region", "residence_status", "issue_areas", "systems", "outcome", "barriers")
YEAR = "year"  # not a vocabulary: its values come from the cases


def case_values(case: Case, facet: str) -> list[str]:
    if facet == YEAR:
        return [str(case.year)]
    return [str(v) for v in case.values(facet)]


def facet_values(project, facet: str, cases: list[Case] | None = None) -> list[str]:
    """Values that at least one case uses: vocabulary order; years newest first."""
    cases = list(project.cases.values()) if cases is None else cases
    used = {v for c in cases for v in case_values(c, facet)}
    if facet == YEAR:
        return sorted(used, reverse=True)
    vocab = project.vocab.get(facet)
    order = list(vocab.values) if vocab else []
    return [v for v in order if v in used] + sorted(used - set(order))


def all_values(project, facet: str) -> list[str]:
    """Every value of a facet: the whole vocabulary (or the years cases use)."""
    if facet == YEAR:
        return facet_values(project, facet)
    vocab = project.vocab.get(facet)
    return list(vocab.values) if vocab else facet_values(project, facet)


def facet_label(project, facet: str, lang: str) -> str:
    if facet == YEAR:
        return t("casebook_year", lang)
    vocab = project.vocab.get(facet)
    return label(vocab.label, lang) if vocab else facet


def value_label(project, facet: str, value: str, lang: str) -> str:
    if facet == YEAR:
        return t("casebook_year_value", lang, year=value)
    vocab = project.vocab.get(facet)
    return vocab.label_of(value, lang) if vocab else str(value)


def sorted_cases(project) -> list[Case]:
    return sorted(project.cases.values(), key=lambda c: c.id)


def facet_page(facet: str) -> str:
    """Site path of the listing page of one facet (one section per value)."""
    return f"casebook/facets/{facet}"


def value_anchor(value: str) -> str:
    return f"v-{value}"
