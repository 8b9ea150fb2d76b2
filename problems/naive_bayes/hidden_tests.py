"""Hidden properties of `GaussianNB`, rule by rule of spec.md.

The oracle shares no code with the reference: the class means, the
population variances and the floor are computed exactly with fractions from
the training data, then rounded once to float64, and the joint
log-likelihoods are summed with math.fsum. Float64 knows jll_c only to a
fraction of the size of its terms (each correct formula rounds differently;
a mean is off by up to n ulps of the column's largest value), so each class
gets an uncertainty dj_c (see `_uncertainty`), and a probability must lie
between the posteriors obtained by moving every jll by up to its dj, plus
PROBA_TOL. On rows whose terms are moderate this is as strict as PROBA_TOL;
where a class is 10^9 log-units below another, its probability is pinned at
0 and the others at their (tight) values anyway.

`predict` is checked where the best class clears every other by more than
their uncertainties, and on exact ties built so that every correct float64
formula ties: two classes that are mirror images of each other (every value
negated, rows in the same order, equal counts) queried at x = 0, where every
rounding step is symmetric under negation; and constant features, where only
the priors remain.

Data are small integers (or integers plus a huge offset, or scaled by a power
of two), so every sum a solution computes is exact and a feature constant in a
class has a variance of exactly 0 in any formula.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, category, expect, expect_raises, fail, kept, method_and_arguments

PROBA_TOL = 1e-7
SUM_TOL = 1e-9
# exp(jll - logsumexp(jll)), scikit-learn's formula, rounds jll - logsumexp to an ulp of |jll|:
# a row then sums to 1 only within a few ulps of the largest |jll|.
SUM_REL = 1e-13
# How much of the size of jll's terms two correct computations may differ by.
REL = 1e-10
SHAPE_EXAMPLES = 10
SMOOTHINGS = [1e-9, 1e-3, 0.1, 1.0, 10.0]
values = st.integers(-4, 4)


# --- the oracle (exact statistics, then float64) -------------------------------------------------------


class Oracle:
    """Exact per-class statistics of a training set, and the posteriors they give."""

    def __init__(self, X: list, y: list, var_smoothing: float = 1e-9) -> None:
        rows = [[Fraction(v) for v in row] for row in X]
        n, width = len(rows), len(rows[0])
        self.classes = sorted(set(y))
        self.width = width
        columns = list(zip(*rows))
        largest = max(_variance(column) for column in columns)
        epsilon = Fraction(var_smoothing) * largest
        self.informative = epsilon > 0
        self.log_prior, self.theta, self.var, self.scale = [], [], [], []
        for c in self.classes:
            members = [row for row, label in zip(rows, y) if label == c]
            self.log_prior.append(math.log(len(members) / n))
            means = [sum(col, Fraction(0)) / len(members) for col in zip(*members)]
            self.theta.append([float(m) for m in means])
            self.var.append([float(_variance(col) + epsilon) for col in zip(*members)])
        self.scale = [float(max(abs(v) for v in column)) for column in columns]

    def jll(self, x: list) -> tuple[list[float], list[float]]:
        """(jll_c, dj_c) for every class: the value and how well float64 knows it."""
        if not self.informative:
            return list(self.log_prior), [REL * abs(p) for p in self.log_prior]
        values_, errors = [], []
        for log_prior, theta, var in zip(self.log_prior, self.theta, self.var):
            logs = [0.5 * math.log(2 * math.pi * v) for v in var]
            squares = [(xj - t) ** 2 / (2 * v) for xj, t, v in zip(x, theta, var)]
            values_.append(math.fsum([log_prior] + [-a for a in logs] + [-b for b in squares]))
            # A mean is off by up to REL * the column's scale, which moves (x - theta)^2 / (2 var).
            shift = sum(abs(xj - t) * REL * s / v for xj, t, v, s in zip(x, theta, var, self.scale))
            errors.append(REL * (abs(log_prior) + sum(map(abs, logs)) + sum(squares)) + shift)
        return values_, errors

    def bounds(self, x: list) -> list[tuple[float, float, float]]:
        """(low, value, high) of each class's posterior at x."""
        jll, dj = self.jll(x)
        out = []
        for k in range(len(jll)):
            others = [j for j in range(len(jll)) if j != k]
            low = _posterior(jll[k] - dj[k], [jll[j] + dj[j] for j in others])
            high = _posterior(jll[k] + dj[k], [jll[j] - dj[j] for j in others])
            out.append((low, _posterior(jll[k], [jll[j] for j in others]), high))
        return out

    def best(self, x: list) -> tuple[int | None, list[int]]:
        """(index of the class that clears every other, or None; indices that may be the best)."""
        jll, dj = self.jll(x)
        top = max(range(len(jll)), key=lambda k: (jll[k], -k))
        rivals = [k for k in range(len(jll)) if jll[k] + dj[k] >= jll[top] - dj[top]]
        return (top if rivals == [top] else None), rivals


