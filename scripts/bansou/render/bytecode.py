"""Theme templates compiled once per process, not once per language.

static-i18n builds every language with a new Jinja environment, so Material's ~40 templates
were parsed and compiled eleven times per build (1.5 s of a 10 s build of the real handbook).
Jinja keeps compiled templates in a bytecode cache when it has one; this one lives in memory
for the life of the process (a build, or `mkdocs serve` across its rebuilds). An edited
template has a new checksum, so it is compiled again.
"""
from __future__ import annotations

import io

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # the extensions (e.g. CompactTemplates) change what a source compiles to
        key = f"{self.get_cache_key(name, filename)}|{','.join(sorted(environment.extensions))}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.load_bytecode(io.BytesIO(code))  # a changed source's checksum differs: ignored

    def dump_bytecode(self, bucket: Bucket) -> None:
        out = io.BytesIO()
        bucket.write_bytecode(out)
        self._code[bucket.key] = out.getvalue()


SHARED = MemoryBytecodeCache()
