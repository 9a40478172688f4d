"""The 課題モニタリング page (casebook/monitoring) and its downloadable aggregates.

Numbers come from aggregate.py; this module only adds labels in the reader's language
and lays them out as SVG charts, data tables, CSV and JSON (never one row per case)."""
from __future__ import annotations

import csv
import io
import json
from html import escape

from ...ui import t
from . import aggregate as agg
from .charts import bar_chart, grid_chart
from .facets import all_values, facet_label, facet_values, sorted_cases, value_label

SITE_PATH = "casebook/monitoring"
DATA_NAME = "casebook-monitoring"  # .csv / .json next to the page, in every language

TITLES = {  # table id -> (title key, description key)
    "issue_areas_by_year": ("casebook_mon_issue_year", "casebook_mon_issue_year_desc"),
    "barriers": ("casebook_mon_barriers", "casebook_mon_barriers_desc"),
    "systems_by_outcome": ("casebook_mon_system_outcome", "casebook_mon_system_outcome_desc"),
    "application_accepted": ("casebook_mon_accepted", "casebook_mon_accepted_desc"),
}
_ACCEPT_KEYS = {agg.ACCEPTED: "casebook_mon_accepted_yes", agg.NOT_ACCEPTED: "casebook_mon_accepted_no",
                agg.UNKNOWN: "casebook_mon_accepted_unknown"}


def tables(project) -> dict[str, agg.Table]:
    cases = sorted_cases(project)
    orders = {"issue_areas": all_values(project, "issue_areas"), "barriers": all_values(project, "barriers"),
              "systems": facet_values(project, "systems"), "outcome": facet_values(project, "outcome")}
    return agg.monitoring_tables(cases, orders)


def _row_label(project, table: agg.Table, row: str, lang: str) -> str:
    if table.row_facet:
        return value_label(project, table.row_facet, row, lang)
    return t(_ACCEPT_KEYS[row], lang)


def _col_label(project, table: agg.Table, col: str, lang: str) -> str:
    if table.col_facet:
        return value_label(project, table.col_facet, col, lang)
    return t("casebook_mon_col_cases", lang)


def _axis(project, facet: str, lang: str) -> str:
    return facet_label(project, facet, lang) if facet else ""


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}"


# ---------------------------------------------------------------- page

def _table_html(project, table: agg.Table, title: str, lang: str, totals: bool) -> str:
    row_head = _axis(project, table.row_facet, lang) or title
    head = "".join(f'<th scope="col">{escape(_col_label(project, table, c, lang))}</th>' for c in table.cols)
    if totals and table.col_facet:
        head += f'<th scope="col">{escape(t("casebook_mon_total", lang))}</th>'
    body = []
    for r in table.rows:
        cells = "".join(f"<td>{table.cell(r, c)}</td>" for c in table.cols)
        if totals and table.col_facet:
            cells += f"<td>{table.row_total(r)}</td>"
        body.append(f'<tr><th scope="row">{escape(_row_label(project, table, r, lang))}</th>{cells}</tr>')
    foot = ""
    if totals:
        cells = "".join(f"<td>{table.col_total(c)}</td>" for c in table.cols)
        if table.col_facet:
            cells += f"<td>{table.total}</td>"
        foot = f'<tfoot><tr><th scope="row">{escape(t("casebook_mon_total", lang))}</th>{cells}</tr></tfoot>'
    caption = escape(t("casebook_mon_table_caption", lang, title=title))
    return (f'<div class="bansou-cb-table" data-pii="skip"><table><caption>{caption}</caption>'
            f'<thead><tr><th scope="col">{escape(row_head)}</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody>{foot}</table></div>')


def _desc(project, table: agg.Table, title: str, lang: str) -> str:
    """A text equivalent of the chart for screen readers: the non-zero values."""
    parts = []
    for r in table.rows:
        for c in table.cols:
            n = table.cell(r, c)
            if n:
                name = _row_label(project, table, r, lang)
                if table.col_facet:
                    name += " × " + _col_label(project, table, c, lang)
                parts.append(t("casebook_mon_item", lang, name=name, n=n))
    return f"{title}. " + "; ".join(parts)


def _chart(project, table: agg.Table, title: str, lang: str) -> str:
    chart_id = f"bansou-chart-{table.id.replace('_', '-')}"
    desc = _desc(project, table, title, lang)
    if table.col_facet:
        rows = [_row_label(project, table, r, lang) for r in table.rows]
        cols = [_col_label(project, table, c, lang) for c in table.cols]
        values = [[table.cell(r, c) for c in table.cols] for r in table.rows]
        svg = grid_chart(chart_id, title, desc, rows, cols, values, _axis(project, table.row_facet, lang),
                         _axis(project, table.col_facet, lang))
    else:
        known = sum(table.cell(r, agg.CASES_COL) for r in table.rows)
        items = []
        for r in table.rows:
            n = table.cell(r, agg.CASES_COL)
            shown = f"{n} ({_pct(n / known if known else None)}%)" if table.id == "application_accepted" else str(n)
            items.append((_row_label(project, table, r, lang), n, shown))
        svg = bar_chart(chart_id, title, desc, items, t("casebook_mon_axis_cases", lang))
    return f'<figure class="bansou-cb-figure" data-pii="skip">{svg}</figure>'


