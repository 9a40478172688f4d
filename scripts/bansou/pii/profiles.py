"""Which rules apply where: the handbook states law dates, cases must not."""
from __future__ import annotations

from pathlib import PurePath
from typing import Literal

Profile = Literal["handbook", "case"]
CASE_DIRS = frozenset({"casebook", "courses"})


def profile_for(path: str | PurePath, root: str | PurePath | None = None) -> Profile:
    """'handbook' for files under docs/, 'case' for casebook/, courses/ and anything else."""
    p = PurePath(path)
    if root is not None:
        try:
            p = p.relative_to(root)
        except ValueError:
            pass
    parts = p.parts
    for part in parts:
        if part in CASE_DIRS:
            return "case"
        if part == "docs":
            return "handbook"
    return "case"


def site_profile_for(url_path: str | PurePath) -> Profile:
    """Built pages: casebook/ and courses/ (also under a language or version prefix) are cases."""
    return "case" if CASE_DIRS.intersection(PurePath(url_path).parts) else "handbook"