def _variance(column) -> Fraction:
    mean = sum(column, Fraction(0)) / len(column)
    return sum(((v - mean) ** 2 for v in column), Fraction(0)) / len(column)


def _posterior(mine: float, others: list[float]) -> float:
    """1 / (1 + sum exp(other - mine)), without overflow."""
    exponents = [o - mine for o in others]
    if any(e > 700 for e in exponents):
        return 0.0
    return 1.0 / (1.0 + math.fsum(math.exp(e) for e in exponents))


# --- strategies ------------------------------------------------------------------------------------------


@st.composite
def training_sets(draw: st.DrawFn, max_rows: int = 10, max_width: int = 3, max_classes: int = 4,
                  labels: list | None = None) -> dict:
    """Small integer X, labels from `labels` (default ints), every class present at least once."""
    pool = labels or [0, 1, 2, 5, -3, 10][:max_classes]
    k = draw(st.integers(1, min(max_classes, len(pool))))
    classes = draw(st.permutations(pool))[:k]
    width = draw(st.integers(1, max_width))
    extra = draw(st.lists(st.sampled_from(classes), max_size=max_rows - k))
    order = draw(st.permutations(list(classes) + extra))
    X = draw(st.lists(st.lists(values, min_size=width, max_size=width), min_size=len(order), max_size=len(order)))
    return {"X": X, "y": list(order), "var_smoothing": draw(st.sampled_from(SMOOTHINGS))}


def queries(task: dict, extra: list) -> list:
    width = len(task["X"][0])
    return [list(row) for row in task["X"]] + [(row * width)[:width] for row in extra]


extra_rows = st.lists(st.lists(st.integers(-8, 8), min_size=1, max_size=3), max_size=3)


# --- talking to the solution -------------------------------------------------------------------------------


def _fitted(solution, X, y, var_smoothing=None, arrays=(False, False)):
    model = solution.GaussianNB() if var_smoothing is None else solution.GaussianNB(var_smoothing=var_smoothing)
    returned = model.fit(NdArray(X) if arrays[0] else X, NdArray(y) if arrays[1] else y)
    expect(returned is model, "fit must return self")
    return model


def _expect_probabilities(model, oracle: Oracle, rows: list, why: str, as_array: bool = False) -> list:
    got = model.predict_proba(NdArray(rows) if as_array else rows)
    k = len(oracle.classes)
    expect(isinstance(got, list) and len(got) == len(rows),
           f"predict_proba must return one row per query row ({len(rows)})", actual=got)
    for i, (row, g) in enumerate(zip(rows, got)):
        if not (isinstance(g, list) and len(g) == k):
            fail(f"row {i} of predict_proba must hold {k} probabilities, one per class {oracle.classes}", actual=g)
        for p in g:
            if not (isinstance(p, (int, float)) and not isinstance(p, bool) and 0.0 <= p <= 1.0):
                fail(f"row {i} of predict_proba (query {row}) holds {p!r}, not a probability in [0, 1]", actual=g)
        total = math.fsum(g)
        if abs(total - 1.0) > _sum_tolerance(oracle, row):
            fail(f"row {i} of predict_proba (query {row}) sums to {total!r}, not 1", actual=g)
        for c, p, (low, want, high) in zip(oracle.classes, g, oracle.bounds(row)):
            if not low - PROBA_TOL <= p <= high + PROBA_TOL:
                fail(f"P(class {c!r} | x = {row}), column {oracle.classes.index(c)} of row {i}: {why}",
                     expected=want, actual=p)
    return got


def _sum_tolerance(oracle: Oracle, row: list) -> float:
    return SUM_TOL + SUM_REL * max(map(abs, oracle.jll(row)[0]))


