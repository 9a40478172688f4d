"""Theme templates without their indentation.

Material's templates are indented for reading; rendered, a nav entry is mostly blank lines
and spaces (about 10 KB of a 55 KB page). Collapsing each run of whitespace that holds a
line break into one line break, once when a template is loaded, renders the same: HTML
collapses such a run to the same single segment break, and the page content (inserted as a
value) is not touched. Regions where whitespace is kept as written are left alone.
"""
from __future__ import annotations

import re

from jinja2.ext import Extension

_KEPT = re.compile(r"(<(pre|textarea)\b.*?</\2>|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\})", re.S | re.I)
_BREAK_RUN = re.compile(r"[ \t]*\n\s*")


def compact(source: str) -> str:
    parts = _KEPT.split(source)
    # split() returns text, kept region, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_BREAK_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


class CompactTemplates(Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return compact(source)
