"""Hidden properties of `impute_missing`: the contract in PROBLEMS.md, rule by rule.

Tables are built column by column from small pools. Numbers are ints and
floats that are multiples of 1/4 and small, so every sum, mean and median is
exact in float64 whatever the summation order; the oracle computes fills with
fractions. The pools hold the values that look missing but are not (0, 0.0,
"", "NaN", "None") next to the two markers that are (None and float NaN).

Whether the input was modified is checked through `call_and_arguments`: the
sandbox sends back the table as the solution left it.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import call_and_arguments, category, expect, expect_raises, fail, kept

NAN = math.nan
INTS = [-3, 0, 1, 2, 5, 7, 1000]
FLOATS = [-2.5, 0.0, 0.25, 1.5, 3.0, 7.75, 1e3]
STRINGS = ["a", "b", "B", "", "NaN", "nan", "None", "0", "é"]
MARKERS = [None, NAN]
KINDS = ["int", "float", "number", "str", "empty"]
REL_TOL = ABS_TOL = 1e-9
SHAPE_EXAMPLES = 12
LARGE_ROWS, LARGE_COLUMNS = 10_000, 6


# --- strategies -----------------------------------------------------------------------


def _pool(kind: str) -> list:
    return {"int": INTS, "float": FLOATS, "number": INTS + FLOATS, "str": STRINGS, "empty": []}[kind]


@st.composite
def columns(draw: st.DrawFn, n_rows: int, kind: str) -> list:
    """One column of n_rows cells of the given kind, some of them missing."""
    pool = _pool(kind)
    cell = st.sampled_from(MARKERS) if not pool else st.one_of(st.sampled_from(pool), st.sampled_from(MARKERS))
    return draw(st.lists(cell, min_size=n_rows, max_size=n_rows))


@st.composite
def tables(draw: st.DrawFn, kinds: list[str] = KINDS, max_rows: int = 7, max_columns: int = 4,
           min_rows: int = 1, min_columns: int = 1) -> list[list]:
    """A rectangular table: each column numbers only, strings only, or no value at all."""
    n_rows = draw(st.integers(min_rows, max_rows))
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=min_columns, max_size=max_columns))
    cols = [draw(columns(n_rows, kind)) for kind in chosen]
    return [[col[r] for col in cols] for r in range(n_rows)]


# --- the oracle --------------------------------------------------------------------------


def _missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell))


def _fill(cells: list, numeric: str):
    """The exact fill of a column (a Fraction or a str), or None without values."""
    values = [c for c in cells if not _missing(c)]
    if not values:
        return None
    if isinstance(values[0], str):
        counts = Counter(values)
        best = max(counts.values())
        return min(v for v in counts if counts[v] == best)
    if numeric == "mean":
        return sum(map(Fraction, values), Fraction(0)) / len(values)
    # Python compares ints with floats exactly: sorted as they are, only the middle becomes a Fraction
    # (sorting 6700 Fractions took 0.3 s of every run).
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return (Fraction(ordered[middle - 1]) + Fraction(ordered[middle])) / 2


def _same_cell(got: object, want: object) -> bool:
    """Equal value and type; NaN equals NaN."""
    if _missing(want):
        return got is None if want is None else isinstance(got, float) and math.isnan(got)
    return type(got) is type(want) and got == want


def _same_table(got: list, want: list) -> bool:
    return (isinstance(got, list) and len(got) == len(want)
            and all(isinstance(g, list) and len(g) == len(w) and all(map(_same_cell, g, w))
                    for g, w in zip(got, want)))


def _check_result(result: object, table: list[list], numeric: str) -> None:
    expect(isinstance(result, list) and len(result) == len(table),
           "impute_missing must return a list with one row per input row", actual=result)
    width = len(table[0]) if table else 0
    for r, row in enumerate(result):
        expect(isinstance(row, list) and len(row) == width, f"row {r} must be a list of {width} cells", actual=row)
    for c in range(width):
        cells = [row[c] for row in table]
        fill = _fill(cells, numeric)
        fill = float(fill) if isinstance(fill, Fraction) else fill  # exact enough: 1e-16 off at most
        for r, cell in enumerate(cells):
            _check_cell(result[r][c], cell, fill, r, c, numeric)


def _check_cell(got: object, cell: object, fill, r: int, c: int, numeric: str) -> None:
    where = f"cell [{r}][{c}]"
    if not _missing(cell):
        if not _same_cell(got, cell):
            fail(f"{where} is a value, not missing: it must stay unchanged (same value, same type)",
                 expected=cell, actual=got)
    elif fill is None:
        if not _same_cell(got, cell):
            fail(f"{where}: column {c} has no value at all, so each cell keeps its marker (None stays None, "
                 f"NaN stays NaN)", expected=cell, actual=got)
    elif isinstance(fill, str):
        if not (isinstance(got, str) and got == fill):
            fail(f"{where} is missing: a string column is filled with its most frequent string "
                 f"(ties: the smallest)", expected=fill, actual=got)
    else:
        number = isinstance(got, (int, float)) and not isinstance(got, bool)
        if not (number and math.isclose(got, fill, rel_tol=REL_TOL, abs_tol=ABS_TOL)):
            fail(f"{where} is missing: a numeric column is filled with the {numeric} of its values",
                 expected=fill, actual=got)


def _check(solution, table: list[list], numeric: str | None = None) -> None:
    result = solution.impute_missing(table) if numeric is None else solution.impute_missing(table, numeric)
    _check_result(result, table, numeric or "median")


# --- worked examples ------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    table = [[1, "a", None], [None, "b", NAN], [4, None, None], [2, "b", NAN]]
    _check(solution, table)
    _check(solution, table, "mean")
    _check(solution, [[0, ""], [None, "NaN"], [NAN, None]])


# --- numeric columns ---------------------------------------------------------------------------


@category("numeric columns: median")
@given(table=tables(kinds=["int", "float", "number"]))
def test_median(solution, table):
    _check(solution, table, "median")


@category("numeric columns: median")
@given(table=tables(kinds=["int", "float", "number"], max_columns=2))
def test_median_is_the_default(solution, table):
    _check(solution, table)


@category("numeric columns: median of an even count is the mean of the two middle values")
@given(values=st.lists(st.sampled_from(INTS + FLOATS), min_size=1, max_size=4).map(lambda v: v + v[:1]),
       extra=st.sampled_from(INTS), missing=st.sampled_from(MARKERS))
def test_median_of_an_even_count(solution, values, extra, missing):
    cells = values + [extra] if len(values) % 2 else values
    _check(solution, [[v] for v in cells] + [[missing]], "median")


@category("numeric columns: mean")
@given(table=tables(kinds=["int", "float", "number"]))
def test_mean(solution, table):
    _check(solution, table, "mean")


# --- string columns -------------------------------------------------------------------------------


@category("string columns: the most frequent string, ties to the smallest")
@given(table=tables(kinds=["str"], max_rows=9), numeric=st.sampled_from(["median", "mean"]))
def test_mode_of_strings(solution, table, numeric):
    _check(solution, table, numeric)


@category("string columns: the most frequent string, ties to the smallest")
@given(words=st.lists(st.sampled_from(STRINGS), min_size=1, max_size=4, unique=True), missing=st.sampled_from(MARKERS))
def test_mode_tie_goes_to_the_smallest(solution, words, missing):
    # Every word twice, in an order that puts the smallest word last.
    cells = sorted(words, reverse=True) * 2 + [missing]
    _check(solution, [[w] for w in cells])


# --- what is missing ----------------------------------------------------------------------------


@category("missing: None and NaN only; 0, 0.0, \"\" and \"NaN\" are values")
@given(table=tables(kinds=["int", "float", "str"], max_columns=3), numeric=st.sampled_from(["median", "mean"]))
def test_falsy_and_nan_looking_values_are_values(solution, table, numeric):
    table = table + [[0 if isinstance(c, (int, float)) else "" for c in _column_examples(table)]]
    _check(solution, table, numeric)


def _column_examples(table: list[list]) -> list:
    """One value per column (its first non-missing cell, else 0)."""
    return [next((row[c] for row in table if not _missing(row[c])), 0) for c in range(len(table[0]))]


@category("columns without any value keep their markers")
@given(table=tables(kinds=["empty", "int", "str"]), numeric=st.sampled_from(["median", "mean"]))
def test_columns_without_values(solution, table, numeric):
    _check(solution, table, numeric)


# --- the whole table ----------------------------------------------------------------------------


@category("mixed tables")
@given(table=tables(max_rows=8, max_columns=5), numeric=st.sampled_from(["median", "mean"]))
def test_any_table(solution, table, numeric):
    _check(solution, table, numeric)


@category("the input is not modified")
@given(table=tables(max_rows=6, max_columns=4), numeric=st.sampled_from(["median", "mean"]))
def test_input_not_modified(solution, table, numeric):
    after = call_and_arguments(solution, "impute_missing", table, numeric)
    _check_result(after.value, table, numeric)
    left = after.args[0] if after.args else None
    if not _same_table(left, table):
        fail("impute_missing must return a new table and leave the input table and its rows unchanged; "
             "after the call the input table was", expected=table, actual=left)


@category("empty table and rows of length 0")
@given(n_rows=st.integers(0, 4), numeric=st.sampled_from(["median", "mean"]))
def test_empty(solution, n_rows, numeric):
    table = [[] for _ in range(n_rows)]
    result = solution.impute_missing(table, numeric)
    expect(_same_table(result, table), "an empty table gives [], and rows of length 0 stay rows of length 0",
           expected=table, actual=result)


# --- errors ----------------------------------------------------------------------------------------


@category("numbers and strings in one column: TypeError")
@given(table=tables(kinds=["int", "float", "str", "empty"], min_rows=2), number=st.sampled_from(INTS + FLOATS),
       word=st.sampled_from(STRINGS), where=st.integers(0, 100), numeric=st.sampled_from(["median", "mean"]))
def test_mixed_column(solution, table, number, word, where, numeric):
    column = where % len(table[0])
    table[0][column], table[1][column] = number, word
    with expect_raises(TypeError):
        solution.impute_missing(table, numeric)


@category("rows of unequal length: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(table=tables(kinds=["int", "str", "empty"], min_rows=2), where=st.integers(0, 100), longer=st.booleans())
def test_rows_of_unequal_length(solution, table, where, longer):
    row = table[where % len(table)]
    if longer or not row:
        row.append(1)
    else:
        row.pop()
    with expect_raises(ValueError):
        solution.impute_missing(table)


@category("numeric other than \"median\" or \"mean\": ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(table=tables(), numeric=st.sampled_from(["mode", "Median", "MEAN", "", "average", " mean"]))
def test_unknown_numeric_rule(solution, table, numeric):
    # A mixed column in the same table would make TypeError acceptable too: these tables have none.
    with expect_raises(ValueError):
        solution.impute_missing(table, numeric)


# --- large table -------------------------------------------------------------------------------------


@kept
def _large() -> list[list]:
    rng = random.Random(5)
    kinds = ["int", "float", "str", "number", "int", "str"]
    cols = []
    for kind in kinds[:LARGE_COLUMNS]:
        if kind == "str":
            pool = [f"w{i}" for i in range(300)]
        elif kind == "float":
            pool = [i / 4 for i in range(-4000, 4000)]
        else:
            pool = list(range(-5000, 5000))
        cols.append([rng.choice(MARKERS) if rng.random() < 0.33 else rng.choice(pool) for _ in range(LARGE_ROWS)])
    return [[col[r] for col in cols] for r in range(LARGE_ROWS)]


@category("large table: 10 000 rows x 6 columns")
def test_large_table_median(solution):
    _check(solution, _large(), "median")