def _expect_classes(model, oracle: Oracle, rows: list, as_array: bool = False) -> None:
    got = model.predict(NdArray(rows) if as_array else rows)
    expect(isinstance(got, list) and len(got) == len(rows),
           f"predict must return one label per query row ({len(rows)})", actual=got)
    for i, (row, g) in enumerate(zip(rows, got)):
        top, rivals = oracle.best(row)
        if top is not None and g != oracle.classes[top]:
            fail(f"predict of row {i} (x = {row}): class {oracle.classes[top]!r} has the largest posterior",
                 expected=oracle.classes[top], actual=g)
        if top is None and g not in [oracle.classes[k] for k in rivals]:
            fail(f"predict of row {i} (x = {row}) must be one of the classes whose posterior is the largest",
                 expected=[oracle.classes[k] for k in rivals], actual=g)


def _check(solution, task: dict, rows: list, why: str, arrays=(False, False)) -> None:
    model = _fitted(solution, task["X"], task["y"], task.get("var_smoothing"), arrays)
    oracle = Oracle(task["X"], task["y"], task.get("var_smoothing", 1e-9))
    _expect_probabilities(model, oracle, rows, why, as_array=arrays[0])
    _expect_classes(model, oracle, rows, as_array=arrays[0])


# --- worked examples ------------------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    X, y = [[-1], [1], [3], [5]], [0, 0, 1, 1]
    model = _fitted(solution, X, y)
    _expect_probabilities(model, Oracle(X, y), [[0], [2]], "means 0 and 4, variances 1 + 5e-9")
    expect_equal_labels(model.predict([[0], [2], [10]]), [0, 0, 1], "x = 2 is a tie: the smaller class, 0")
    _check(solution, {"X": X, "y": y, "var_smoothing": 1.0}, [[0]], "var_smoothing = 1: each variance is 1 + 5")
    X2, y2 = [[1, 0], [3, 0], [2, 10], [4, 10], [6, 10]], ["spam", "spam", "ham", "ham", "ham"]
    _check(solution, {"X": X2, "y": y2}, [[2, 5]], "columns in sorted class order: 'ham', then 'spam'")


def expect_equal_labels(got, want: list, why: str) -> None:
    expect(isinstance(got, list) and len(got) == len(want), f"predict must return one label per row: {why}",
           expected=want, actual=got)
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            fail(f"predict of row {i}: {why}", expected=want, actual=got)


# --- the model --------------------------------------------------------------------------------------------------


@category("posteriors (Bayes' rule with Gaussian likelihoods)")
@given(task=training_sets(), extra=extra_rows)
def test_matches_exact_posteriors(solution, task, extra):
    _check(solution, task, queries(task, extra), "the posterior from the class priors, means and variances")


@category("posteriors (Bayes' rule with Gaussian likelihoods)")
@settings(max_examples=15)
@given(task=training_sets(max_rows=40, max_width=5, max_classes=6), extra=extra_rows)
def test_more_rows_and_classes(solution, task, extra):
    _check(solution, task, queries(task, extra), "the posterior from the class priors, means and variances")


@category("priors are class frequencies")
@given(n0=st.integers(1, 6), n1=st.integers(1, 6), spread=st.integers(1, 3))
def test_priors_weigh_identical_likelihoods(solution, n0, n1, spread):
    # Both classes have the same rows (mean 0, same variance): only the priors differ.
    base = [[-spread], [spread]]
    X = base * (n0 + n1)
    y = [0, 0] * n0 + [1, 1] * n1
    model = _fitted(solution, X, y)
    _expect_probabilities(model, Oracle(X, y), [[0], [spread], [7]],
                          f"equal likelihoods: the posteriors are the priors {n0}/{n0 + n1} and {n1}/{n0 + n1}")


@category("variance floor: var_smoothing x the largest feature variance")
@given(task=training_sets(max_width=3), scale=st.sampled_from([1, 8, 64]), smoothing=st.sampled_from([0.01, 0.5, 2.0]),
       extra=extra_rows)
def test_variance_floor(solution, task, scale, smoothing, extra):
    # One feature on a larger scale, so the largest variance over X is not any class's and not 1.
    X = [[row[0] * scale] + row[1:] for row in task["X"]]
    task = {"X": X, "y": task["y"], "var_smoothing": smoothing}
    _check(solution, task, queries(task, extra),
           f"epsilon = {smoothing} x the largest variance of a column over all of X, added to every variance")


