"""The UTF-8 table the judge writes for Hypothesis is the one Hypothesis computes itself."""

from __future__ import annotations

import gzip
import json

from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.internal import charmap

from judge.harness import unicode_tables


def _intervals_in(home) -> tuple:
    """What Hypothesis makes of the codec with `home` as its storage, bypassing its in-process cache."""
    set_hypothesis_home_dir(home)
    try:
        encodable, lossy = charmap.intervals_from_codec.__wrapped__("utf-8")
    finally:
        set_hypothesis_home_dir(None)
    return encodable.intervals, lossy.intervals


def test_seeded_table_equals_hypothesis_own_computation(tmp_path):
    computed = _intervals_in(tmp_path / "computed")  # nothing there: Hypothesis encodes every code point
    assert unicode_tables.table_path(tmp_path / "computed").is_file()  # it stored it where we write it
    unicode_tables.seed(tmp_path / "seeded")
    assert _intervals_in(tmp_path / "seeded") == computed


def test_hypothesis_reads_the_file_where_it_is_written(tmp_path):
    """A table that differs from the truth comes back as written: Hypothesis read it, not recomputed it."""
    unicode_tables.seed(tmp_path)
    with gzip.GzipFile(unicode_tables.table_path(tmp_path), "wb") as table:
        table.write(json.dumps([[[97, 99]], []]).encode())
    assert _intervals_in(tmp_path) == (((97, 99),), ())


def _categories_in(home) -> dict:
    """Hypothesis's category table with `home` as its storage, bypassing its in-process copy."""
    set_hypothesis_home_dir(home)
    saved, charmap._charmap = charmap._charmap, None
    try:
        return charmap.charmap()
    finally:
        charmap._charmap = saved
        set_hypothesis_home_dir(None)


def test_shipped_category_table_equals_hypothesis_own_computation(tmp_path):
    """CI's Python has its table shipped; it is the one Hypothesis computes for itself."""
    assert unicode_tables.shipped_categories().is_file()
    computed = _categories_in(tmp_path / "computed")
    assert unicode_tables.table_path(tmp_path / "computed", unicode_tables.CATEGORIES_FILE).is_file()
    unicode_tables.seed(tmp_path / "seeded")
    assert _categories_in(tmp_path / "seeded") == computed


def test_hypothesis_reads_the_category_table_where_it_is_written(tmp_path):
    unicode_tables.seed(tmp_path)
    with gzip.GzipFile(unicode_tables.table_path(tmp_path, unicode_tables.CATEGORIES_FILE), "wb") as table:
        table.write(json.dumps([["Lu", [[65, 90]]]]).encode())
    assert _categories_in(tmp_path) == {"Lu": ((65, 90),)}
