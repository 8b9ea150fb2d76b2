"""Hypothesis's table of the characters UTF-8 can encode, written into its private folder.

Each run gives Hypothesis a fresh, private storage folder (the hidden tests'
constants end up there), so the tables Hypothesis caches in it are lost with
it. One is costly: the first `st.text()` without an alphabet makes Hypothesis
try to encode every one of the 1.1 million code points as UTF-8 (1.6 s here,
in every run, before anything else of the test ran). The answer is a fact of
UTF-8, not of this machine: everything except the surrogates encodes, and
everything that encodes decodes back. Writing it where Hypothesis looks keeps
the run private and exact; a cache kept between runs would be a file a
solution without namespaces could rewrite to weaken the next run's inputs.

The file name and format are Hypothesis's (`charmap.intervals_from_codec`);
tests/harness/test_unicode_tables.py checks them against what Hypothesis
computes itself, so a Hypothesis that changes them fails a test instead of
silently running slowly (it recomputes whatever it cannot read).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

CODEC_FILE = "codec-v2-utf-8.json.gz"
SURROGATES = (0xD800, 0xDFFF)
# [encodable intervals, the encodable ones that do not decode back to themselves]
UTF8_TABLE = [[[0, SURROGATES[0] - 1], [SURROGATES[1] + 1, 0x10FFFF]], []]


def table_path(hypothesis_home: Path) -> Path:
    return hypothesis_home / "unicode_data" / unicodedata.unidata_version / CODEC_FILE


def seed(hypothesis_home: Path) -> None:
    """Writes the UTF-8 table into a Hypothesis storage folder (the format Hypothesis writes)."""
    path = table_path(hypothesis_home)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=1) as table:
        table.write(json.dumps(UTF8_TABLE).encode())
