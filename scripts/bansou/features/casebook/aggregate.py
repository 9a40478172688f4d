"""Issue-monitoring aggregates: pure functions over case records (no labels, no I/O), so
tests can compute them on fixture cases and the page, CSV and JSON show the same numbers.

Multi-valued facets (issue areas, systems, barriers) count a case once under each of its
values; a table's cells therefore count cases, and its grand total can exceed the case count.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...models import Case
from .facets import case_values

ACCEPTED, NOT_ACCEPTED, UNKNOWN = "accepted", "not-accepted", "unknown"
CASES_COL = "cases"


@dataclass(frozen=True)
class Table:
    id: str
    row_facet: str  # vocabulary (or "year") the row ids belong to; "" for fixed rows
    col_facet: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: dict[tuple[str, str], int] = field(default_factory=dict)

    def cell(self, row: str, col: str) -> int:
        return self.cells.get((row, col), 0)

    def row_total(self, row: str) -> int:
        return sum(self.cell(row, c) for c in self.cols)

    def col_total(self, col: str) -> int:
        return sum(self.cell(r, col) for r in self.rows)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


@dataclass(frozen=True)
class Demand:
    key: str  # the demand as written in the source case (Japanese); "" if none was written
    case_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.case_ids)


def crosstab(cases: list[Case], row_facet: str, col_facet: str, rows: list[str], cols: list[str],
             table_id: str) -> Table:
    cells: Counter = Counter()
    for case in cases:
        for r in set(case_values(case, row_facet)):
            for c in set(case_values(case, col_facet)):
                cells[(r, c)] += 1
    return Table(table_id, row_facet, col_facet, tuple(rows), tuple(cols),
                 {k: v for k, v in cells.items() if k[0] in rows and k[1] in cols})


def count_by(cases: list[Case], facet: str, rows: list[str], table_id: str) -> Table:
    cells: Counter = Counter()
    for case in cases:
        for v in set(case_values(case, facet)):
            cells[(v, CASES_COL)] += 1
    return Table(table_id, facet, "", tuple(rows), (CASES_COL,),
                 {k: v for k, v in cells.items() if k[0] in rows})


def acceptance(cases: list[Case]) -> Table:
    """Was the application accepted at the window at all? (the 水際 indicator)"""
    cells: Counter = Counter()
    for case in cases:
        value = case.facets.get("application_accepted")
        cells[(ACCEPTED if value is True else NOT_ACCEPTED if value is False else UNKNOWN, CASES_COL)] += 1
    return Table("application_accepted", "", "", (ACCEPTED, NOT_ACCEPTED, UNKNOWN), (CASES_COL,), dict(cells))


def not_accepted_share(table: Table) -> tuple[int, int, float | None]:
    """(not accepted, cases with a record, share) — cases without a record are left out."""
    no = table.cell(NOT_ACCEPTED, CASES_COL)
    known = no + table.cell(ACCEPTED, CASES_COL)
    return no, known, (no / known if known else None)


def demands(cases: list[Case]) -> list[Demand]:
    """Systemic cases grouped by policy demand: most cases first, then by text."""
    groups: dict[str, list[str]] = {}
    for case in sorted(cases, key=lambda c: c.id):
        systemic = case.facets.get("systemic")
        if isinstance(systemic, dict) and systemic.get("flag"):
            groups.setdefault(str(systemic.get("demand") or "").strip(), []).append(case.id)
    return sorted((Demand(k, tuple(v)) for k, v in groups.items()), key=lambda d: (-d.count, d.key))


def demand_text(case_by_id: dict[str, Case], demand: Demand, lang: str) -> str:
    """The demand in the reader's language: from the first case whose translation has one."""
    for case_id in demand.case_ids:
        case = case_by_id.get(case_id)
        tr = case.translations.get(lang) if case else None
        text = ((tr.meta.get("systemic") or {}).get("demand") if tr else None)
        if text:
            return str(text)
    return demand.key


def monitoring_tables(cases: list[Case], orders: dict[str, list[str]]) -> dict[str, Table]:
    """Every table of the monitoring page. orders: facet -> row/column ids in display order."""
    years = sorted({str(c.year) for c in cases})
    return {
        "issue_areas_by_year": crosstab(cases, "issue_areas", "year", orders["issue_areas"], years,
                                        "issue_areas_by_year"),
        "barriers": count_by(cases, "barriers", orders["barriers"], "barriers"),
        "systems_by_outcome": crosstab(cases, "systems", "outcome", orders["systems"], orders["outcome"],
                                       "systems_by_outcome"),
        "application_accepted": acceptance(cases),
    }
