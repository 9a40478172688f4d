"""Translation status: which page exists in which language, and how trustworthy it is.

A translation records the content hash of the Japanese source it was made from
(`translation.source_hash`); when the source changes, the hash no longer matches and the
translation is reported (and shown to readers) as older than its source.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Status = Literal["original", "reviewed", "machine", "outdated", "missing"]

# front-matter fields whose change makes a translation out of date
TRANSLATED_FIELDS = ("title", "summary")


def source_hash(doc) -> str:
    """Hash of what a translator translates: the body and the translatable fields."""
    parts = [str(doc.meta.get(k, "")) for k in TRANSLATED_FIELDS]
    body = "\n".join(line.rstrip() for line in doc.body.strip().split("\n"))
    return hashlib.sha256("\x1f".join([*parts, body]).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PageStatus:
    site_path: str
    section: str  # first path segment, e.g. poverty, casebook, courses
    lang: str
    status: Status
    rel: str  # file shown for this language (the source for "missing")
    title: str


def _section(site_path: str) -> str:
    return site_path.split("/")[0] if "/" in site_path else "(top)"


def page_status(project, doc, lang: str) -> PageStatus:
    cfg = project.config
    if lang == cfg.default_language:
        return PageStatus(doc.site_path, _section(doc.site_path), lang, "original", doc.rel, doc.title)
    tr = doc.translations.get(lang)
    if tr is None:
        return PageStatus(doc.site_path, _section(doc.site_path), lang, "missing", doc.rel, doc.title)
    if tr.source_hash != source_hash(doc):
        status: Status = "outdated"
    elif tr.machine_assisted and not tr.reviewed:
        status = "machine"
    else:
        status = "reviewed"
    return PageStatus(doc.site_path, _section(doc.site_path), lang, status, tr.rel, doc.title_in(lang))


def all_statuses(project) -> list[PageStatus]:
    out = []
    for doc in sorted(project.documents(), key=lambda d: d.site_path):
        for lang in project.config.language_codes:
            out.append(page_status(project, doc, lang))
    return out


@dataclass(frozen=True)
class Coverage:
    lang: str
    section: str
    total: int
    translated: int  # a translation file exists (reviewed, machine or outdated)
    reviewed: int
    outdated: int

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 0


def coverage(statuses: list[PageStatus]) -> list[Coverage]:
    table: dict[tuple[str, str], list[PageStatus]] = {}
    for s in statuses:
        table.setdefault((s.lang, s.section), []).append(s)
        table.setdefault((s.lang, "(all)"), []).append(s)
    out = []
    for (lang, section), items in sorted(table.items()):
        out.append(Coverage(lang, section, len(items),
                            sum(1 for s in items if s.status in ("original", "reviewed", "machine", "outdated")),
                            sum(1 for s in items if s.status in ("original", "reviewed")),
                            sum(1 for s in items if s.status == "outdated")))
    return out


# -- recording the hash after a review (a text edit: comments and layout stay as they are)

_FLOW = re.compile(r"^translation:\s*\{(?P<body>.*)\}\s*$")
_BLOCK = re.compile(r"^translation:\s*$")


def stamp(path: Path, new_hash: str, reviewed: bool | None = None) -> None:
    """Write translation.source_hash (and optionally reviewed) into a translation file."""
    text = path.read_bytes().decode("utf-8-sig")  # bytes: keep CRLF visible
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    fields: dict[str, str] = {"machine_assisted": "true", "reviewed": "false"}
    start = stop = None
    for i in range(1, end):
        flow = _FLOW.match(lines[i])
        if flow:
            start, stop = i, i + 1
            for part in flow.group("body").split(","):
                if ":" in part:
                    k, v = part.split(":", 1)
                    fields[k.strip()] = v.strip()
            break
        if _BLOCK.match(lines[i]):
            start = i
            stop = i + 1
            while stop < end and lines[stop].startswith((" ", "\t")):
                k, _, v = lines[stop].strip().partition(":")
                fields[k.strip()] = v.strip()
                stop += 1
            break
    fields["source_hash"] = f'"{new_hash}"'
    if reviewed is not None:
        fields["reviewed"] = "true" if reviewed else "false"
        if reviewed:
            fields["machine_assisted"] = fields.get("machine_assisted", "false")
    block = ["translation:"] + [f"  {k}: {v}" for k, v in fields.items()]
    if start is None:
        lines[end:end] = block
    else:
        lines[start:stop] = block
    path.write_bytes(newline.join(lines).encode("utf-8"))