def _demands_html(project, lang: str) -> str:
    demands = agg.demands(sorted_cases(project))
    rows = []
    for d in demands:
        text = agg.demand_text(project.cases, d, lang) or t("casebook_mon_no_demand", lang)
        links = ", ".join(f'<a href="../{escape(cid)}/">{escape(project.cases[cid].title_in(lang))}</a>'
                          for cid in d.case_ids)
        rows.append(f"<tr><th scope=\"row\">{escape(text)}</th><td>{d.count}</td><td>{links}</td></tr>")
    title = t("casebook_mon_demands", lang)
    return (f'<div class="bansou-cb-table" data-pii="skip"><table><caption>{escape(t("casebook_mon_table_caption", lang, title=title))}'
            f'</caption><thead><tr><th scope="col">{escape(t("casebook_mon_col_demand", lang))}</th>'
            f'<th scope="col">{escape(t("casebook_mon_col_cases", lang))}</th>'
            f'<th scope="col">{escape(t("casebook_mon_col_case_list", lang))}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def page_markdown(project, lang: str) -> str:
    cases = sorted_cases(project)
    out = [f"# {t('casebook_mon_title', lang)}", "", t("casebook_mon_intro", lang, n=len(cases)), "",
           f'<p class="bansou-cb-caveat">{escape(t("casebook_mon_caveat", lang))}</p>', "",
           f'<p class="bansou-cb-downloads">{escape(t("casebook_mon_download", lang))} '
           f'<a href="{DATA_NAME}.csv" download>{escape(t("casebook_mon_csv", lang))}</a> · '
           f'<a href="{DATA_NAME}.json" download>{escape(t("casebook_mon_json", lang))}</a></p>', ""]
    if not cases:
        return "\n".join(out + [t("casebook_mon_no_cases", lang), ""])
    all_tables = tables(project)
    for table_id, (title_key, desc_key) in TITLES.items():
        table = all_tables[table_id]
        title = t(title_key, lang)
        out += [f"## {title}", "", t(desc_key, lang), ""]
        if table_id == "application_accepted":
            no, known, share = agg.not_accepted_share(table)
            out += [f'<p class="bansou-cb-share"><strong>'
                    f'{escape(t("casebook_mon_accepted_share", lang, known=known, not_accepted=no, pct=_pct(share)))}'
                    f"</strong></p>", ""]
        out += [_chart(project, table, title, lang), "",
                _table_html(project, table, title, lang, totals=table_id != "barriers"), ""]
    out += [f"## {t('casebook_mon_demands', lang)}", "", t("casebook_mon_demands_desc", lang), "",
            _demands_html(project, lang), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- downloads

def export(project, lang: str) -> dict:
    """The aggregates as plain data, labelled in one language (no per-case rows, no case ids)."""
    cases = sorted_cases(project)
    all_tables = tables(project)
    out_tables = []
    for table_id, (title_key, _) in TITLES.items():
        table = all_tables[table_id]
        out_tables.append({
            "id": table.id, "title": t(title_key, lang),
            "row_facet": table.row_facet or None, "column_facet": table.col_facet or None,
            "rows": [{"id": r, "label": _row_label(project, table, r, lang)} for r in table.rows],
            "columns": [{"id": c, "label": _col_label(project, table, c, lang)} for c in table.cols],
            "cells": [[table.cell(r, c) for c in table.cols] for r in table.rows],
        })
    no, known, share = agg.not_accepted_share(all_tables["application_accepted"])
    demand_rows = [{"demand": agg.demand_text(project.cases, d, lang) or t("casebook_mon_no_demand", lang),
                    "demand_ja": d.key, "cases": d.count} for d in agg.demands(cases)]
    return {"language": lang, "title": t("casebook_mon_title", lang), "note": t("casebook_mon_caveat", lang),
            "case_count": len(cases), "tables": out_tables,
            "not_accepted_share": {"not_accepted": no, "with_record": known,
                                   "share": None if share is None else round(share, 4)},
            "demands": demand_rows}


def to_json(project, lang: str) -> str:
    return json.dumps(export(project, lang), ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ["table", "table_title", "row_id", "row_label", "column_id", "column_label", "count"]


def to_csv(project, lang: str) -> str:
    """Long format, one row per table cell; UTF-8 with BOM so spreadsheet programs read Japanese."""
    data = export(project, lang)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for table in data["tables"]:
        for row, cells in zip(table["rows"], table["cells"]):
            for col, n in zip(table["columns"], cells):
                writer.writerow([table["id"], table["title"], row["id"], row["label"], col["id"], col["label"], n])
    title = t("casebook_mon_demands", lang)
    cases_label = t("casebook_mon_col_cases", lang)
    for i, d in enumerate(data["demands"], 1):
        writer.writerow(["systemic_demands", title, f"demand-{i}", d["demand"], "cases", cases_label, d["cases"]])
    return "\ufeff" + buf.getvalue()
