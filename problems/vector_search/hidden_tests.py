"""Hidden properties of vector_search, one category per rule of spec.md.

The oracle shares no code with a NumPy solution: dot products and squared
norms are exact rationals (Fraction of every float entry), a similarity is
dot / sqrt(|c|^2 |q|^2) rounded once at the end, and two similarities are
compared exactly (same sign and dot_a^2 |b|^2 = dot_b^2 |a|^2 for a tie).

Which ties are checked by index (see spec.md): zero rows, a zero query, and
rows along one axis (a single nonzero entry, a power of two in magnitude)
whose signed query component is the same. Every reasonable float64 formula
gives those the very same value. Any pair the solution returns with equal
floats must also be in index order. Rows whose cosines agree within the
tolerance otherwise may come in either order.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

TOLERANCE = 1e-9
FEW = 12


# ------------------------------------------------------------------ the oracle

class Exact:
    """The exact cosine of one corpus row with one query, comparable exactly."""

    def __init__(self, row, query) -> None:
        r = [Fraction(x) for x in row]
        q = [Fraction(x) for x in query]
        self.dot = sum((a * b for a, b in zip(r, q)), Fraction(0))
        self.rr = sum((a * a for a in r), Fraction(0))
        self.qq = sum((b * b for b in q), Fraction(0))
        self.zero = self.rr == 0 or self.qq == 0
        nonzero = [(i, a) for i, a in enumerate(r) if a != 0]
        self.axis = None
        if len(nonzero) == 1:
            i, a = nonzero[0]
            magnitude = abs(a)
            if magnitude.numerator & (magnitude.numerator - 1) == 0 and \
                    magnitude.denominator & (magnitude.denominator - 1) == 0:
                self.axis = q[i] if a > 0 else -q[i]

    def key(self) -> tuple:
        """A key whose order is the exact order of the cosines (cos^2 sign-adjusted, as a Fraction)."""
        if self.zero:
            return (Fraction(0),)
        square = self.dot * self.dot / self.rr  # |q|^2 is common to every row of one query
        return (square if self.dot > 0 else -square,)

    def value(self) -> float:
        """cos = sign(dot) * sqrt(dot^2 / (|c|^2 |q|^2)): the square is exact and at most 1, so nothing overflows."""
        if self.zero:
            return 0.0
        root = math.sqrt(float(self.dot * self.dot / (self.rr * self.qq)))
        return root if self.dot > 0 else -root


def _robust_tie(a: Exact, b: Exact) -> bool:
    if a.zero and b.zero:
        return True
    return a.axis is not None and b.axis is not None and a.axis == b.axis


def _verify_one(got, exact: list[Exact], k: int, what: str) -> None:
    n = len(exact)
    expect(isinstance(got, (list, tuple)), f"{what}: each query's answer must be a list of (index, similarity)",
           actual=got)
    pairs = []
    for position, item in enumerate(got):
        ok = isinstance(item, (list, tuple)) and len(item) == 2
        ok = ok and isinstance(item[0], int) and not isinstance(item[0], bool) and 0 <= item[0] < n
        ok = ok and isinstance(item[1], (int, float)) and not isinstance(item[1], bool)
        expect(ok, f"{what}: item {position} must be a pair (corpus index in 0..{n - 1}, float similarity)",
               actual=item)
        pairs.append((item[0], float(item[1])))
    keys = [e.key() for e in exact]
    ranked = sorted(range(n), key=lambda i: (tuple(-x for x in keys[i]), i))
    want = [(i, exact[i].value()) for i in ranked[:min(k, n)]]
    indices = [i for i, _ in pairs]
    expect(len(set(indices)) == len(indices), f"{what}: a corpus index is listed twice", actual=got)
    expect(len(pairs) == min(k, n), f"{what}: min(k, n) = {min(k, n)} results expected", expected=want, actual=got)
    for index, sim in pairs:
        expect(abs(sim - exact[index].value()) <= TOLERANCE, f"{what}: the cosine of corpus row {index}",
               expected=exact[index].value(), actual=sim)
    for (i, si), (j, sj) in zip(pairs, pairs[1:]):
        if si < sj:
            fail(f"{what}: row {i} (similarity {si}) is listed before row {j} ({sj}): highest first", actual=got)
        if (si == sj or _robust_tie(exact[i], exact[j])) and i > j:
            fail(f"{what}: rows {i} and {j} have equal similarities: the lower index comes first",
                 expected=want, actual=got)
        if keys[j] > keys[i] and abs(exact[i].value() - exact[j].value()) > TOLERANCE:
            fail(f"{what}: row {j} is more similar than row {i} but is listed after it", expected=want, actual=got)
    if not pairs:
        return
    listed = set(indices)
    last = pairs[-1][0]
    for d in ranked:
        if d in listed:
            continue
        if keys[d] > keys[last] and abs(exact[d].value() - exact[last].value()) > TOLERANCE:
            fail(f"{what}: row {d} (similarity {exact[d].value()}) is missing but beats row {last}",
                 expected=want, actual=got)
        for r in indices:
            if d < r and _robust_tie(exact[d], exact[r]):
                fail(f"{what}: row {d} ties with listed row {r} and has the lower index: it must be listed instead",
                     expected=want, actual=got)


def _oracle(corpus, queries) -> list[list[Exact]]:
    return [[Exact(row, q) for row in corpus] for q in queries]


def _check(solution, corpus, queries, k, what="", *, arrays=(False, False), exact=None) -> None:
    what = what or f"top_k_cosine({corpus!r}, {queries!r}, {k})"
    got = solution.top_k_cosine(NdArray(corpus) if arrays[0] and corpus else corpus,
                                NdArray(queries) if arrays[1] and queries else queries, k)
    expect(isinstance(got, (list, tuple)) and len(got) == len(queries),
           f"{what}: one list per query ({len(queries)}) expected", actual=got)
    exact = exact if exact is not None else _oracle(corpus, queries)
    for j, (answer, rows) in enumerate(zip(got, exact)):
        _verify_one(answer, rows, k, f"{what}, query {j}")


# ------------------------------------------------------------------ strategies

@st.composite
def problems(draw: st.DrawFn, values: tuple = (), max_n: int = 8, max_m: int = 3) -> tuple:
    d = draw(st.integers(1, 4))
    entry = st.sampled_from(values) if values else st.integers(-3, 3)
    vector = st.lists(entry, min_size=d, max_size=d)
    corpus = draw(st.lists(vector, min_size=1, max_size=max_n))
    queries = draw(st.lists(vector, min_size=1, max_size=max_m))
    return corpus, queries


ks = st.integers(0, 10)


# ------------------------------------------------------------------ examples

EXAMPLE = [[1, 0], [0, 1], [1, 1], [0, 0], [-1, 0], [2, 0]]


@category("examples")
def test_statement_examples(solution):
    got = solution.top_k_cosine(EXAMPLE, [[1, 0], [0, 0]], 3)
    first = [(int(i), round(s, 12)) for i, s in got[0]] if isinstance(got, list) and got else got
    expect(first == [(0, 1.0), (5, 1.0), (2, round(0.7071067811865475, 12))], "the statement's first example",
           actual=got)
    _check(solution, EXAMPLE, [[1, 0], [0, 0]], 3, "the statement's example, k = 3")
    _check(solution, EXAMPLE, [[3, 4]], 10, "the statement's example, k = 10")


# ------------------------------------------------------------------ similarities and order

@category("small integer vectors")
@given(problem=problems(), k=ks, arrays=st.sampled_from([(False, False), (True, True), (True, False)]))
def test_small_vectors(solution, problem, k, arrays):
    _check(solution, *problem, k, arrays=arrays)


@category("small integer vectors")
@settings(max_examples=FEW)
@given(problem=problems(values=(-1.5, -0.25, 0, 0.5, 2, 1e-3)), k=ks)
def test_fractional_vectors(solution, problem, k):
    _check(solution, *problem, k)


@category("scale invariance")
@settings(max_examples=FEW)
@given(problem=problems(), k=ks, scale=st.sampled_from([1e-50, 1e50, 2.0**-60, 3.0]))
def test_scaled_rows(solution, problem, k, scale):
    corpus, queries = problem
    scaled = [[x * scale for x in row] for row in corpus]
    _check(solution, scaled, queries, k, f"corpus rows scaled by {scale}: {scaled!r}, queries {queries!r}, k={k}")


@category("zero vectors")
@given(n=st.integers(1, 8), zeros=st.sets(st.integers(0, 7)), k=st.integers(1, 9), d=st.integers(1, 3),
       query=st.lists(st.integers(-2, 2), min_size=3, max_size=3))
def test_zero_rows(solution, n, zeros, k, d, query):
    # Zero rows (first, last, middle, all) have similarity 0; rows along -x are negative.
    corpus = [[0] * d if i in zeros else [-(i % 2) * 2 + 1] + [0] * (d - 1) for i in range(n)]
    _check(solution, corpus, [query[:d]], k)


@category("zero vectors")
@given(problem=problems(), k=ks)
def test_zero_query(solution, problem, k):
    corpus, queries = problem
    d = len(corpus[0])
    _check(solution, corpus, [[0] * d] + queries, k, f"a zero query: every similarity is 0, order by index; "
           f"corpus={corpus!r}, k={k}")


@category("ties broken by index")
@given(n=st.integers(2, 9), k=st.integers(1, 9), data=st.data())
def test_axis_rows_tie(solution, n, k, data):
    # Rows +-2^p e_i against a query with equal components: exact ties in any float formula.
    d = 3
    corpus = []
    for _ in range(n):
        axis = data.draw(st.integers(0, d - 1))
        row = [0] * d
        row[axis] = data.draw(st.sampled_from([1, 2, 4, 0.5, -1, -2]))
        corpus.append(row)
    query = data.draw(st.sampled_from([[1, 1, 1], [2, 2, -2], [1, 1, 0], [-3, -3, -3]]))
    _check(solution, corpus, [query], k)


@category("ties broken by index")
@given(copies=st.integers(2, 6), k=st.integers(1, 6), others=st.integers(0, 3))
def test_tie_at_the_cut(solution, copies, k, others):
    # Several rows at exactly 0 (zero rows) straddle the cut of k.
    corpus = [[1, 2]] * others + [[0, 0]] * copies + [[-1, -2]]
    corpus = corpus[::-1] if k % 2 else corpus
    _check(solution, corpus, [[1, 2]], k)


@category("k at its ends")
@given(problem=problems(), extra=st.integers(0, 5))
def test_k_at_least_n(solution, problem, extra):
    corpus, queries = problem
    _check(solution, corpus, queries, len(corpus) + extra, "k >= n returns every row")


@category("k at its ends")
@given(problem=problems())
def test_k_zero(solution, problem):
    corpus, queries = problem
    got = solution.top_k_cosine(corpus, queries, 0)
    expect(isinstance(got, list) and [list(x) for x in got] == [[] for _ in queries],
           "k = 0: an empty list per query", actual=got)


@category("empty corpus or queries")
@given(m=st.integers(0, 3), k=st.integers(0, 4), as_array=st.booleans())
def test_empty_corpus(solution, m, k, as_array):
    queries = [[1.0, 2.0]] * m
    got = solution.top_k_cosine([], NdArray(queries) if as_array and queries else queries, k)
    expect(isinstance(got, list) and [list(x) for x in got] == [[] for _ in range(m)],
           f"an empty corpus: {m} empty lists", actual=got)


@category("empty corpus or queries")
@given(problem=problems(), k=ks)
def test_no_queries(solution, problem, k):
    got = solution.top_k_cosine(problem[0], [], k)
    expect(isinstance(got, list) and list(got) == [], "no queries: []", actual=got)


@category("arguments are not modified")
@settings(max_examples=FEW)
@given(problem=problems(), k=ks)
def test_arguments_not_modified(solution, problem, k):
    corpus, queries = problem
    after = call_and_arguments(solution, "top_k_cosine", NdArray(corpus), NdArray(queries), k)
    expect(after.args[0] == [[float(x) for x in row] for row in corpus], "the corpus array must not be modified "
           "(normalised in place?)", expected=corpus, actual=after.args[0])
    expect(after.args[1] == [[float(x) for x in row] for row in queries], "the queries array must not be modified",
           expected=queries, actual=after.args[1])
    after = call_and_arguments(solution, "top_k_cosine", corpus, queries, k)
    expect(after.args[0] == corpus and after.args[1] == queries, "the lists must not be modified",
           expected=[corpus, queries], actual=list(after.args[:2]))


# ------------------------------------------------------------------ errors

@category("bad k")
@settings(max_examples=FEW)
@given(bad=st.sampled_from([2.0, "3", None, True, False, [1]]))
def test_k_not_an_int(solution, bad):
    with expect_raises(TypeError):
        solution.top_k_cosine([[1, 0], [0, 1]], [[1, 1]], bad)


@category("bad k")
@settings(max_examples=FEW)
@given(bad=st.integers(-5, -1))
def test_negative_k(solution, bad):
    with expect_raises(ValueError):
        solution.top_k_cosine([[1, 0], [0, 1]], [[1, 1]], bad)


@category("bad shapes: ValueError")
@settings(max_examples=FEW * 2)
@given(which=st.sampled_from(["corpus", "queries"]),
       bad=st.sampled_from(["ragged_first", "ragged_last", "flat", "3d"]))
def test_bad_shape(solution, which, bad):
    good = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    broken = {"ragged_first": [[1.0], [0.0, 1.0], [1.0, 1.0]], "ragged_last": [[1.0, 0.0], [0.0, 1.0], [1.0]],
              "flat": [1.0, 0.0], "3d": NdArray([[[1.0, 0.0]], [[0.0, 1.0]]])}[bad]
    args = (broken, good) if which == "corpus" else (good, broken)
    with expect_raises(ValueError):
        solution.top_k_cosine(*args, 2)


@category("bad shapes: ValueError")
@settings(max_examples=FEW)
@given(dc=st.integers(1, 4), dq=st.integers(1, 4), as_array=st.booleans())
def test_dimension_mismatch(solution, dc, dq, as_array):
    if dc == dq:
        dq += 1
    corpus, queries = [[1.0] * dc, [0.5] * dc], [[1.0] * dq]
    with expect_raises(ValueError):
        solution.top_k_cosine(NdArray(corpus) if as_array else corpus, NdArray(queries) if as_array else queries, 1)


@category("NaN or infinity: ValueError")
@settings(max_examples=FEW * 2)
@given(which=st.sampled_from(["corpus", "queries"]), bad=st.sampled_from([math.nan, math.inf, -math.inf]),
       row=st.integers(0, 2), col=st.integers(0, 1), as_array=st.booleans())
def test_non_finite(solution, which, bad, row, col, as_array):
    corpus = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    queries = [[1.0, 2.0], [0.0, 0.0], [3.0, -1.0]]
    target = corpus if which == "corpus" else queries
    target[row][col] = bad
    with expect_raises(ValueError):
        solution.top_k_cosine(NdArray(corpus) if as_array else corpus, NdArray(queries) if as_array else queries, 2)


# ------------------------------------------------------------------ large inputs

SQUARE = 10_000


def _rows(rng: random.Random, count: int, d: int) -> list[list[float]]:
    return [[rng.randrange(-64, 65) / 8 for _ in range(d)] for _ in range(count)]


def _expected_large(corpus, queries, k) -> list:
    """The oracle in float64 with math.fsum, for inputs too large for fractions (checked with the tolerance)."""
    norms = [math.sqrt(math.fsum(x * x for x in row)) for row in corpus]
    out = []
    for q in queries:
        qn = math.sqrt(math.fsum(x * x for x in q))
        sims = [0.0 if n == 0 or qn == 0 else math.fsum(a * b for a, b in zip(row, q)) / (n * qn)
                for row, n in zip(corpus, norms)]
        order = sorted(range(len(corpus)), key=lambda i: (-sims[i], i))[:k]
        out.append((order, sims))
    return out


def _verify_large(got, expected, k, what) -> None:
    expect(isinstance(got, list) and len(got) == len(expected), f"{what}: one list per query", actual=len(got))
    for j, (answer, (order, sims)) in enumerate(zip(got, expected)):
        expect(len(answer) == len(order), f"{what}, query {j}: {len(order)} results expected", actual=len(answer))
        cut = sims[order[-1]] if order else 0.0
        previous = math.inf
        seen = set()
        for index, sim in answer:
            expect(0 <= index < len(sims) and index not in seen, f"{what}, query {j}: bad or repeated index {index}")
            seen.add(index)
            expect(abs(sim - sims[index]) <= TOLERANCE, f"{what}, query {j}: the cosine of row {index}",
                   expected=sims[index], actual=sim)
            expect(sim <= previous, f"{what}, query {j}: results must be sorted, highest first", actual=answer[:5])
            expect(sims[index] >= cut - TOLERANCE, f"{what}, query {j}: row {index} is not among the top {k}",
                   expected=[(i, sims[i]) for i in order[:5]], actual=answer[:5])
            previous = sim


@kept
def _square_case() -> tuple:
    """10 000 queries against 10 000 corpus vectors, d = 8, k = 5: the full m x n matrix is 800 MB."""
    rng = random.Random(73)
    corpus, queries = _rows(rng, SQUARE, 8), _rows(rng, SQUARE, 8)
    for i in range(0, SQUARE, 97):
        corpus[i] = [0.0] * 8  # zero rows here and there
    picked = list(range(0, SQUARE, 250))  # the answers of a sample of the queries
    return corpus, queries, picked, _expected_large(corpus, [queries[j] for j in picked], 5)


@kept
def _wide_case() -> tuple:
    """50 000 corpus vectors of d = 16, 2 queries, k = n: every row ranked."""
    rng = random.Random(74)
    corpus, queries = _rows(rng, 50_000, 16), _rows(rng, 2, 16)
    return corpus, queries, _expected_large(corpus, queries, 50_000)


@category("large input: 10 000 x 10 000, without the full matrix")
def test_square_case(solution):
    corpus, queries, picked, expected = _square_case()
    got = solution.top_k_cosine(NdArray(corpus), NdArray(queries), 5)
    expect(isinstance(got, list) and len(got) == len(queries), "one list per query (10 000)", actual=type(got).__name__)
    _verify_large([got[j] for j in picked], expected, 5, "10 000 queries x 10 000 vectors, k = 5")


@category("large input: 50 000 vectors, k = n")
def test_wide_case(solution):
    corpus, queries, expected = _wide_case()
    got = solution.top_k_cosine(NdArray(corpus), queries, 50_000)
    _verify_large(got, expected, 50_000, "50 000 vectors, k = 50 000")