@category("variance floor: var_smoothing x the largest feature variance")
@given(rows=st.integers(1, 4), value=st.integers(-3, 3), gap=st.integers(1, 5))
def test_feature_constant_within_each_class(solution, rows, value, gap):
    # Feature 0 is constant inside each class (variance 0 + epsilon), feature 1 is not.
    X = [[value, v] for v in range(rows + 1)] + [[value + gap, -v] for v in range(rows + 1)]
    y = ["a"] * (rows + 1) + ["b"] * (rows + 1)
    for smoothing in (1e-9, 0.25):
        task = {"X": X, "y": y, "var_smoothing": smoothing}
        _check(solution, task, [[value, 0], [value + gap, 0], [value + gap / 2, 1]],
               "a feature constant in a class has variance epsilon there")


@category("every feature constant over X: the priors")
@given(width=st.integers(1, 4), value=st.integers(-5, 5), y=st.lists(st.sampled_from([3, 1, 2]), min_size=1, max_size=7),
       extra=extra_rows)
def test_constant_features_give_the_priors(solution, width, value, y, extra):
    X = [[value] * width for _ in y]
    task = {"X": X, "y": y}
    rows = queries(task, extra)
    model = _fitted(solution, X, y)
    oracle = Oracle(X, y)
    _expect_probabilities(model, oracle, rows, "every feature is constant over X: the posterior is the prior")
    counts = {c: y.count(c) for c in set(y)}
    most = min(c for c in counts if counts[c] == max(counts.values()))
    expect_equal_labels(model.predict(rows), [most] * len(rows),
                        f"only the priors {counts} decide: the most frequent class, ties to the smallest")


@category("one row, one class")
@given(row=st.lists(values, min_size=1, max_size=4), label=st.sampled_from([0, 7, "x"]), extra=extra_rows)
def test_one_training_row(solution, row, label, extra):
    task = {"X": [row], "y": [label]}
    model = _fitted(solution, [row], [label])
    rows = queries(task, extra)
    _expect_probabilities(model, Oracle([row], [label]), rows, "one class: probability 1")
    expect_equal_labels(model.predict(rows), [label] * len(rows), "one class: every row is that class")


@category("one row, one class")
@given(task=training_sets(max_classes=1), extra=extra_rows)
def test_single_class(solution, task, extra):
    _check(solution, task, queries(task, extra), "one class: probability 1 for every row")


# --- classes: sorted order, label kinds, ties -----------------------------------------------------------------


@category("columns in sorted class order")
@given(task=training_sets(labels=["pear", "apple", "fig", "kiwi"], max_classes=4), extra=extra_rows)
def test_string_labels(solution, task, extra):
    _check(solution, task, queries(task, extra), "the columns follow the classes in sorted order")


@category("columns in sorted class order")
@given(k=st.integers(2, 5), width=st.integers(1, 2), descending=st.booleans())
def test_columns_do_not_follow_first_appearance(solution, k, width, descending):
    # Class c lives around 10*c; the classes first appear in descending (or shuffled) order.
    labels = [9, 4, 6, 1, 7][:k]
    order = sorted(labels, reverse=True) if descending else labels
    X = [[10 * c + d] * width for c in order for d in (-1, 1)]
    y = [c for c in order for _ in (-1, 1)]
    rows = [[10 * c] * width for c in order]
    _check(solution, {"X": X, "y": y}, rows, f"column j is the j-th class of {sorted(labels)}, not of {order}")


def _mirror_task(half: list[list[int]], low, high, third=None):
    """Class `low` holds `half`, class `high` its negation, row by row; an optional third class far away."""
    X, y = [], []
    for row in half:
        X += [row, [-v for v in row]]
        y += [low, high]
    if third is not None:
        X += [[50 + v for v in row] for row in half]
        y += [third] * len(half)
    return X, y


@category("ties in predict go to the smallest class")
@given(half=st.lists(st.lists(st.integers(1, 4), min_size=2, max_size=2), min_size=1, max_size=4),
       pair=st.sampled_from([(0, 1), (1, 0), (2, 8), (8, 2), ("a", "c"), ("c", "a")]),
       third=st.sampled_from([None, "first", "middle", "last"]), smoothing=st.sampled_from([1e-9, 1.0]))
