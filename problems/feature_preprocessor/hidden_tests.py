"""Hidden properties of `Preprocessor`, rule by rule of spec.md.

The oracle shares no code with the reference: each numeric column's mean and
population variance are computed exactly with fractions over the present
training values, and the expected output is (x - mean) / sqrt(variance) from
those exact values (1 for a variance of 0). Outputs are compared within
1e-9 * max(1, |expected|): every correct float64 formula is far inside that
on these inputs (integers and halves up to 10^4, so every sum is exact and a
constant column has a standard deviation of exactly 0 in any formula).
One-hot columns must be exactly 0.0 or 1.0.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import category, expect, expect_raises, fail, kept, method_and_arguments

TOL = 1e-9
SHAPE_EXAMPLES = 10
NUMERIC_NAMES = ["score", "age", "income", "height"]  # never alphabetical in the order given
CATEGORICAL_NAMES = ["plan", "city", "color"]
STRINGS = ["red", "blue", "green", "amber", "Zinc"]
INTS = [10, 2, 3, -1, 100]
MISSING_FORMS = ["absent", "none", "nan"]
numbers = st.one_of(st.integers(-50, 50), st.integers(-100, 100).map(lambda v: v / 2))


# --- the oracle ---------------------------------------------------------------------------------------


def _missing(row: dict, name: str) -> bool:
    value = row.get(name)
    return value is None or (isinstance(value, float) and math.isnan(value))


class Oracle:
    """Exact statistics of the training rows, and the output they give."""

    def __init__(self, numeric: list, categorical: list, rows: list) -> None:
        self.numeric, self.categorical = numeric, categorical
        self.stats = []
        for name in numeric:
            present = [Fraction(row[name]) for row in rows if not _missing(row, name)]
            mean = sum(present, Fraction(0)) / len(present)
            variance = sum(((v - mean) ** 2 for v in present), Fraction(0)) / len(present)
            self.stats.append((mean, math.sqrt(variance) if variance else 1.0))
        self.categories = [sorted({row[name] for row in rows if not _missing(row, name)}) for name in categorical]

    def names(self) -> list[str]:
        """What each output column is, for messages."""
        return list(self.numeric) + [f"{name}={c!r}" for name, cats in zip(self.categorical, self.categories)
                                     for c in cats]

    def row(self, row: dict) -> list[float]:
        out = []
        for name, (mean, scale) in zip(self.numeric, self.stats):
            out.append(0.0 if _missing(row, name) else float(Fraction(row[name]) - mean) / scale)
        for name, cats in zip(self.categorical, self.categories):
            value = None if _missing(row, name) else row[name]
            out += [1.0 if value == c and type(value) is type(c) else 0.0 for c in cats]
        return out


# --- strategies ----------------------------------------------------------------------------------------


@st.composite
def columns(draw: st.DrawFn, max_numeric: int = 3, max_categorical: int = 2) -> tuple[list, list]:
    p = draw(st.integers(0, max_numeric))
    c = draw(st.integers(0 if p else 1, max_categorical))
    numeric = draw(st.permutations(NUMERIC_NAMES))[:p]
    categorical = draw(st.permutations(CATEGORICAL_NAMES))[:c]
    return numeric, categorical


def _value_pools(categorical: list) -> dict:
    """The int column is `city`, the others hold strings."""
    return {name: INTS if name == "city" else STRINGS for name in categorical}


@st.composite
def rows_for(draw: st.DrawFn, numeric: list, categorical: list, min_size: int = 1, max_size: int = 8,
             missing: bool = True, pools: dict | None = None) -> list[dict]:
    pools = pools or _value_pools(categorical)
    rows = []
    for _ in range(draw(st.integers(min_size, max_size))):
        row = {}
        if draw(st.booleans()):
            row["id"] = draw(st.sampled_from(["x", "y"]))  # a key that is no column: ignored
        for name in numeric + categorical:
            form = draw(st.sampled_from(["value", "value", "value"] + (MISSING_FORMS if missing else [])))
            if form == "absent":
                continue
            if form in ("none", "nan"):
                row[name] = None if form == "none" else math.nan
            else:
                row[name] = draw(numbers if name in numeric else st.sampled_from(pools[name]))
        keys = draw(st.permutations(sorted(row)))
        rows.append({k: row[k] for k in keys})
    return rows


@st.composite
def tasks(draw: st.DrawFn, max_rows: int = 8, missing: bool = True) -> dict:
    numeric, categorical = draw(columns())
    train = draw(rows_for(numeric, categorical, max_size=max_rows, missing=missing))
    for name in numeric:  # every numeric column needs a present training value
        if all(_missing(row, name) for row in train):
            train[draw(st.integers(0, len(train) - 1))][name] = draw(numbers)
    queries = draw(rows_for(numeric, categorical, min_size=0, max_size=4))
    return {"numeric": numeric, "categorical": categorical, "train": train, "queries": queries}


# --- talking to the solution -------------------------------------------------------------------------


def _fitted(solution, numeric, categorical, rows):
    model = solution.Preprocessor(numeric, categorical)
    returned = model.fit(rows)
    expect(returned is model, "fit must return self")
    return model


def _expect_rows(got, oracle: Oracle, rows: list, why: str) -> None:
    names = oracle.names()
    if got == [] and rows == []:
        return
    expect(isinstance(got, list) and len(got) == len(rows),
           f"transform must return one output row per input row ({len(rows)})", actual=got)
    for i, (row, g) in enumerate(zip(rows, got)):
        want = oracle.row(row)
        if not (isinstance(g, list) and len(g) == len(want)):
            fail(f"output row {i} must have {len(want)} columns: {names}", expected=want, actual=g)
        for j, (a, w) in enumerate(zip(g, want)):
            if not (isinstance(a, (int, float)) and not isinstance(a, bool)):
                fail(f"output row {i}, column {j} ({names[j]}) must be a float", actual=a)
            exact = j >= len(oracle.numeric)
            if (a != w) if exact else not abs(a - w) <= TOL * max(1.0, abs(w)):
                fail(f"output row {i}, column {j} ({names[j]}) for input {row}: {why}", expected=want, actual=g)


def _check(solution, task: dict, why: str) -> None:
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    oracle = Oracle(task["numeric"], task["categorical"], task["train"])
    rows = task["train"] + task["queries"]
    _expect_rows(model.transform(rows), oracle, rows, why)


# --- examples --------------------------------------------------------------------------------------------


EXAMPLE = [{"age": 20, "income": 1000, "city": "Paris"}, {"age": 30, "income": None, "city": "Lyon"},
           {"age": 40, "income": 3000}]


@category("examples")
def test_statement_example(solution):
    task = {"numeric": ["age", "income"], "categorical": ["city"], "train": EXAMPLE,
            "queries": [{"age": 30, "city": "Nice"}, {"age": 25.5, "income": math.nan, "city": "Lyon"}]}
    _check(solution, task, "the example of the statement")


# --- the transformation ----------------------------------------------------------------------------------


@category("standardise and one-hot")
@given(task=tasks(missing=False))
def test_complete_rows(solution, task):
    _check(solution, task, "(x - training mean) / training population std; one-hot in sorted category order")


@category("missing values: absent, None, NaN")
@given(task=tasks())
def test_missing_values(solution, task):
    _check(solution, task, "the statistics come from the present values; a missing number is the mean (0.0), "
                           "a missing category all zeros")


@category("missing values: absent, None, NaN")
@given(values=st.lists(numbers, min_size=1, max_size=6), form=st.sampled_from(MISSING_FORMS),
       where=st.integers(0, 6))
def test_one_missing_number(solution, values, form, where):
    # The missing value at the first, a middle or the last position of the training rows.
    rows = [{"age": v} for v in values]
    rows.insert(where % (len(values) + 1), {} if form == "absent" else {"age": None if form == "none" else math.nan})
    model = _fitted(solution, ["age"], [], rows)
    _expect_rows(model.transform(rows), Oracle(["age"], [], rows), rows,
                 "the missing training value is left out of the mean and std, and transforms to 0.0")


@category("unseen and missing categories: all zeros")
@given(task=tasks(), unseen=st.tuples(st.sampled_from(["violet", "RED", "", "nan"]), st.sampled_from([7, 0, 1000])))
def test_unseen_category(solution, task, unseen):
    # An unseen value of the column's own kind: a string in a string column, an int in the int column.
    if not task["categorical"]:
        task = {**task, "categorical": ["color"], "train": [{**r, "color": "red"} for r in task["train"]]}
    pools = _value_pools(task["categorical"])
    rows = [{**row, name: unseen[1] if pools[name] is INTS else unseen[0]}
            for row in task["queries"] + task["train"][:2] for name in task["categorical"]]
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    _expect_rows(model.transform(rows), Oracle(task["numeric"], task["categorical"], task["train"]), rows,
                 f"a value not seen in training ({unseen[0]!r} or {unseen[1]!r}): every column of its category is 0")


@category("column order: numeric as given, then sorted categories")
@given(order=st.permutations(["red", "blue", "green", "amber"]), numeric=st.permutations(NUMERIC_NAMES[:3]))
def test_sorted_categories_and_given_column_order(solution, order, numeric):
    rows = [{"color": c, **{name: i + k for k, name in enumerate(numeric)}} for i, c in enumerate(order)]
    model = _fitted(solution, list(numeric), ["color"], rows)
    _expect_rows(model.transform(rows), Oracle(list(numeric), ["color"], rows), rows,
                 f"numeric columns in the order given {list(numeric)}, then the categories sorted: "
                 f"{sorted(order)}, whatever order they first appear in")


@category("column order: numeric as given, then sorted categories")
@given(order=st.permutations(INTS), take=st.integers(2, 5))
def test_int_categories_sort_as_numbers(solution, order, take):
    rows = [{"city": v} for v in order[:take]]
    model = _fitted(solution, [], ["city"], rows)
    _expect_rows(model.transform(rows), Oracle([], ["city"], rows), rows,
                 f"int categories sort as numbers: {sorted(order[:take])}, not as strings")


@category("column order: numeric as given, then sorted categories")
@given(task=tasks(), pools=st.tuples(st.permutations(STRINGS), st.permutations(INTS)))
def test_several_categorical_columns(solution, task, pools):
    categorical = ["plan", "city", "color"]
    pool = {"plan": list(pools[0][:3]), "city": list(pools[1][:3]), "color": list(pools[0][2:])}
    rng = random.Random(len(task["train"]))
    train = [{**row, **{name: rng.choice(pool[name]) for name in categorical}} for row in task["train"]]
    queries = [{**row, **{name: rng.choice(pool[name] + [None]) for name in categorical}} for row in task["train"]]
    _check(solution, {**task, "categorical": categorical, "train": train, "queries": queries},
           "each categorical column in the order given, its categories sorted")


@category("constant numeric column: divided by 1")
@given(value=st.integers(-20, 20).map(lambda v: v / 2), n=st.integers(1, 5), others=st.lists(numbers, max_size=3),
       missing=st.booleans())
def test_constant_column(solution, value, n, others, missing):
    rows = [{"income": value, "age": i} for i in range(n)] + ([{"age": 9}] if missing else [])
    model = _fitted(solution, ["income", "age"], [], rows)
    queries = rows + [{"income": v, "age": 0} for v in others]
    _expect_rows(model.transform(queries), Oracle(["income", "age"], [], rows), queries,
                 f"every training income is {value}: std 0, so the column is x - mean (divided by 1), 0 for the "
                 "training rows")


@category("one training row")
@given(task=tasks(max_rows=1))
def test_one_training_row(solution, task):
    _check(solution, task, "one training row: every numeric std is 0 (divided by 1)")


@category("a categorical column never present in training: no columns")
@given(task=tasks())
def test_categorical_never_present(solution, task):
    train = [{k: v for k, v in row.items() if k != "plan"} for row in task["train"]]
    train[0]["plan"] = None
    queries = [{**row, "plan": "red"} for row in task["queries"]]
    _check(solution, {**task, "categorical": task["categorical"] + ["plan"] if "plan" not in task["categorical"]
                      else task["categorical"], "train": train, "queries": queries},
           "a categorical column with no training value has no category, so no output column")


@category("no rows to transform")
@given(task=tasks())
def test_transform_nothing(solution, task):
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    got = model.transform([])
    expect(got == [], "transform([]) returns no rows", expected=[], actual=got)


# --- transform never refits ---------------------------------------------------------------------------------


@category("transform never refits (training-serving skew)")
@given(task=tasks(), shift=st.sampled_from([1000, -1000, 0.5]))
def test_statistics_come_from_fit_only(solution, task, shift):
    # A serving batch far from the training data, with new categories: the training statistics still apply.
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    oracle = Oracle(task["numeric"], task["categorical"], task["train"])
    batch = [{k: (v * shift if k in task["numeric"] and isinstance(v, (int, float)) and not math.isnan(v) else v)
              for k, v in row.items()} for row in task["train"] + task["queries"]]
    _expect_rows(model.transform(batch), oracle, batch, "transform applies the training mean and std, "
                                                        "whatever the batch it is given")
    rows = task["train"]
    _expect_rows(model.transform(rows), oracle, rows, "an earlier transform must not change what fit learned")


@category("transform never refits (training-serving skew)")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=tasks())
def test_rows_alone_or_in_a_batch(solution, task):
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    rows = task["queries"] + task["train"]
    batch = model.transform(rows)
    for i, row in enumerate(rows):
        alone = model.transform([row])
        expect(isinstance(batch, list) and len(batch) == len(rows) and alone == [batch[i]],
               f"row {i} transformed alone differs from the same row in a batch: {row}",
               expected=batch[i] if isinstance(batch, list) and i < len(batch) else None, actual=alone)


@category("fit replaces what was learned and returns self")
@given(first=tasks(), second=tasks())
def test_refit_replaces(solution, first, second):
    model = solution.Preprocessor(second["numeric"], second["categorical"])
    model.fit([{**row, **dict.fromkeys(second["numeric"], 7)} for row in first["train"]])
    expect(model.fit(second["train"]) is model, "fit must return self")
    rows = second["train"] + second["queries"]
    _expect_rows(model.transform(rows), Oracle(second["numeric"], second["categorical"], second["train"]), rows,
                 "a second fit learns from its own rows only")


# --- arguments are left as they are -----------------------------------------------------------------------------


def _method_and_arguments(solution, model, name: str, *args):
    """The method's value and its arguments as the solution left them."""
    after = method_and_arguments(model, name, *args)
    return after.value, after.args


