"""Every file of a built site, with its site path (a/b/index.html), for the checks that read the site."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def walk(site: Path | str) -> Iterator[tuple[str, str]]:
    """(site path with "/", file path) of each file; os.walk and string slicing, not Path.rglob
    and relative_to: a 30x site has tens of thousands of files."""
    prefix = os.path.join(site, "")
    for top, _dirs, names in os.walk(site):
        for name in names:
            path = os.path.join(top, name)
            yield path[len(prefix):].replace(os.sep, "/"), path
