"""Hidden tests for sampling_decoder.

Exact properties (Hypothesis): which tokens may come out (temperature 0 gives
the first largest logit; top-k and top-p keep exactly the tokens the rules
name, checked over 12 seeds per example against an oracle that orders tokens
by logit, not by probability, and sums weights with math.fsum), errors,
arguments left unchanged, same seed and same input give the same token.
Inputs of the exact tests use integer logits, so distinct logits are far apart
in probability, and a top_p placed halfway between two prefix masses, at
least 1e-9 from each: no correct float64 formula lands on the other side. A
top_p exactly on a prefix mass is tested only with 2 or 4 equal positive
probabilities (0.5, 0.25: exact in binary).

Statistical properties (plain tests, fixed seeds 20000.., independent of
--seed): many calls, each with its own Rng(seed); the count of every token
must fall inside the two-sided exact binomial acceptance interval at level
ALPHA_PER_CELL of the intended distribution. The levels are Bonferroni-split
from RUN_FALSE_FAILURE_BUDGET: treating the rng's outputs as truly random, a
correct solution fails any of them with probability at most 1e-7 per run
(reservoir_sampling's oracle). The known wrong samplers (temperature
multiplied, no renormalisation after a filter) land 10 or more standard
deviations away.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from functools import cache

import pytest
from hypothesis import given, strategies as st

from judge.testing import Rng, call_and_arguments, category, expect, expect_raises, fail, kept

NEG_INF = -math.inf
SEEDS_PER_EXAMPLE = 8
# The margin every exact top-p input keeps from the nearest prefix mass.
MARGIN = 1e-9

# --- statistical design: (weights, temperature, top_k, top_p, calls) ------------------
# Logits are log(weight) (log(0) is -inf); the intended probability of token i is
# proportional to weight_i ** (1 / temperature) over the kept tokens.
DISTRIBUTION_CASES = {
    "no filter, temperature 1": ([1, 2, 3, 4], 1.0, None, None, 600),
    "temperature 0.5 squares the weights": ([1, 2, 3, 4], 0.5, None, None, 600),
    "temperature 2 takes square roots": ([1, 4, 9, 16], 2.0, None, None, 600),
    "top_k = 3, renormalised": ([5, 1, 4, 2, 3], 1.0, 3, None, 600),
    "top_p = 0.7, renormalised": ([1, 6, 3, 10], 1.0, None, 0.7, 600),
    "top_k = 3 then top_p = 0.6": ([2, 8, 5, 1, 4], 1.0, 3, 0.6, 600),
    "masked tokens (-inf) and equal logits": ([1, 0, 1, 2, 0], 1.0, None, None, 600),
}
RUN_FALSE_FAILURE_BUDGET = 1e-7
_CELLS = sum(sum(1 for w in case[0] if w > 0) for case in DISTRIBUTION_CASES.values())
ALPHA_PER_CELL = RUN_FALSE_FAILURE_BUDGET / _CELLS

LARGE_V = 200_000

seeds = st.integers(min_value=0, max_value=2**32 - 1)
small_logits = st.lists(st.integers(min_value=-6, max_value=6), min_size=1, max_size=12)
masked_logits = st.lists(
    st.one_of(st.integers(min_value=-6, max_value=6), st.just(NEG_INF)), min_size=1, max_size=12
).filter(lambda xs: any(x != NEG_INF for x in xs))
temperatures = st.sampled_from([0.5, 1.0, 2.0, 3.0])


# --- the oracle ------------------------------------------------------------------------------


def _order(logits: list[float]) -> list[int]:
    """Tokens by logit descending, ties by the smaller index (same order as probability here)."""
    return sorted(range(len(logits)), key=lambda i: (-logits[i], i))


def _weights(logits: list[float], temperature: float) -> list[float]:
    top = max(logits)
    return [0.0 if x == NEG_INF else math.exp((x - top) / temperature) for x in logits]


def _kept_tokens(logits, temperature, top_k, top_p) -> list[int]:
    """The tokens the filters keep, in order; top_p must keep MARGIN from every prefix mass."""
    if temperature == 0:
        return [logits.index(max(logits))]
    order = _order(logits)
    if top_k is not None:
        order = order[:top_k]
    if top_p is None:
        return order
    weights = _weights(logits, temperature)
    total = math.fsum(weights[i] for i in order)
    for end in range(1, len(order) + 1):
        mass = math.fsum(weights[i] for i in order[:end]) / total
        if mass >= top_p:
            return order[:end]
    return order


def _prefix_masses(logits, temperature, top_k) -> list[float]:
    order = _order(logits)[:top_k] if top_k is not None else _order(logits)
    weights = _weights(logits, temperature)
    total = math.fsum(weights[i] for i in order)
    return [math.fsum(weights[i] for i in order[:end]) / total for end in range(1, len(order) + 1)]


@st.composite
def filtered_inputs(draw: st.DrawFn, logit_lists=masked_logits) -> tuple[list, float, int | None, float | None]:
    """(logits, temperature, top_k, top_p), top_p halfway between two prefix masses."""
    logits = draw(logit_lists)
    temperature = draw(temperatures)
    top_k = draw(st.none() | st.integers(min_value=1, max_value=len(logits) + 2))
    top_p = None
    if draw(st.booleans()):
        masses = [0.0, *_prefix_masses(logits, temperature, top_k)]
        # Only prefixes that end on a token of positive weight can be the nucleus.
        ends = [j for j in range(1, len(masses)) if masses[j] - masses[j - 1] > 4 * MARGIN]
        if ends:
            j = draw(st.sampled_from(ends))
            top_p = min(1.0, (masses[j - 1] + masses[j]) / 2)
    return logits, temperature, top_k, top_p


def _describe(logits, temperature, top_k, top_p) -> str:
    return f"sample_next({logits!r}, rng, temperature={temperature!r}, top_k={top_k!r}, top_p={top_p!r})"


def _token(result: object, size: int, call: str) -> int:
    expect(isinstance(result, int) and not isinstance(result, bool),
           f"{call} must return a token index (an int)", actual=result)
    expect(0 <= result < size, f"{call} returned {result}, not an index of the {size} logits", actual=result)
    return result


def _expect_only(solution, logits, temperature, top_k, top_p, allowed: list[int], why: str) -> Counter:
    call = _describe(logits, temperature, top_k, top_p)
    seen = Counter()
    for seed in range(SEEDS_PER_EXAMPLE):
        token = _token(solution.sample_next(logits, Rng(seed), temperature=temperature, top_k=top_k,
                                            top_p=top_p), len(logits), call)
        if token not in allowed:
            fail(f"{call} with random.Random({seed}) returned token {token}; {why}: only tokens "
                 f"{sorted(allowed)} may come out", expected=sorted(allowed), actual=token)
        seen[token] += 1
    return seen


# --- exact properties --------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    logits = [2.0, 1.0, 3.0, 3.0, -math.inf]
    expect(solution.sample_next(logits, Rng(0), temperature=0) == 2,
           "temperature 0 returns the first largest logit: token 2", expected=2)
    _expect_only(solution, logits, 1.0, 2, None, [2, 3], "top_k=2 keeps the two largest logits")
    _expect_only(solution, [0.0, 0.0, 0.0, 0.0], 1.0, None, 0.5, [0, 1],
                 "four tokens of probability 1/4: the first two reach 0.5 exactly")
    _expect_only(solution, logits, 1.0, None, None, [0, 1, 2, 3], "a -inf logit has probability 0")


@category("temperature 0 is argmax, smallest index on ties")
@given(logits=masked_logits | st.lists(st.floats(-1e4, 1e4), min_size=1, max_size=12),
       top_k=st.none() | st.integers(1, 5), top_p=st.none() | st.sampled_from([0.1, 0.5, 1.0]), seed=seeds)
def test_temperature_zero_is_the_first_argmax(solution, logits, top_k, top_p, seed):
    want = logits.index(max(logits))
    got = solution.sample_next(logits, Rng(seed), temperature=0, top_k=top_k, top_p=top_p)
    call = _describe(logits, 0, top_k, top_p)
    _token(got, len(logits), call)
    expect(got == want, f"{call} must return {want}, the first index of the largest logit",
           expected=want, actual=got)


@category("temperature 0 is argmax, smallest index on ties")
@given(size=st.integers(1, 9), data=st.data())
def test_temperature_zero_ties_in_every_position(solution, size, data):
    # Two or more maxima anywhere: the first of them wins, wherever it is.
    first = data.draw(st.integers(0, size - 1), label="first maximum")
    logits = [float(data.draw(st.integers(-3, 0))) for _ in range(size)]  # all below the maximum 1
    logits[first] = 1.0
    for i in data.draw(st.lists(st.integers(first, size - 1), max_size=3), label="other maxima"):
        logits[i] = 1.0
    got = solution.sample_next(logits, Rng(1), temperature=0)
    expect(got == first, f"{_describe(logits, 0, None, None)} must return {first}, the first maximum",
           expected=first, actual=got)


@category("top-k keeps exactly k tokens, ties by index")
@given(logits=small_logits, temperature=temperatures, data=st.data())
def test_top_k(solution, logits, temperature, data):
    top_k = data.draw(st.integers(1, len(logits) + 2), label="top_k")
    allowed = _kept_tokens(logits, temperature, top_k, None)
    _expect_only(solution, logits, temperature, top_k, None, allowed,
                 f"top_k={top_k} keeps the {min(top_k, len(logits))} largest logits, ties to the smaller index")


@category("top-k keeps exactly k tokens, ties by index")
@given(size=st.integers(2, 10), k=st.integers(1, 9))
def test_top_k_among_equal_logits(solution, size, k):
    # Every logit ties: top_k = k keeps tokens 0..k-1, not the last k nor any k.
    logits = [0.5] * size
    allowed = list(range(min(k, size)))
    seen = _expect_only(solution, logits, 1.0, k, None, allowed, "equal logits tie: the smaller indices win")
    expect(len(seen) > 1 or len(allowed) == 1, f"{_describe(logits, 1.0, k, None)} returned only {list(seen)} "
           f"in {SEEDS_PER_EXAMPLE} calls: the {len(allowed)} kept tokens are equally likely")


@category("top-p keeps the shortest prefix with mass >= p")
@given(case=filtered_inputs())
def test_top_p_and_top_k(solution, case):
    logits, temperature, top_k, top_p = case
    allowed = _kept_tokens(logits, temperature, top_k, top_p)
    _expect_only(solution, logits, temperature, top_k, top_p, allowed,
                 "the nucleus is the shortest prefix (by probability, then index) of the top-k tokens "
                 "whose renormalised mass reaches top_p")


@category("top-p keeps the shortest prefix with mass >= p")
@pytest.mark.parametrize(("logits", "top_p", "allowed"), [
    ([0.0, 0.0], 0.5, [0]),
    ([0.0, 0.0, 0.0, 0.0], 0.25, [0]),
    ([0.0, 0.0, 0.0, 0.0], 0.5, [0, 1]),
    ([0.0, 0.0, 0.0, 0.0], 0.75, [0, 1, 2]),
    ([NEG_INF, 0.0, NEG_INF, 0.0, 0.0, 0.0], 0.5, [1, 3]),
    ([0.0, NEG_INF, 0.0, 0.0, NEG_INF, 0.0], 0.75, [0, 2, 3]),
])
def test_top_p_mass_exactly_p_stops_there(solution, logits, top_p, allowed):
    # Probabilities 1/2 or 1/4, exact in binary: the prefix whose mass equals p is the nucleus.
    _expect_only(solution, logits, 1.0, None, top_p, allowed,
                 f"the first {len(allowed)} tokens already hold mass {top_p} >= top_p")


@category("top-p keeps the shortest prefix with mass >= p")
def test_top_p_applies_to_the_renormalised_top_k(solution):
    # Weights 4, 3, 2, 1: top_k=2 leaves 4/7 and 3/7; 4/7 >= 0.55, so only token 0 is kept.
    # Top-p over the unfiltered probabilities (0.4, then 0.7) would keep token 1 too.
    logits = [math.log(w) for w in (4, 3, 2, 1)]
    _expect_only(solution, logits, 1.0, 2, 0.55, [0], "top_p applies to the top-k tokens, renormalised")
    _expect_only(solution, logits, 1.0, 3, 0.7, [0, 1], "top_p applies to the top-k tokens, renormalised")


@category("top_p = 1 and top_k >= V keep every token")
@given(size=st.integers(1, 40), top_k=st.none() | st.integers(40, 100), seed=seeds)
def test_no_op_filters(solution, size, top_k, seed):
    # Ten tokens of 0.1 sum to 0.9999999999999999 in float64: top_p = 1 must not run off the end.
    logits = [0.0] * size
    got = solution.sample_next(logits, Rng(seed), top_k=top_k, top_p=1.0)
    _token(got, size, _describe(logits, 1.0, top_k, 1.0))


@category("top_p = 1 and top_k >= V keep every token")
def test_top_p_one_keeps_the_last_token(solution):
    # The last token (probability 0.1) must come out sometimes: 200 calls miss it with p = 0.9**200.
    logits = [0.0] * 10
    seen = {solution.sample_next(logits, Rng(seed), top_p=1.0) for seed in range(200)}
    expect(seen == set(range(10)), "top_p=1.0 over ten equal logits keeps all ten tokens",
           expected=list(range(10)), actual=sorted(seen))


@category("huge logits (no overflow)")
@given(base=st.sampled_from([1000.0, 5000.0, 1e4, -1e4]), offsets=st.lists(st.integers(0, 3), min_size=2, max_size=6),
       temperature=st.sampled_from([0.01, 0.5, 1.0, 100.0]))
def test_huge_logits_do_not_overflow(solution, base, offsets, temperature):
    # exp(1000) overflows a float: the softmax must subtract the largest logit first.
    logits = [base - o for o in offsets]
    allowed = _kept_tokens(logits, temperature, None, None)
    if temperature <= 0.01:  # e**-100 and smaller: only the maxima have visible probability
        allowed = [i for i, x in enumerate(logits) if x == max(logits)]
    _expect_only(solution, logits, temperature, None, None, allowed, "huge logits are ordinary logits")


@category("masked tokens (-inf) never come out")
@given(logits=masked_logits, temperature=temperatures, seed=seeds)
def test_minus_infinity_is_never_sampled(solution, logits, temperature, seed):
    call = _describe(logits, temperature, None, None)
    got = _token(solution.sample_next(logits, Rng(seed), temperature=temperature), len(logits), call)
    expect(logits[got] != NEG_INF, f"{call} returned token {got}, whose logit is -inf", actual=got)


@category("one token")
@given(logit=st.floats(-1e4, 1e4), temperature=st.sampled_from([0, 0.5, 1.0]), seed=seeds,
       top_k=st.none() | st.integers(1, 3), top_p=st.none() | st.sampled_from([1e-9, 0.3, 1.0]))
def test_a_single_token(solution, logit, temperature, seed, top_k, top_p):
    got = solution.sample_next([logit], Rng(seed), temperature=temperature, top_k=top_k, top_p=top_p)
    expect(got == 0, "one logit: token 0 always", expected=0, actual=got)


@category("same seed, same token")
def test_same_seed_same_token(solution):
    # Sixteen equal tokens: a solution that ignores rng agrees with itself 1 time in 16 per seed.
    logits = [0.0] * 16
    for seed in range(12):
        first = solution.sample_next(logits, Rng(seed))
        second = solution.sample_next(logits, Rng(seed))
        expect(first == second, f"two calls with random.Random({seed}) must return the same token",
               expected=first, actual=second)


@category("arguments are not modified")
@given(case=filtered_inputs(), seed=seeds)
def test_logits_are_left_as_they_are(solution, case, seed):
    logits, temperature, top_k, top_p = case
    after = call_and_arguments(solution, "sample_next", list(logits), Rng(seed), temperature=temperature,
                               top_k=top_k, top_p=top_p)
    expect(after.args[0] == logits, "sample_next must not modify logits", expected=logits, actual=after.args[0])


# --- errors --------------------------------------------------------------------------------------

BAD_CALLS = {
    "empty logits": (ValueError, ([],), {}),
    "a NaN logit, first": (ValueError, ([math.nan, 1.0, 2.0],), {}),
    "a NaN logit, last": (ValueError, ([1.0, 2.0, math.nan],), {}),
    "a +inf logit, middle": (ValueError, ([1.0, math.inf, 2.0],), {}),
    "a +inf logit, only": (ValueError, ([math.inf],), {}),
    "every logit -inf": (ValueError, ([NEG_INF, NEG_INF],), {}),
    "the only logit -inf": (ValueError, ([NEG_INF],), {}),
    "negative temperature": (ValueError, ([1.0, 2.0],), {"temperature": -0.5}),
    "NaN temperature": (ValueError, ([1.0, 2.0],), {"temperature": math.nan}),
    "infinite temperature": (ValueError, ([1.0, 2.0],), {"temperature": math.inf}),
    "top_k = 0": (ValueError, ([1.0, 2.0],), {"top_k": 0}),
    "top_k negative": (ValueError, ([1.0, 2.0],), {"top_k": -3}),
    "top_k a float": (TypeError, ([1.0, 2.0],), {"top_k": 2.0}),
    "top_k a bool": (TypeError, ([1.0, 2.0],), {"top_k": True}),
    "top_p = 0": (ValueError, ([1.0, 2.0],), {"top_p": 0.0}),
    "top_p negative": (ValueError, ([1.0, 2.0],), {"top_p": -0.1}),
    "top_p above 1": (ValueError, ([1.0, 2.0],), {"top_p": 1.5}),
    "top_p NaN": (ValueError, ([1.0, 2.0],), {"top_p": math.nan}),
    "bad top_k with temperature 0": (ValueError, ([1.0, 2.0],), {"temperature": 0, "top_k": 0}),
    "bad top_p with temperature 0": (ValueError, ([1.0, 2.0],), {"temperature": 0, "top_p": 2.0}),
    "NaN logit with temperature 0": (ValueError, ([1.0, math.nan],), {"temperature": 0}),
}


@category("bad input")
@pytest.mark.parametrize("what", list(BAD_CALLS))
def test_bad_input_raises(solution, what):
    error, args, kwargs = BAD_CALLS[what]
    with expect_raises(error):
        solution.sample_next(*args, Rng(0), **kwargs)


# --- statistical properties ------------------------------------------------------------------------


@cache
def binomial_acceptance(trials: int, p: float, alpha: float) -> tuple[int, int]:
    """[lo, hi] with P(X < lo) <= alpha/2 and P(X > hi) <= alpha/2 for X ~ Bin(trials, p), exact pmf."""
    if p >= 1.0:
        return trials, trials
    log_p, log_q = math.log(p), math.log1p(-p)
    head = math.lgamma(trials + 1)
    pmf = [math.exp(head - math.lgamma(x + 1) - math.lgamma(trials - x + 1) + x * log_p + (trials - x) * log_q)
           for x in range(trials + 1)]
    return _tail_cut(pmf, alpha / 2), trials - _tail_cut(pmf[::-1], alpha / 2)


def _tail_cut(pmf: list[float], budget: float) -> int:
    cut, mass = 0, 0.0
    while mass + pmf[cut] <= budget:
        mass += pmf[cut]
        cut += 1
    return cut


def _intended(weights: list[int], temperature: float, top_k, top_p) -> dict[int, float]:
    """Token probabilities from the integer weights directly: weight ** (1 / T) over the kept tokens."""
    powered = [w ** (1 / temperature) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-weights[i], i))
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None:
        total = sum(powered[i] for i in order)
        running = 0.0
        for end, i in enumerate(order, start=1):
            running += powered[i]
            if running / total >= top_p:
                order = order[:end]
                break
    total = sum(powered[i] for i in order)
    return {i: powered[i] / total for i in order if powered[i] > 0}


@category("the distribution inside the filter")
@pytest.mark.parametrize("name", list(DISTRIBUTION_CASES))
def test_distribution(solution, name):
    weights, temperature, top_k, top_p, calls = DISTRIBUTION_CASES[name]
    logits = [math.log(w) if w > 0 else NEG_INF for w in weights]
    first_seed = 20_000 + 1_000 * list(DISTRIBUTION_CASES).index(name)
    call = _describe([round(x, 4) for x in logits], temperature, top_k, top_p)
    intended = _intended(weights, temperature, top_k, top_p)
    counts = Counter()
    for seed in range(first_seed, first_seed + calls):
        token = _token(solution.sample_next(logits, Rng(seed), temperature=temperature, top_k=top_k, top_p=top_p),
                       len(logits), call)
        if token not in intended:
            fail(f"{name}: {call} with random.Random({seed}) returned token {token}, which has probability 0",
                 expected=sorted(intended), actual=token)
        counts[token] += 1
    for token, p in sorted(intended.items()):
        lo, hi = binomial_acceptance(calls, p, ALPHA_PER_CELL)
        if not lo <= counts[token] <= hi:
            fail(f"{name}: over {calls} calls of {call} (seeds {first_seed}..{first_seed + calls - 1}) token "
                 f"{token} came out {counts[token]} times; with probability {p:.4f} it comes out {lo}..{hi} times "
                 f"(outside that range with probability < {ALPHA_PER_CELL:.0e})",
                 expected=f"{lo}..{hi}", actual=counts[token])


# --- scale ------------------------------------------------------------------------------------------


@kept
def _large_vocabulary() -> tuple[list[float], list[tuple[int | None, float, list[int]]]]:
    """200 000 logits (multiples of 1/64, so many tie) and three filters with their kept sets.

    Standard Gaussian logits: the top_p = 0.9 nucleus holds about 120 000 tokens.
    """
    rng = random.Random(5)
    logits = [round(rng.gauss(0.0, 1.0) * 64) / 64 for _ in range(LARGE_V)]
    cases = []
    for top_k, target in ((None, 0.9), (50, 0.95), (5000, 0.5)):
        order = _order(logits)
        if top_k is not None:
            order = order[:top_k]
        weights = _weights(logits, 1.0)
        total = math.fsum(weights[i] for i in order)
        running, masses = 0.0, []
        for i in order:
            running += weights[i]
            masses.append(running / total)
        end = next(j for j, m in enumerate(masses) if m >= target)
        # top_p halfway between the prefix masses around the target: far from every rounding.
        top_p = (masses[end - 1] + masses[end]) / 2
        cases.append((top_k, top_p, sorted(order[: end + 1])))
    return logits, cases


@category("a vocabulary of 200 000 tokens")
def test_large_vocabulary(solution):
    logits, cases = _large_vocabulary()
    for top_k, top_p, allowed in cases:
        allowed_set = set(allowed)
        for seed in range(1):
            got = solution.sample_next(logits, Rng(seed), top_k=top_k, top_p=top_p)
            call = f"sample_next(<{LARGE_V} logits>, random.Random({seed}), top_k={top_k}, top_p={top_p!r})"
            expect(isinstance(got, int) and got in allowed_set,
                   f"{call} returned {got}, outside the {len(allowed)} tokens of the nucleus", actual=got)