def _same(a, b) -> bool:
    """Equal rows, NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


@category("rows are not modified")
@given(task=tasks())
def test_rows_unchanged(solution, task):
    model = solution.Preprocessor(task["numeric"], task["categorical"])
    for name, rows in (("fit", task["train"]), ("transform", task["train"] + task["queries"])):
        _, after = _method_and_arguments(solution, model, name, rows)
        if not _same(after[0], rows):
            fail(f"{name} modified its rows (missing values filled in place?)", expected=rows, actual=after[0])


# --- errors -----------------------------------------------------------------------------------------------------


@category("bad column lists: TypeError / ValueError")
@given(bad=st.sampled_from([("age", []), (["age", 3], []), (None, ["city"]), ([], "city"), ([], [["city"]])]))
def test_column_lists_not_lists_of_strings(solution, bad):
    with expect_raises(TypeError):
        solution.Preprocessor(*bad).fit(EXAMPLE)


@category("bad column lists: TypeError / ValueError")
@given(bad=st.sampled_from([(["age", "age"], []), ([], ["city", "city"]), (["age"], ["age"]),
                            (["income", "age"], ["city", "income"]), ([], [])]))
def test_repeated_or_no_columns(solution, bad):
    with expect_raises(ValueError):
        solution.Preprocessor(*bad).fit(EXAMPLE)


@category("no training rows; a numeric column never present: ValueError")
@given(numeric_columns=st.sampled_from([["age"], []]))
def test_fit_without_rows(solution, numeric_columns):
    with expect_raises(ValueError):
        solution.Preprocessor(numeric_columns, ["city"]).fit([])


@category("no training rows; a numeric column never present: ValueError")
@given(task=tasks(), form=st.sampled_from(MISSING_FORMS))
def test_numeric_column_never_present(solution, task, form):
    numeric = task["numeric"] + ["height"] if "height" not in task["numeric"] else task["numeric"]
    train = [{k: v for k, v in row.items() if k != "height"} for row in task["train"]]
    if form != "absent":
        for row in train:
            row["height"] = None if form == "none" else math.nan
    with expect_raises(ValueError):
        solution.Preprocessor(numeric, task["categorical"]).fit(train)


def _with_bad(rows: list, where: int, bad) -> list:
    rows = [dict(row) for row in rows]
    if isinstance(bad, dict):
        rows[where % len(rows)] = {**rows[where % len(rows)], **bad}
    else:
        rows[where % len(rows)] = bad
    return rows


@category("a row that is not a dict: TypeError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([["age", 3], ("age", 3), "age=3", None, 3]), where=st.integers(0, 20),
       method=st.sampled_from(["fit", "transform"]))
def test_row_not_a_dict(solution, task, bad, where, method):
    model = _fitted(solution, task["numeric"], task["categorical"], task["train"])
    with expect_raises(TypeError):
        getattr(model, method)(_with_bad(task["train"], where, bad))


@category("a numeric value that is not a number: TypeError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from(["3", "", "nan", [1.0], (2,)]), where=st.integers(0, 20),
       method=st.sampled_from(["fit", "transform"]))
def test_numeric_value_not_a_number(solution, task, bad, where, method):
    numeric = task["numeric"] or ["age"]
    train = [{**row, **({"age": 1} if not task["numeric"] else {})} for row in task["train"]]
    model = _fitted(solution, numeric, task["categorical"], train)
    name = numeric[where % len(numeric)]
    with expect_raises(TypeError):
        getattr(model, method)(_with_bad(train, where, {name: bad}))


@category("an infinite numeric value: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([math.inf, -math.inf]), where=st.integers(0, 20),
       method=st.sampled_from(["fit", "transform"]))
def test_infinite_value(solution, task, bad, where, method):
    numeric = task["numeric"] or ["age"]
    train = [{**row, **({"age": 1} if not task["numeric"] else {})} for row in task["train"]]
    model = _fitted(solution, numeric, task["categorical"], train)
    name = numeric[where % len(numeric)]
    with expect_raises(ValueError):
        getattr(model, method)(_with_bad(train, where, {name: bad}))


# --- large input: time --------------------------------------------------------------------------------------------


@kept
def _large() -> tuple[list, list, list, list, list]:
    """4000 rows of 4 numeric and 2 categorical columns, 5% missing, 4000 serving rows, and their outputs."""
    rng = random.Random(31)
    numeric, categorical = ["n3", "n1", "n2", "n0"], ["c1", "c0"]
    cats = {"c1": [f"v{i:02d}" for i in range(40)], "c0": list(range(-20, 20))}

    def row(serving: bool) -> dict:
        out = {}
        for k, name in enumerate(numeric):
            if rng.random() > 0.05:
                out[name] = rng.randrange(-4000, 4000) / 4 + 1000 * k
        for name in categorical:
            if rng.random() > 0.05:
                out[name] = rng.choice(cats[name]) if not serving or rng.random() > 0.1 else "unseen"
        return out

    train = [row(False) for _ in range(4000)]
    serving = [row(True) for _ in range(4000)]
    oracle = Oracle(numeric, categorical, train)
    return numeric, categorical, train, serving, [oracle.row(r) for r in serving]


@category("large input: 4000 rows")
def test_large(solution):
    numeric, categorical, train, serving, want = _large()
    model = _fitted(solution, numeric, categorical, train)
    got = model.transform(serving)
    expect(isinstance(got, list) and len(got) == len(serving), "one output row per input row")
    for i, (g, w) in enumerate(zip(got, want)):
        if not (isinstance(g, list) and len(g) == len(w)):
            fail(f"output row {i} must have {len(w)} columns", expected=w, actual=g)
        for j, (a, b) in enumerate(zip(g, w)):
            if not abs(a - b) <= TOL * max(1.0, abs(b)):
                fail(f"output row {i}, column {j} for input {serving[i]}", expected=w, actual=g)
