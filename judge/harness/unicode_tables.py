"""Hypothesis's table of the characters UTF-8 can encode, written into its private folder.

Each run gives Hypothesis a fresh, private storage folder (whatever it caches
about the hidden tests may end up there), so the tables Hypothesis caches in
it are lost with it. One is costly: the first `st.text()` without an alphabet makes Hypothesis
try to encode every one of the 1.1 million code points as UTF-8 (1.6 s here,
in every run, before anything else of the test ran). The answer is a fact of
UTF-8, not of this machine: everything except the surrogates encodes, and
everything that encodes decodes back. Writing it where Hypothesis looks keeps
the run private and exact; a cache kept between runs would be a file a
solution without namespaces could rewrite to weaken the next run's inputs.

The second table maps each Unicode category to its code point intervals
(`charmap.charmap`): any text strategy needs it, and computing it asks
`unicodedata.category` about every code point (0.1 s). It is a fact of the
Unicode version, so the judge ships it per version (unicode/, written by
`python judge/harness/unicode_tables.py` under each Python); a version without
a shipped table is computed by Hypothesis as before.

The file names and formats are Hypothesis's (`charmap.intervals_from_codec`,
`charmap.charmap`); tests/harness/test_unicode_tables.py checks them against
what Hypothesis computes itself, so a Hypothesis that changes them fails a test
instead of silently running slowly (it recomputes whatever it cannot read).
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import unicodedata
from pathlib import Path

CODEC_FILE = "codec-v2-utf-8.json.gz"
SURROGATES = (0xD800, 0xDFFF)
# [encodable intervals, the encodable ones that do not decode back to themselves]
UTF8_TABLE = [[[0, SURROGATES[0] - 1], [SURROGATES[1] + 1, 0x10FFFF]], []]


CATEGORIES_FILE = "charmap.json.gz"
SHIPPED = Path(__file__).with_name("unicode")


def table_path(hypothesis_home: Path, name: str = CODEC_FILE) -> Path:
    return hypothesis_home / "unicode_data" / unicodedata.unidata_version / name


def shipped_categories(version: str = unicodedata.unidata_version) -> Path:
    return SHIPPED / f"categories-{version}.json.gz"


def seed(hypothesis_home: Path) -> None:
    """Writes both tables into a Hypothesis storage folder (the formats Hypothesis writes)."""
    path = table_path(hypothesis_home)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=1) as table:
        table.write(json.dumps(UTF8_TABLE).encode())
    if shipped_categories().is_file():
        shutil.copyfile(shipped_categories(), table_path(hypothesis_home, CATEGORIES_FILE))


def category_intervals() -> list:
    """[[category, [[first, last], ...]], ...] sorted by category, for this Python's Unicode."""
    table: dict[str, list[list[int]]] = {}
    first, current = 0, unicodedata.category(chr(0))
    for code in range(1, sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category != current:
            table.setdefault(current, []).append([first, code - 1])
            first, current = code, category
    table.setdefault(current, []).append([first, sys.maxunicode])
    return sorted(table.items())


if __name__ == "__main__":  # run under each Python whose Unicode version the judge should ship
    SHIPPED.mkdir(exist_ok=True)
    with gzip.GzipFile(shipped_categories(), "wb", mtime=1) as out:
        out.write(json.dumps(category_intervals()).encode())
    print(f"wrote {shipped_categories()}")
