"""Hidden properties of `impute_missing`: the contract in spec.md, rule by rule.

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

from judge.testing import WrongAnswer, call_and_arguments, category, expect, expect_raises, fail, kept

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


@st.composite
def mixed_columns(draw: st.DrawFn, n_rows: int) -> list:
    """A column of n_rows cells holding numbers and strings, among markers.

    Either kind comes first (at any row, after markers or not) and the other
    kind follows in any place: right after it, in the middle or last. The
    values often have a single most frequent one, so a solution that decides
    the type from one value and then counts (a Counter takes numbers and
    strings alike) returns a fill instead of raising.
    """
    n_values = draw(st.integers(2, n_rows))
    first = draw(st.sampled_from(["str", "number"]))
    other = "number" if first == "str" else "str"
    values = draw(st.lists(st.sampled_from(_pool(first) + _pool(other)), min_size=n_values - 1, max_size=n_values - 1))
    values[0] = draw(st.sampled_from(_pool(first)))
    values.insert(draw(st.integers(1, n_values - 1)), draw(st.sampled_from(_pool(other))))
    rows = sorted(draw(st.sets(st.integers(0, n_rows - 1), min_size=n_values, max_size=n_values)))
    column = [draw(st.sampled_from(MARKERS)) for _ in range(n_rows)]
    for r, value in zip(rows, values):
        column[r] = value
    return column


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


def _expect_mixed_column_type_error(solution, table: list[list], numeric: str, column: int) -> None:
    cells = [row[column] for row in table]
    first = next(c for c in cells if not _missing(c))
    try:
        with expect_raises(TypeError):
            solution.impute_missing(table, numeric)
    except WrongAnswer as wrong:
        fail(f"column {column} holds numbers and strings ({cells!r}; its first value is the "
             f"{'string' if isinstance(first, str) else 'number'} {first!r}): every value of a column counts, "
             f"so the call must raise TypeError; {wrong}")


@category("numbers and strings in one column: TypeError")
@given(table=tables(kinds=["int", "float", "str", "empty"], min_rows=2), data=st.data(), where=st.integers(0, 100),
       numeric=st.sampled_from(["median", "mean"]))
def test_mixed_column(solution, table, data, where, numeric):
    column = where % len(table[0])
    for r, cell in enumerate(data.draw(mixed_columns(len(table)), label="mixed column")):
        table[r][column] = cell
    _expect_mixed_column_type_error(solution, table, numeric, column)


@category("numbers and strings in one column: TypeError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(word=st.sampled_from(STRINGS), others=st.lists(st.sampled_from(STRINGS), max_size=3, unique=True),
       number=st.sampled_from(INTS + FLOATS), at=st.integers(0, 100), lead=st.lists(st.sampled_from(MARKERS), max_size=2),
       numeric=st.sampled_from(["median", "mean"]))
def test_mixed_column_starting_with_a_string(solution, word, others, number, at, lead, numeric):
    # The first value is a string and the most frequent value is unique (`word`, twice): only a solution that looks
    # at every value's type sees the number, wherever it is after the first string (next, in the middle, last).
    values = [word, word] + [w for w in others if w != word]
    values.insert(1 + at % len(values), number)
    table = [[cell, 1] for cell in lead + values]
    _expect_mixed_column_type_error(solution, table, numeric, 0)


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
