"""Hidden tests for beam_search.

Log-probabilities are multiples of 1/4 (1/64 in the large tests), so every sum of a few of them is
exact in float64 and a tie between candidates is a real tie whatever order a solution adds in.
The oracle written here runs the search on Fractions (exact sums) and scores exactly when the
length penalty is 0, 1 or 2; for other penalties it scores in floats and skips the rare example
whose two best scores are within 1e-9 of each other. With a beam wider than every candidate the
search is exhaustive, which a brute force over all sequences checks; with a beam of 1 it is greedy.
Every answer is also checked on its own: it starts with bos, follows the model's transitions,
has eos only at its end, and its score is its log-probability over its length to the penalty.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from hypothesis import assume, given, strategies as st

from judge.testing import call_and_arguments, category, expect, expect_equal, expect_raises, fail, kept

BOS, EOS = "<s>", "</s>"
TOKENS = ["a", "b", "c"]
EXACT_PENALTIES = (0, 1, 2)
REL_TOL = 1e-9

# --- strategies -------------------------------------------------------------------


@st.composite
def models(draw: st.DrawFn, tokens: list[str] = TOKENS, eos_weight: int = 1) -> dict[str, dict[str, float]]:
    """A next-token table for bos and every token: a non-empty set of next tokens (eos among them
    or not), each with a log-probability in {-4, -3.75, ..., -0.25, 0}."""
    table = {}
    for context in [BOS, *tokens]:
        nexts = draw(st.lists(st.sampled_from([*tokens, *[EOS] * eos_weight]), min_size=1, max_size=len(tokens) + 1,
                              unique=True), label=f"next tokens of {context}")
        table[context] = {t: -draw(st.integers(min_value=0, max_value=16)) / 4 for t in nexts}
    return table


widths = st.integers(min_value=1, max_value=4)
lengths = st.integers(min_value=1, max_value=5)
exact_penalties = st.sampled_from(EXACT_PENALTIES) | st.sampled_from([0.0, 1.0, 2.0])
any_penalties = st.sampled_from([0.5, 0.6, 1.5, -0.5, 3.0]) | exact_penalties

# --- oracles ----------------------------------------------------------------------


def _score(total: Fraction, length: int, penalty: float):
    if penalty in EXACT_PENALTIES:
        return total / Fraction(length) ** int(penalty)
    return float(total) / length ** penalty


def _best(hypotheses: list[tuple[Fraction, list[str]]], penalty: float) -> tuple[list[str], object]:
    scored = sorted(((_score(total, len(seq) - 1, penalty), seq) for total, seq in hypotheses),
                    key=lambda c: (-c[0], c[1]))
    if penalty not in EXACT_PENALTIES and len(scored) > 1:
        first, second = scored[0][0], scored[1][0]
        assume(abs(first - second) > REL_TOL * max(1.0, abs(first)))
    return scored[0][1], scored[0][0]


def oracle(model: dict, beam_width: int, max_len: int, penalty: float = 0) -> tuple[list[str], object]:
    live = [(Fraction(0), [BOS])]
    done = []
    step = 0
    while live and step < max_len:
        step += 1
        grown = [(total + Fraction(lp), seq + [tok]) for total, seq in live for tok, lp in model[seq[-1]].items()]
        grown.sort(key=lambda c: (-c[0], c[1]))
        kept_now = grown[:beam_width]
        done += [c for c in kept_now if c[1][-1] == EOS]
        live = [c for c in kept_now if c[1][-1] != EOS]
    return _best(done + live, penalty)


def brute_force(model: dict, max_len: int, penalty: float = 0) -> tuple[list[str], object]:
    """Every sequence ending in eos within max_len tokens, and every max_len-token one without eos."""
    found = []

    def walk(seq: list[str], total: Fraction) -> None:
        if seq[-1] == EOS or len(seq) - 1 == max_len:
            found.append((total, seq))
            return
        for tok, lp in model[seq[-1]].items():
            walk(seq + [tok], total + Fraction(lp))

    walk([BOS], Fraction(0))
    return _best(found, penalty)


def greedy(model: dict, max_len: int, penalty: float = 0):
    seq, total = [BOS], Fraction(0)
    while len(seq) - 1 < max_len and seq[-1] != EOS:
        tok, lp = min(model[seq[-1]].items(), key=lambda kv: (-kv[1], kv[0]))
        seq, total = seq + [tok], total + Fraction(lp)
    return seq, _score(total, len(seq) - 1, penalty)


# --- checks -----------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def check(solution, model: dict, beam_width: int, max_len: int, penalty: float = 0, expected=None) -> None:
    result = solution.beam_search(model, BOS, EOS, beam_width, max_len, penalty)
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           "beam_search must return a (sequence, score) pair", actual=result)
    seq, score = result
    expect(isinstance(seq, (list, tuple)) and all(isinstance(t, str) for t in seq),
           "the sequence must be a list of str tokens", actual=seq)
    seq = list(seq)
    expect(isinstance(score, (int, float)) and not isinstance(score, bool), "the score must be a float",
           actual=score)
    expect(len(seq) >= 2 and seq[0] == BOS, "the sequence must start with bos and hold at least one more token",
           actual=seq)
    expect(len(seq) - 1 <= max_len, f"the sequence has {len(seq) - 1} tokens after bos; max_len is {max_len}",
           actual=seq)
    total = Fraction(0)
    for i in range(1, len(seq)):
        if seq[i - 1] == EOS:
            fail(f"token {i - 1} is eos but the sequence goes on: a hypothesis ending in eos is finished",
                 actual=seq)
        if seq[i] not in model.get(seq[i - 1], {}):
            fail(f"token {i} ({seq[i]!r}) cannot follow {seq[i - 1]!r} in the model", actual=seq)
        total += Fraction(model[seq[i - 1]][seq[i]])
    if seq[-1] != EOS and len(seq) - 1 < max_len:
        fail(f"the sequence neither ends in eos nor has max_len = {max_len} tokens after bos", actual=seq)
    own = float(_score(total, len(seq) - 1, penalty))
    if not _close(float(score), own):
        fail(f"the score of this sequence is its log-probability {float(total)} / {len(seq) - 1} ** {penalty} "
             f"= {own}", expected=own, actual=score)
    want_seq, want_score = expected if expected is not None else oracle(model, beam_width, max_len, penalty)
    if seq != want_seq:
        fail(f"beam search finds {want_seq} (score {float(want_score)}), not this sequence (score {float(score)})",
             expected=want_seq, actual=seq)


# --- worked example ---------------------------------------------------------------

EXAMPLE = {BOS: {"a": -0.5, "b": -1.0, EOS: -3.0},
           "a": {"a": -2.0, "b": -0.25, EOS: -1.0},
           "b": {"a": -1.0, "b": -2.0, EOS: -0.5}}


@category("examples")
def test_spec_example(solution):
    check(solution, EXAMPLE, 2, 4, 0.0, ([BOS, "a", "b", EOS], -1.25))
    check(solution, EXAMPLE, 2, 4, 1.0, ([BOS, "a", "b", EOS], -1.25 / 3))
    check(solution, EXAMPLE, 2, 4, 2.0, ([BOS, "a", "b", "a", "b"], -2.0 / 16))


@category("examples")
def test_default_length_penalty_is_zero(solution):
    result = solution.beam_search(EXAMPLE, BOS, EOS, 2, 4)
    expect(isinstance(result, (tuple, list)) and len(result) == 2, "must return a (sequence, score) pair",
           actual=result)
    expect_equal(list(result[0]), [BOS, "a", "b", EOS])
    expect(_close(result[1], -1.25), "score", expected=-1.25, actual=result[1])


# --- the search ---------------------------------------------------------------------


@category("beam search")
@given(model=models(), beam_width=widths, max_len=lengths, penalty=exact_penalties)
def test_small_models(solution, model, beam_width, max_len, penalty):
    check(solution, model, beam_width, max_len, penalty)


@category("beam search")
@given(model=models(["a", "b", "c", "d", "e"], eos_weight=2), beam_width=st.integers(min_value=1, max_value=8),
       max_len=st.integers(min_value=1, max_value=6), penalty=any_penalties)
def test_larger_vocabulary_any_penalty(solution, model, beam_width, max_len, penalty):
    check(solution, model, beam_width, max_len, penalty)


@category("wide beam is exhaustive")
@given(model=models(), max_len=st.integers(min_value=1, max_value=4), penalty=any_penalties)
def test_beam_wider_than_everything_is_exhaustive(solution, model, max_len, penalty):
    # 4 ** 4 = 256 candidates at most per step: a beam of 300 prunes nothing.
    check(solution, model, 300, max_len, penalty, brute_force(model, max_len, penalty))


@category("beam of one is greedy")
@given(model=models(), max_len=lengths, penalty=exact_penalties)
def test_beam_of_one_is_greedy(solution, model, max_len, penalty):
    check(solution, model, 1, max_len, penalty, greedy(model, max_len, penalty))


@category("finished hypotheses")
def test_finished_hypotheses_leave_the_beam(solution):
    # Beam of 2: step 1 keeps "x" (-1) and eos (-1.5); eos is finished, so step 2 extends only "x".
    # "y" (-2) was pruned at step 1, although "<s> y z </s>" scores best with alpha = 1 (-2 / 3),
    # as a beam of 3 finds.
    model = {BOS: {"x": -1.0, EOS: -1.5, "y": -2.0}, "x": {EOS: -4.0, "x": -3.0},
             "y": {"z": 0.0}, "z": {EOS: 0.0}}
    check(solution, model, 2, 3, 1, ([BOS, EOS], -1.5))
    check(solution, model, 3, 3, 1, ([BOS, "y", "z", EOS], -2.0 / 3))


@category("finished hypotheses")
def test_search_stops_when_every_kept_hypothesis_finished(solution):
    # Both kept candidates of step 1 end in eos: nothing is live, the search stops after one step.
    model = {BOS: {EOS: -0.5, "a": -3.0}, "a": {"a": 0.0}}
    check(solution, model, 1, 5, 0, ([BOS, EOS], -0.5))
    check(solution, model, 1, 5, -3.0, ([BOS, EOS], -0.5))


@category("max_len")
def test_live_hypotheses_at_max_len_are_candidates(solution):
    # Nothing ever ends: the answer is the best live hypothesis after max_len steps.
    model = {BOS: {"a": -1.0, "b": -0.5}, "a": {"a": -0.25}, "b": {"b": -1.0}}
    check(solution, model, 2, 3, 0, ([BOS, "a", "a", "a"], -1.5))
    check(solution, model, 2, 1, 0, ([BOS, "b"], -0.5))


@category("max_len")
@given(model=models(), beam_width=widths, penalty=exact_penalties)
def test_max_len_one(solution, model, beam_width, penalty):
    check(solution, model, beam_width, 1, penalty)


@category("length penalty")
def test_length_penalty_favours_longer_finished_hypotheses(solution):
    # Sums: "<s> </s>" -1 (length 1), "<s> a </s>" -1.5 (length 2). alpha = 0 picks the short one,
    # alpha = 1 the long one (-0.75 > -1).
    model = {BOS: {EOS: -1.0, "a": -0.5}, "a": {EOS: -1.0}}
    check(solution, model, 2, 3, 0, ([BOS, EOS], -1.0))
    check(solution, model, 2, 3, 1, ([BOS, "a", EOS], -0.75))
    check(solution, model, 2, 3, 0.5, ([BOS, EOS], -1.0))  # -1.5 / sqrt(2) = -1.06 < -1


@category("length penalty")
def test_length_counts_eos_but_not_bos(solution):
    # alpha = 1: "<s> a </s>" scores -2 / 2 = -1 and "<s> </s>" -1.25 / 1. Counting bos in the
    # length would give -2 / 3 and -1.25 / 2 and the other answer; leaving eos out divides by 0.
    model = {BOS: {"a": -1.0, EOS: -1.25}, "a": {EOS: -1.0}}
    check(solution, model, 2, 2, 1, ([BOS, "a", EOS], -1.0))


# --- ties -------------------------------------------------------------------------


@category("ties")
@given(model=models().map(lambda m: {ctx: dict.fromkeys(nexts, -1.0) for ctx, nexts in m.items()}),
       beam_width=widths, max_len=lengths)
def test_all_log_probs_equal(solution, model, beam_width, max_len):
    # Every candidate of a step ties: the beam keeps the lexicographically smallest sequences.
    check(solution, model, beam_width, max_len, 0)


@category("ties")
def test_tie_at_the_beam_edge_keeps_the_smaller_sequence(solution):
    # Step 1: "b" and "c" tie for the second place of a beam of 2; "b" is kept, "c" (which leads
    # to the best sequence) is pruned.
    model = {BOS: {"c": -1.0, "a": -0.5, "b": -1.0}, "a": {EOS: -3.0}, "b": {EOS: -2.0}, "c": {EOS: 0.0}}
    check(solution, model, 2, 2, 0, ([BOS, "b", EOS], -3.0))
    check(solution, model, 3, 2, 0, ([BOS, "c", EOS], -1.0))


@category("ties")
def test_tie_between_final_scores(solution):
    # "<s> a </s>" and "<s> b </s>" both score -1; the answer is the smaller sequence, found in
    # either order of the model's dict.
    model = {BOS: {"b": -0.5, "a": -0.5}, "a": {EOS: -0.5}, "b": {EOS: -0.5}}
    check(solution, model, 2, 3, 0, ([BOS, "a", EOS], -1.0))
    # With max_len = 2 the unfinished "<s> a a" ties the finished "<s> b </s>" at -1: list order
    # puts ["<s>", "a", "a"] first.
    model = {BOS: {"b": -0.5, "a": -1.0}, "a": {"a": 0.0}, "b": {EOS: -0.5}}
    check(solution, model, 2, 1, 0, ([BOS, "b"], -0.5))
    check(solution, model, 2, 2, 0, ([BOS, "a", "a"], -1.0))


# --- arguments --------------------------------------------------------------------


@category("arguments not modified")
def test_model_is_left_alone(solution):
    model = {ctx: dict(nexts) for ctx, nexts in EXAMPLE.items()}
    after = call_and_arguments(solution, "beam_search", model, BOS, EOS, 2, 4, 1.0)
    left = after.args[0] if after.args else None
    expect(left == EXAMPLE, "beam_search must leave the model as it was", expected=EXAMPLE, actual=left)


@category("bad input")
@given(model=st.one_of(st.none(), st.lists(st.integers(), max_size=2), st.text(max_size=3)))
def test_model_not_a_dict(solution, model):
    with expect_raises(TypeError):
        solution.beam_search(model, BOS, EOS, 2, 3)


@category("bad input")
@given(bad=st.one_of(st.none(), st.integers(), st.lists(st.text(max_size=1), max_size=2)),
       which=st.sampled_from(["bos", "eos"]))
def test_bos_or_eos_not_a_str(solution, bad, which):
    with expect_raises(TypeError):
        solution.beam_search(EXAMPLE, bad if which == "bos" else BOS, bad if which == "eos" else EOS, 2, 3)


@category("bad input")
@given(bad=st.one_of(st.booleans(), st.none(), st.floats(min_value=1, max_value=4), st.just("2")),
       which=st.sampled_from(["beam_width", "max_len"]))
def test_sizes_not_ints(solution, bad, which):
    args = {"beam_width": 2, "max_len": 3, which: bad}
    with expect_raises(TypeError):
        solution.beam_search(EXAMPLE, BOS, EOS, args["beam_width"], args["max_len"])


@category("bad input")
@given(bad=st.integers(max_value=0), which=st.sampled_from(["beam_width", "max_len"]))
def test_sizes_below_one(solution, bad, which):
    args = {"beam_width": 2, "max_len": 3, which: bad}
    with expect_raises(ValueError):
        solution.beam_search(EXAMPLE, BOS, EOS, args["beam_width"], args["max_len"])


@category("bad input")
@given(bad=st.one_of(st.booleans(), st.none(), st.just("1.0"), st.lists(st.floats(), max_size=1)))
def test_length_penalty_not_a_number(solution, bad):
    with expect_raises(TypeError):
        solution.beam_search(EXAMPLE, BOS, EOS, 2, 3, bad)


@category("bad input")
@given(bad=st.sampled_from([math.nan, math.inf, -math.inf]))
def test_length_penalty_not_finite(solution, bad):
    with expect_raises(ValueError):
        solution.beam_search(EXAMPLE, BOS, EOS, 2, 3, bad)


@category("bad input")
def test_bos_missing_from_the_model(solution):
    with expect_raises(ValueError):
        solution.beam_search({"a": {EOS: -1.0}}, BOS, EOS, 2, 3)
    with expect_raises(ValueError):
        solution.beam_search({}, BOS, EOS, 1, 1)


# --- large inputs -----------------------------------------------------------------

LARGE_VOCABULARY = [f"t{i:02d}" for i in range(40)]


@kept
def _large_model() -> dict[str, dict[str, float]]:
    """40 tokens and eos after every context; log-probabilities multiples of 1/64, in [-8, 0] for
    the tokens and in [-14, -6] for eos, so that hypotheses finish now and then but the beam
    stays mostly full."""
    rng = random.Random(99)
    return {ctx: {**{tok: -rng.randrange(0, 513) / 64 for tok in LARGE_VOCABULARY}, EOS: -rng.randrange(384, 897) / 64}
            for ctx in [BOS, *LARGE_VOCABULARY]}


@kept
def _large_expected(beam_width: int, max_len: int, penalty: float) -> tuple[list[str], float]:
    seq, score = oracle(_large_model(), beam_width, max_len, penalty)
    return seq, float(score)


@category("large inputs")
def test_wide_beam_on_a_large_vocabulary(solution):
    # 1500 x 41 = 61,500 candidates per step for 6 steps: one sort per step is fast; picking the
    # 1500 best by repeated max() over the candidates is 1500 scans of 61,500 per step.
    check(solution, _large_model(), 1500, 6, 1.0, _large_expected(1500, 6, 1.0))


@category("large inputs")
def test_long_search(solution):
    # 80 steps with a beam of 20: long hypotheses, many equal totals (multiples of 1/64).
    check(solution, _large_model(), 20, 80, 1.0, _large_expected(20, 80, 1.0))


