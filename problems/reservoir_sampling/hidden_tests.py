"""Hidden tests for reservoir_sampling.

Exact properties (Hypothesis, small readable counterexamples): the sample has
min(k, n) items, drawn from the stream's positions (a sub-multiset of the
stream), all items when n <= k, [] for k == 0, ValueError for k < 0, works on a
one-shot iterator, and is the same for the same seed.

Statistical properties (plain tests, fixed seeds): many calls, each with its own
`Rng(seed)`, seeds fixed per test case (10000.., 11000.., ...) so every run is
identical whatever `--seed` says. Each
count (how often a position, or a k-subset, was chosen) must fall inside the
two-sided exact binomial acceptance interval of a uniform sampler at level
ALPHA_PER_CELL. The intervals are Bonferroni-split from RUN_FALSE_FAILURE_BUDGET:
treating the rng's outputs as truly random, a correct solution fails any of them
with probability at most 1e-7 per whole run (the huge-stream test adds 1e-20).
The intervals reach about six standard deviations from a uniform sampler's
mean; the known wrong samplers (randint off by one, k consecutive positions
from a random start) land eight or more standard deviations away.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import combinations

import pytest
from hypothesis import given, strategies as st

from judge.testing import Rng, Stream, category, expect, expect_raises, fail

# --- statistical design: (n, k, number of calls) per case --------------------

INCLUSION_CASES = [(2, 1, 600), (5, 2, 1000), (30, 3, 1000)]
SUBSET_CASES = [(4, 2, 600), (6, 3, 800)]
RUN_FALSE_FAILURE_BUDGET = 1e-7
_CELLS = sum(n for n, _, _ in INCLUSION_CASES) + sum(math.comb(n, k) for n, k, _ in SUBSET_CASES)
ALPHA_PER_CELL = RUN_FALSE_FAILURE_BUDGET / _CELLS

# The memory test: ~400 MiB as a Python list, three times the 128 MiB limit.
HUGE_N, HUGE_K = 10_000_000, 10
# The time test: an O(n*k) solution does ~10**10 steps, a one-pass one ~10**6.
LARGE_N, LARGE_K = 500_000, 20_000

# --- strategies ---------------------------------------------------------------

seeds = st.integers(min_value=0, max_value=2**32 - 1)
values = st.integers(min_value=-50, max_value=50) | st.text(max_size=3)
distinct_items = st.lists(values, unique=True, max_size=12)
repeating_items = st.lists(st.integers(min_value=0, max_value=3), min_size=2, max_size=12).filter(
    lambda items: len(set(items)) < len(items)
)


@st.composite
def longer_than_k(draw: st.DrawFn, items: st.SearchStrategy = values) -> tuple[list, int]:
    """A k >= 1 and a list of distinct items with more than k of them."""
    k = draw(st.integers(min_value=1, max_value=6))
    return draw(st.lists(items, unique=True, min_size=k + 1, max_size=k + 12)), k


@st.composite
def at_most_k(draw: st.DrawFn) -> tuple[list, int]:
    """A list of distinct items and a k >= 1 that is at least its length."""
    items = draw(st.lists(values, unique=True, min_size=1, max_size=12))
    return items, draw(st.integers(min_value=len(items), max_value=len(items) + 15))


# --- helpers --------------------------------------------------------------------


def _expect_sample_of(result: object, items: Iterable, k: int) -> None:
    """`result` is a list of min(k, n) items taken from distinct positions of `items`."""
    items = list(items)
    expect(isinstance(result, list), "must return a list", actual=type(result).__name__)
    size = min(k, len(items))
    expect(len(result) == size, f"must return min(k, n) = {size} items", expected=size, actual=len(result))
    extra, _ = _match_positions(result, items)
    expect(
        not extra,
        "every returned item must come from its own position of the stream; "
        f"these are not in it, or are returned more often than it holds them: {extra!r}",
        actual=result,
    )


def _match_positions(result: list, items: list) -> tuple[list, list]:
    """Pairs each returned item with an unused equal stream item: (unmatched returned, unused stream).

    Equality here also requires the same type (1.0 is not the stream's 1), and
    needs no hashing, so whatever the solution returns cannot break the test.
    """
    unused = list(items)
    unmatched = []
    for x in result:
        index = next((i for i, y in enumerate(unused) if type(x) is type(y) and x == y), None)
        if index is None:
            unmatched.append(x)
        else:
            del unused[index]
    return unmatched, unused


def _seeded_samples(solution, n: int, k: int, calls: int, first_seed: int) -> Iterator[list]:
    """Samples of Stream.range(n), one per call, with seeds first_seed, first_seed + 1, ..."""
    for seed in range(first_seed, first_seed + calls):
        result = solution.reservoir_sample(Stream.range(n), k, Rng(seed))
        _expect_sample_of(result, range(n), k)
        yield result


def _first_seed(kind: int, case_index: int) -> int:
    """Readable, non-overlapping seed ranges: 10000.. for the first inclusion case, etc."""
    return 10_000 * kind + 1_000 * case_index


@cache
def binomial_acceptance(trials: int, p: float, alpha: float) -> tuple[int, int]:
    """The interval [lo, hi] with P(X < lo) <= alpha/2 and P(X > hi) <= alpha/2, X ~ Bin(trials, p).

    Computed from the exact binomial pmf (in log space, so no term overflows).
    """
    log_p, log_q = math.log(p), math.log1p(-p)
    head = math.lgamma(trials + 1)
    pmf = [
        math.exp(head - math.lgamma(x + 1) - math.lgamma(trials - x + 1) + x * log_p + (trials - x) * log_q)
        for x in range(trials + 1)
    ]
    return _tail_cut(pmf, alpha / 2), trials - _tail_cut(pmf[::-1], alpha / 2)


def _tail_cut(pmf: list[float], budget: float) -> int:
    """The first index whose cumulative probability from the left would exceed `budget`."""
    cut, mass = 0, 0.0
    while mass + pmf[cut] <= budget:
        mass += pmf[cut]
        cut += 1
    return cut


def _expect_count_uniform(count: int, trials: int, p: float, what: str) -> None:
    lo, hi = binomial_acceptance(trials, p, ALPHA_PER_CELL)
    if not lo <= count <= hi:
        fail(
            f"{what} was chosen {count} times; a uniform sampler chooses it {lo}..{hi} times "
            f"(outside that range with probability < {ALPHA_PER_CELL:.0e})",
            expected=f"{lo}..{hi}",
            actual=count,
        )


# --- exact properties -------------------------------------------------------------


@category("sample size and membership")
@given(case=longer_than_k(), seed=seeds)
def test_k_distinct_positions_from_a_longer_stream(solution, case, seed):
    items, k = case
    _expect_sample_of(solution.reservoir_sample(Stream.of(items), k, Rng(seed)), items, k)


@category("fewer items than k")
@given(case=at_most_k(), seed=seeds)
def test_a_stream_of_at_most_k_items_is_returned_whole(solution, reference, case, seed):
    items, k = case
    result = solution.reservoir_sample(Stream.of(items), k, Rng(seed))
    expected = reference.reservoir_sample(Stream.of(items).items(), k, Rng(seed).make())
    expect(isinstance(result, list), "must return a list", actual=type(result).__name__)
    expect(
        _match_positions(result, expected) == ([], []),
        "a stream with at most k items must be returned whole (any order)",
        expected=expected,
        actual=result,
    )


@category("empty stream")
@given(k=st.integers(min_value=0, max_value=20), seed=seeds)
def test_empty_stream_gives_empty_list(solution, k, seed):
    result = solution.reservoir_sample(Stream.of([]), k, Rng(seed))
    expect(result == [], "an empty stream gives []", expected=[], actual=result)


@category("k = 0")
@given(items=st.lists(values, max_size=12), seed=seeds)
def test_k_zero_gives_empty_list(solution, items, seed):
    result = solution.reservoir_sample(Stream.of(items), 0, Rng(seed))
    expect(result == [], "k == 0 gives []", expected=[], actual=result)


@category("negative k")
@given(items=st.lists(values, max_size=12), k=st.integers(min_value=-1000, max_value=-1), seed=seeds)
def test_negative_k_raises_value_error(solution, items, k, seed):
    with expect_raises(ValueError):
        solution.reservoir_sample(Stream.of(items), k, Rng(seed))


@category("repeated values")
@given(items=repeating_items, k=st.integers(min_value=1, max_value=14), seed=seeds)
def test_equal_items_at_different_positions_are_different_items(solution, items, k, seed):
    # Positions are sampled, not values: [0, 0] with k = 2 gives [0, 0].
    _expect_sample_of(solution.reservoir_sample(Stream.of(items), k, Rng(seed)), items, k)


@category("one-shot stream")
@given(n=st.integers(min_value=2, max_value=40), k=st.integers(min_value=1, max_value=8), seed=seeds)
def test_reads_a_one_shot_iterator_once(solution, n, k, seed):
    # The stream has no len() and a second pass over it sees nothing.
    _expect_sample_of(solution.reservoir_sample(Stream.range(n), k, Rng(seed)), range(n), k)


@category("same seed, same sample")
def test_same_seed_and_stream_give_the_same_sample(solution):
    # A solution drawing from the `random` module instead of `rng` agrees with
    # itself on one of these 8 pairs with probability 495**-8 (one in 10**21).
    for seed in range(8):
        first = solution.reservoir_sample(Stream.range(12), 4, Rng(seed))
        second = solution.reservoir_sample(Stream.range(12), 4, Rng(seed))
        both_lists = isinstance(first, list) and isinstance(second, list)
        expect(
            both_lists and _match_positions(first, second) == ([], []),
            f"two calls with Stream.range(12), k=4, Rng({seed}) must return the same items",
            expected=first,
            actual=second,
        )


# --- statistical properties ---------------------------------------------------------


@category("uniform inclusion per position")
@pytest.mark.parametrize(("n", "k", "calls"), INCLUSION_CASES)
def test_every_position_is_chosen_with_probability_k_over_n(solution, n, k, calls):
    first = _first_seed(1, INCLUSION_CASES.index((n, k, calls)))
    counts = Counter()
    for result in _seeded_samples(solution, n, k, calls, first):
        counts.update(result)
    setting = _setting(n, k, first, calls)
    for position in range(n):
        _expect_count_uniform(counts[position], calls, k / n, f"{setting}, position {position}")


@category("uniform over k-subsets")
@pytest.mark.parametrize(("n", "k", "calls"), SUBSET_CASES)
def test_every_k_subset_is_equally_likely(solution, n, k, calls):
    first = _first_seed(2, SUBSET_CASES.index((n, k, calls)))
    counts = Counter(tuple(sorted(result)) for result in _seeded_samples(solution, n, k, calls, first))
    setting = _setting(n, k, first, calls)
    for subset in combinations(range(n), k):
        _expect_count_uniform(counts[subset], calls, 1 / math.comb(n, k), f"{setting}, the subset {list(subset)}")


def _setting(n: int, k: int, first_seed: int, calls: int) -> str:
    return (
        f"over {calls} calls reservoir_sample(iter(range({n})), {k}, random.Random(seed)) "
        f"with seed = {first_seed}..{first_seed + calls - 1}"
    )


# --- scale ----------------------------------------------------------------------------


@category("stream larger than memory")
def test_ten_million_items_in_o_k_memory(solution):
    result = solution.reservoir_sample(Stream.range(HUGE_N), HUGE_K, Rng(7))
    # Checked without _expect_sample_of: a Counter of 10**7 positions would be slow.
    expect(isinstance(result, list) and len(result) == HUGE_K, f"must return {HUGE_K} items", actual=result)
    expect(
        all(isinstance(x, int) and 0 <= x < HUGE_N for x in result) and len(set(result)) == HUGE_K,
        f"items must be distinct items of Stream.range({HUGE_N})",
        actual=result,
    )
    # A uniform sample lies wholly in the first 1% with probability 0.01**10.
    expect(max(result) >= HUGE_N // 100, "the whole stream must be sampled, not just its beginning", actual=result)


@category("large k")
def test_large_k_in_one_fast_pass(solution):
    result = solution.reservoir_sample(Stream.range(LARGE_N), LARGE_K, Rng(11))
    expect(isinstance(result, list) and len(result) == LARGE_K, f"must return a list of {LARGE_K} items")
    expect(
        all(isinstance(x, int) and 0 <= x < LARGE_N for x in result) and len(set(result)) == LARGE_K,
        f"items must be distinct items of Stream.range({LARGE_N})",
    )