def test_mirror_tie(solution, half, pair, third, smoothing):
    # x = 0 is equally likely under a class and its mirror image: the smaller label wins.
    low, high = pair
    extra = None
    if third is not None:
        ints = isinstance(low, int)
        extra = {"first": -5 if ints else "0", "middle": 5 if ints else "b", "last": 20 if ints else "z"}[third]
    X, y = _mirror_task(half, low, high, extra)
    model = _fitted(solution, X, y, smoothing)
    oracle = Oracle(X, y, smoothing)
    smaller = min(low, high)
    where = f"a tie between {low!r} and {high!r} (classes {oracle.classes})"
    expect_equal_labels(model.predict([[0, 0], [0, 0]]), [smaller, smaller], f"{where} goes to {smaller!r}")
    got = _expect_probabilities(model, oracle, [[0, 0]], where)
    i, j = oracle.classes.index(low), oracle.classes.index(high)
    expect(abs(got[0][i] - got[0][j]) <= 1e-12, f"{where}: the two columns must be equal", actual=got[0])


@category("ties in predict go to the smallest class")
@given(y=st.permutations([5, 5, 2, 2, 9]), value=st.integers(-3, 3))
def test_tied_priors(solution, y, value):
    X = [[value, 1] for _ in y]
    model = _fitted(solution, X, y)
    expect_equal_labels(model.predict([[0, 0], [value, 1]]), [2, 2],
                        "constant features and classes 2 and 5 equally frequent: the smaller, 2")


@category("labels as ints, strings or floats; NumPy arrays as input")
@given(task=training_sets(), arrays=st.sampled_from([(True, True), (True, False), (False, True)]), extra=extra_rows)
def test_numpy_arrays(solution, task, arrays, extra):
    # A NumPy y arrives as a float array: labels 0.0, 1.0, ... equal the ints.
    _check(solution, task, queries(task, extra), "the same model from NumPy arrays", arrays=arrays)


@category("predict agrees with predict_proba")
@given(task=training_sets(max_rows=12), extra=extra_rows)
def test_predict_is_the_most_probable_column(solution, task, extra):
    model = _fitted(solution, task["X"], task["y"], task["var_smoothing"])
    oracle = Oracle(task["X"], task["y"], task["var_smoothing"])
    rows = queries(task, extra)
    probabilities = _expect_probabilities(model, oracle, rows, "the posterior of each class")
    labels = model.predict(rows)
    expect(isinstance(labels, list) and len(labels) == len(rows), "predict must return one label per row")
    for i, (row, p, label) in enumerate(zip(rows, probabilities, labels)):
        top, _ = oracle.best(row)
        if top is not None and label != oracle.classes[int(max(range(len(p)), key=p.__getitem__))]:
            fail(f"row {i}: predict says {label!r} but the largest column of predict_proba is class "
                 f"{oracle.classes[max(range(len(p)), key=p.__getitem__)]!r}", actual=p)


@category("fit replaces what was learned and returns self")
@given(first=training_sets(), second=training_sets(labels=["u", "v", "w"]))
def test_refit_replaces(solution, first, second):
    model = solution.GaussianNB(var_smoothing=second["var_smoothing"])
    model.fit(first["X"], first["y"])
    expect(model.fit(second["X"], second["y"]) is model, "fit must return self")
    oracle = Oracle(second["X"], second["y"], second["var_smoothing"])
    rows = queries(second, [])
    _expect_probabilities(model, oracle, rows, "a second fit learns from the new data only")
    _expect_classes(model, oracle, rows)


# --- numerical stability ------------------------------------------------------------------------------------------


def _answers(X: list, y: list, rows: list) -> list:
    """The oracle's (low, high) per class and its clear best class (or None) for every query row."""
    oracle = Oracle(X, y)
    bounds = [[(low, high) for low, _, high in oracle.bounds(row)] for row in rows]
    best = [oracle.best(row)[0] for row in rows]
    sums = [_sum_tolerance(oracle, row) for row in rows]
    return [bounds, [None if top is None else oracle.classes[top] for top in best], sums]


