"""The eligibility matrix (docs/eligibility.yml): which public systems each residence status can use.

Loaded into typed records with findings (file + line) for every problem a contributor can make:
an unknown status word, a missing or unknown cell, a page that does not exist.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import codes
from .findings import Finding
from .sourcefile import YamlDoc, read_yaml_file

MATRIX_FILE = "eligibility.yml"  # under docs/

# the four words a cell may use, in legend order; the key names the UI strings and CSS class
STATUSES: dict[str, str] = {"可": "yes", "条件付き": "cond", "不可": "no", "要確認": "check"}

_PAGE_HINT_JA = "docs/ からのパスを .md なしで書きます(例:poverty/public-assistance)。"
_PAGE_HINT_EN = "Write the path under docs/ without .md (e.g. poverty/public-assistance)."

codes.define(
    "matrix-status", "error",
    "早見表のセル({system} × {status})の status「{value}」は使えません。",
    "The status '{value}' of the matrix cell ({system} × {status}) is not allowed.",
    "status には「可」「条件付き」「不可」「要確認」のどれかを書きます。迷ったら「要確認」にしてください。",
    "Use one of 可 (yes), 条件付き (with conditions), 不可 (no), 要確認 (to be verified). When unsure, use 要確認.",
    "cells:\n  public-assistance:\n    permanent:\n      status: たぶん")
codes.define(
    "matrix-cell-missing", "error",
    "早見表のセル({system} × {status})がありません。",
    "The matrix cell ({system} × {status}) is missing.",
    "行(statuses)と列(systems)のすべての組み合わせにセルが必要です。cells.{system}.{status} に status と note を書いてください(分からなければ status: 要確認)。",
    "Every row × column pair needs a cell. Add cells.{system}.{status} with status and note (status: 要確認 if unknown).",
    "cells:\n  public-assistance: {}  # permanent がない")
codes.define(
    "matrix-id-unknown", "error",
    "早見表の cells に、statuses / systems にない ID「{id}」があります。",
    "The matrix cells use the id '{id}', which is not listed in statuses / systems.",
    "ID の書き間違いか確かめてください。使える ID:{allowed}",
    "Check the id for a typo. Known ids: {allowed}",
    "cells:\n  public-asistance:  # 綴りの誤り")
codes.define(
    "matrix-label", "error",
    "早見表の「{field}」に日本語(ja)と英語(en)のラベルがそろっていません。",
    "'{field}' in the matrix needs both a Japanese (ja) and an English (en) label.",
    "label: {{ja: \"永住者\", en: \"Permanent resident\"}} のように両方を書いてください。",
    "Write both, e.g. label: {{ja: \"永住者\", en: \"Permanent resident\"}}.",
    "label: {ja: 永住者}")
codes.define(
    "matrix-note", "warning",
    "早見表のセル({system} × {status})の note に日本語(ja)と英語(en)がそろっていません。",
    "The note of the matrix cell ({system} × {status}) lacks Japanese (ja) or English (en).",
    "note: {{ja: \"…\", en: \"…\"}} のように両方を書いてください。条件付き・要確認のセルでは特に、条件や確かめることを短く書きます。",
    "Write both, e.g. note: {{ja: \"...\", en: \"...\"}}; especially for 条件付き / 要確認 cells, say the condition or what to check.",
    "note: {ja: 住民票があれば可}")


@dataclass(frozen=True)
class Row:
    """A residence status (a row) or a public system (a column)."""
    id: str
    label: dict  # {lang: text}
    page: str | None = None  # the handbook page that explains it (columns)
    line: int | None = None


@dataclass(frozen=True)
class Cell:
    status: str  # one of STATUSES
    note: dict  # {lang: text}
    page: str | None  # overrides the column's page
    line: int | None = None

    @property
    def key(self) -> str:
        return STATUSES[self.status]


@dataclass
class Matrix:
    rel: str
    statuses: list[Row] = field(default_factory=list)  # rows
    systems: list[Row] = field(default_factory=list)  # columns
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (system id, status id) → cell

    def cell(self, system: str, status: str) -> Cell | None:
        return self.cells.get((system, status))

    def page_of(self, system: Row, status: Row) -> str | None:
        cell = self.cell(system.id, status.id)
        return (cell.page if cell and cell.page else None) or system.page


def load_matrix(docs_dir: Path, root: Path, pages: set[str]) -> tuple[Matrix | None, list[Finding]]:
    """Read and check docs/eligibility.yml. `pages`: handbook site paths a link may point to."""
    path = docs_dir / MATRIX_FILE
    if not path.exists():
        return None, []
    rel = path.relative_to(root).as_posix()
    doc, findings = read_yaml_file(path, rel)
    if doc is None:
        return None, findings
    data = doc.data
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) and data.get(k)
                                             for k in ("statuses", "systems")) \
            or not isinstance(data.get("cells"), dict):
        findings.append(codes.make(
            "data-file", rel, 1, None,
            detail="早見表には statuses(行の一覧)・systems(列の一覧)・cells(セル)の3つが必要です。",
            detail_en="the matrix needs statuses (a list of rows), systems (a list of columns) and cells.",
            hint_ja="ファイル冒頭の説明と既存の書き方にならって、3つの項目を書いてください。",
            hint_en="Follow the explanation at the top of the file and write all three sections."))
        return None, findings
    matrix = Matrix(rel)
    matrix.statuses = _rows(doc, "statuses", rel, pages, findings)
    matrix.systems = _rows(doc, "systems", rel, pages, findings)
    _cells(doc, matrix, pages, findings)
    return matrix, findings


def _rows(doc: YamlDoc, key: str, rel: str, pages: set[str], findings: list[Finding]) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(doc.data[key]):
        line = doc.line_of((key, i), 1)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            findings.append(codes.make("field-missing", rel, line, None, field=f"{key}[{i}].id"))
            continue
        row_id = item["id"]
        if row_id in seen:
            findings.append(codes.make("id-duplicate", rel, line, None, id=row_id, other=f"{rel}:{seen[row_id]}"))
            continue
        seen[row_id] = line
        label = item.get("label")
        if not isinstance(label, dict) or not label.get("ja") or not label.get("en"):
            findings.append(codes.make("matrix-label", rel, doc.line_of((key, i, "label"), line), None,
                                       field=f"{key}.{row_id}.label"))
            label = label if isinstance(label, dict) else {"ja": row_id}
        page = item.get("page")
        if page is not None and page not in pages:
            findings.append(codes.make("ref-missing", rel, doc.line_of((key, i, "page"), line), None,
                                       field=f"{key}.{row_id}.page", ref=page,
                                       ref_hint_ja=_PAGE_HINT_JA, ref_hint_en=_PAGE_HINT_EN))
            page = None
        rows.append(Row(row_id, {k: str(v) for k, v in label.items()}, page, line))
    return rows


def _cells(doc: YamlDoc, matrix: Matrix, pages: set[str], findings: list[Finding]) -> None:
    rel = matrix.rel
    status_ids = [r.id for r in matrix.statuses]
    system_ids = [r.id for r in matrix.systems]
    cells = doc.data["cells"]
    for system_id, column in cells.items():
        line = doc.line_of(("cells", system_id), 1)
        if system_id not in system_ids:
            findings.append(codes.make("matrix-id-unknown", rel, line, None, id=system_id,
                                       allowed=", ".join(system_ids)))
            continue
        if not isinstance(column, dict):
            continue  # reported as missing cells below
        for status_id, cell in column.items():
            cell_line = doc.line_of(("cells", system_id, status_id), line)
            if status_id not in status_ids:
                findings.append(codes.make("matrix-id-unknown", rel, cell_line, None, id=status_id,
                                           allowed=", ".join(status_ids)))
                continue
            cell = cell if isinstance(cell, dict) else {}
            value = cell.get("status")
            if value not in STATUSES:
                findings.append(codes.make("matrix-status", rel,
                                           doc.line_of(("cells", system_id, status_id, "status"), cell_line),
                                           None, system=system_id, status=status_id, value=value))
                continue
            note = cell.get("note") if isinstance(cell.get("note"), dict) else {}
            if not note.get("ja") or not note.get("en"):
                findings.append(codes.make("matrix-note", rel,
                                           doc.line_of(("cells", system_id, status_id, "note"), cell_line),
                                           None, system=system_id, status=status_id))
            page = cell.get("page")
            if page is not None and page not in pages:
                findings.append(codes.make("ref-missing", rel,
                                           doc.line_of(("cells", system_id, status_id, "page"), cell_line),
                                           None, field=f"cells.{system_id}.{status_id}.page", ref=page,
                                           ref_hint_ja=_PAGE_HINT_JA, ref_hint_en=_PAGE_HINT_EN))
                page = None
            matrix.cells[(system_id, status_id)] = Cell(value, {k: str(v) for k, v in note.items()}, page,
                                                        cell_line)
    for system_id in system_ids:
        for status_id in status_ids:
            if (system_id, status_id) in matrix.cells:
                continue
            present = isinstance(cells.get(system_id), dict) and status_id in cells[system_id]
            if present:
                continue  # a bad status was already reported for this cell
            findings.append(codes.make("matrix-cell-missing", rel, doc.line_of(("cells", system_id), 1), None,
                                       system=system_id, status=status_id))