def _expect_answers(model, rows: list, answers: list, why: str) -> None:
    bounds, best, sums = answers
    got = model.predict_proba(rows)
    expect(isinstance(got, list) and len(got) == len(rows), "predict_proba must return one row per query row")
    for i, (g, row_bounds, tolerance) in enumerate(zip(got, bounds, sums)):
        expect(isinstance(g, list) and len(g) == len(row_bounds),
               f"row {i} of predict_proba must hold {len(row_bounds)} probabilities, one per class", actual=g)
        for p in g:
            if not (isinstance(p, (int, float)) and not isinstance(p, bool) and 0.0 <= p <= 1.0):
                fail(f"row {i} of predict_proba holds {p!r}, not a probability in [0, 1]", actual=g)
        total = math.fsum(g)
        if abs(total - 1.0) > tolerance:
            fail(f"row {i} of predict_proba sums to {total!r}, not 1 ({why})", actual=g)
        for column, (p, (low, high)) in enumerate(zip(g, row_bounds)):
            if not low - PROBA_TOL <= p <= high + PROBA_TOL:
                fail(f"column {column} of row {i} of predict_proba: {why}", expected=(low, high), actual=p)
    labels = model.predict(rows)
    expect(isinstance(labels, list) and len(labels) == len(rows), "predict must return one label per query row")
    for i, (g, want) in enumerate(zip(labels, best)):
        if want is not None and g != want:
            fail(f"predict of row {i}: {why}", expected=want, actual=g)


@kept
def _many_features(seed: int) -> tuple[list, list, list, list]:
    """1000 features, 3 classes of 6 rows whose means differ by a little on every feature; the oracle's answers."""
    rng = random.Random(seed)
    shift = [[rng.choice([-1, 0, 1]) for _ in range(1000)] for _ in range(3)]
    X, y = [], []
    for c in range(3):
        for _ in range(6):
            X.append([rng.randrange(-8, 9) + shift[c][j] for j in range(1000)])
            y.append(c)
    rows = [[rng.randrange(-8, 9) for _ in range(1000)] for _ in range(3)] + X[:2] + X[6:7]
    return X, y, rows, _answers(X, y, rows)


@kept
def _close_posteriors() -> tuple[list, list, list, list]:
    """1000 features; classes 0 and 1 differ on one feature only, so their posteriors stay moderate."""
    rng = random.Random(5)
    base = [[rng.randrange(-8, 9) for _ in range(1000)] for _ in range(4)]
    X = base + [row[:-1] + [row[-1] + 1] for row in base]
    y = [0] * 4 + [1] * 4
    rows = [[0] * 1000, base[0], X[5]]
    return X, y, rows, _answers(X, y, rows)


@category("1000 features: log space, no underflow")
@settings(max_examples=3)
@given(seed=st.integers(0, 2))
def test_thousand_features(solution, seed):
    X, y, rows, answers = _many_features(seed)
    _expect_answers(_fitted(solution, X, y), rows, answers,
                    "with 1000 features every density product underflows: work in log space (log-sum-exp)")


@category("1000 features: log space, no underflow")
def test_thousand_features_close_posteriors(solution):
    X, y, rows, answers = _close_posteriors()
    _expect_answers(_fitted(solution, X, y), rows, answers,
                    "moderate posteriors from products of 1000 tiny densities (log-sum-exp)")


@category("huge values: variances computed stably")
@given(task=training_sets(max_rows=12), offset=st.sampled_from([10**6, 10**8, 10**9, -(10**9)]),
       smoothing=st.sampled_from([1e-9, 0.1]))
def test_huge_offset(solution, task, offset, smoothing):
    # Every value shifted by a huge offset: mean(x^2) - mean(x)^2 cancels catastrophically.
    X = [[v + offset for v in row] for row in task["X"]]
    shifted = {"X": X, "y": task["y"], "var_smoothing": smoothing}
    _check(solution, shifted, queries(shifted, []), f"values near {offset:g}: the variances must still be exact")


@category("huge values: variances computed stably")
@given(task=training_sets(max_rows=12), power=st.sampled_from([-20, 20]))
def test_scaled_features(solution, task, power):
    X = [[v * 2.0**power for v in row] for row in task["X"]]
    scaled = {"X": X, "y": task["y"], "var_smoothing": task["var_smoothing"]}
    _check(solution, scaled, queries(scaled, []), f"every value scaled by 2^{power}")


# --- arguments are left as they are -------------------------------------------------------------------------------


def _method_and_arguments(solution, model, name: str, *args):
    """The method's value and its arguments as the solution left them."""
    after = method_and_arguments(model, name, *args)
    return after.value, after.args


@category("arguments are not modified")
@given(task=training_sets(), as_array=st.booleans())
def test_arguments_unchanged(solution, task, as_array):
    X = [[float(v) for v in row] for row in task["X"]]
    y = task["y"]
    model = solution.GaussianNB(var_smoothing=task["var_smoothing"])
    _, after = _method_and_arguments(solution, model, "fit", NdArray(X) if as_array else X, y)
    expect(after[0] == X, "fit must not modify X", expected=X, actual=after[0])
    expect(after[1] == y, "fit must not modify y", expected=y, actual=after[1])
    rows = queries(task, [[3, -2, 1]])
    rows = [[float(v) for v in row] for row in rows]
    for method in ("predict_proba", "predict"):
        _, after = _method_and_arguments(solution, model, method, NdArray(rows) if as_array else rows)
        expect(after[0] == rows, f"{method} must not modify its rows", expected=rows, actual=after[0])


# --- errors ------------------------------------------------------------------------------------------------------------


def _fit_rejected(solution, X, y, **params) -> None:
    with expect_raises(ValueError):  # from the constructor or from fit
        solution.GaussianNB(**params).fit(X, y)


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=training_sets(), change=st.integers(-2, 2).filter(bool), as_array=st.booleans())
def test_bad_shapes(solution, task, change, as_array):
    X, y = task["X"], task["y"]
    _fit_rejected(solution, NdArray([]) if as_array else [], [])
    _fit_rejected(solution, X + [X[0] + [1]], y + [y[0]])  # the last row longer
    _fit_rejected(solution, [X[0] + [1]] + X, [y[0]] + y)  # the first row longer
    _fit_rejected(solution, [[] for _ in X], y)  # rows of length 0
    _fit_rejected(solution, NdArray(X) if as_array else X, (y + y[:2])[: max(0, len(y) + change)])


@category("NaN or infinity in X: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=training_sets(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 50),
       as_array=st.booleans())
def test_non_finite_x(solution, task, bad, where, as_array):
    X = [[float(v) for v in row] for row in task["X"]]
    X[where % len(X)][(where // len(X)) % len(X[0])] = bad
    _fit_rejected(solution, NdArray(X) if as_array else X, task["y"])


@category("invalid var_smoothing: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=training_sets(), bad=st.sampled_from([0, 0.0, -1e-9, -1, math.nan, math.inf, -math.inf]))
def test_invalid_var_smoothing(solution, task, bad):
    _fit_rejected(solution, task["X"], task["y"], var_smoothing=bad)


@category("prediction rows: same rules, same width as fit")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=training_sets(), method=st.sampled_from(["predict", "predict_proba"]), kind=st.sampled_from(
    ["wider", "narrower", "empty", "ragged", "zero-length", "nan", "inf"]), as_array=st.booleans())
def test_bad_prediction_rows(solution, task, method, kind, as_array):
    model = _fitted(solution, task["X"], task["y"], task["var_smoothing"])
    width = len(task["X"][0])
    rows = {
        "wider": [[1.0] * (width + 1)],
        "narrower": [[1.0] * (width - 1)] if width > 1 else [[1.0] * (width + 2)],
        "empty": [],
        "ragged": [[1.0] * width, [1.0] * (width + 1)],
        "zero-length": [[], []],
        "nan": [[1.0] * (width - 1) + [math.nan]],
        "inf": [[-math.inf] + [0.0] * (width - 1)],
    }[kind]
    if as_array and kind != "ragged":
        rows = NdArray(rows)
    with expect_raises(ValueError):
        getattr(model, method)(rows)


# --- large input: time --------------------------------------------------------------------------------------------------


@kept
def _large() -> tuple[list, list, list, list]:
    """2000 rows x 20 features in 5 classes, 2000 query rows, and the oracle's answers."""
    rng = random.Random(23)
    centres = [[rng.randrange(-20, 21) for _ in range(20)] for _ in range(5)]
    X, y = [], []
    for _ in range(2000):
        c = rng.randrange(5)
        X.append([centres[c][j] + rng.randrange(-40, 41) / 4 for j in range(20)])
        y.append(10 * c)
    rows = [[rng.randrange(-120, 121) / 4 for _ in range(20)] for _ in range(2000)]
    return X, y, rows, _answers(X, y, rows)


@category("large input: 2000 rows x 20 features, 5 classes")
def test_large(solution):
    X, y, rows, answers = _large()
    _expect_answers(_fitted(solution, X, y), rows, answers, "2000 rows x 20 features, classes 0, 10, ..., 40")
