"""Hidden properties of ranking_metrics, one category per rule of spec.md.

The oracle shares no code with a sort-based solution: a query's ranking is
built by repeatedly taking the best remaining entry (highest score, then the
smallest doc id); precision, recall and the reciprocal rank are exact
fractions; the ideal DCG is the maximum DCG over every ordering of the judged
documents when there are at most 6 of them (the sorted relevances otherwise).
Scores are small integers, halves and infinities, so every tie is exact and a
correct float64 formula cannot order two entries differently from the oracle.
"""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import call_and_arguments, category, expect, expect_raises, kept

TOLERANCE = 1e-9
KEYS = ("precision", "recall", "mrr", "ndcg")
FEW = 12
INF = math.inf
# str order is not numeric order: "d10" < "d9"; "B" < "a" < "b".
DOCS = ["d1", "d9", "d10", "a", "b", "B", "d2"]
SCORES = [0, 1, 2, 0.5, 1.5, -1, INF, -INF]


# ------------------------------------------------------------------ the oracle

def _ranking(entries) -> list[str]:
    """Selection by hand: the best remaining entry each time (a sort for the large inputs only)."""
    left = [(doc, score) for doc, score in entries]
    if len(left) > 64:
        return [doc for doc, _ in sorted(left, key=lambda e: (-e[1], e[0]))]
    order = []
    while left:
        best = left[0]
        for doc, score in left[1:]:
            if score > best[1] or (score == best[1] and doc < best[0]):
                best = (doc, score)
        left.remove(best)
        order.append(best[0])
    return order


def _dcg(relevances) -> float:
    return math.fsum((2**rel - 1) / math.log2(i + 2) for i, rel in enumerate(relevances))


def _ideal_dcg(judged: dict, k: int) -> float:
    rels = list(judged.values())
    if len(rels) <= 6:
        return max(_dcg(list(p)[:k]) for p in itertools.permutations(rels))
    return _dcg(sorted(rels, reverse=True)[:k])


def _oracle(judgments: dict, results: dict, k: int) -> dict:
    per = {key: [] for key in KEYS}
    for query, judged in judgments.items():
        ranking = _ranking(results.get(query, []))
        rel = [judged.get(doc, 0) for doc in ranking]
        hits = sum(1 for r in rel[:k] if r > 0)
        per["precision"].append(Fraction(hits, k))
        relevant = sum(1 for r in judged.values() if r > 0)
        if relevant == 0:
            continue
        per["recall"].append(Fraction(hits, relevant))
        first = next((i + 1 for i, r in enumerate(rel) if r > 0), None)
        per["mrr"].append(Fraction(1, first) if first else Fraction(0))
        per["ndcg"].append(_dcg(rel[:k]) / _ideal_dcg(judged, k))
    out = {}
    for key, values in per.items():
        if not values:
            out[key] = None
        elif key == "ndcg":
            out[key] = math.fsum(values) / len(values)
        else:
            out[key] = float(sum(values, Fraction(0)) / len(values))
    return out


def _verify(got, want: dict, what: str) -> None:
    expect(isinstance(got, dict), f"{what}: ranking_metrics must return a dict", actual=got)
    expect(set(got) == set(KEYS), f"{what}: the dict's keys must be exactly {list(KEYS)}", actual=sorted(got, key=str))
    for key in KEYS:
        value, expected = got[key], want[key]
        if expected is None:
            expect(value is None, f"{what}: {key} is undefined for every query of the batch: None expected",
                   expected=None, actual=value)
            continue
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        expect(ok, f"{what}: {key} must be a float", expected=expected, actual=value)
        expect(abs(value - expected) <= TOLERANCE, f"{what}: mean {key}", expected=expected, actual=value)


def _check(solution, judgments, results, k, what="") -> None:
    what = what or f"k={k}, judgments={judgments!r}, results={results!r}"
    _verify(solution.ranking_metrics(judgments, results, k), _oracle(judgments, results, k), what)


# ------------------------------------------------------------------ strategies

@st.composite
def judged(draw: st.DrawFn, top: int = 3) -> dict:
    docs = draw(st.lists(st.sampled_from(DOCS), unique=True, max_size=6))
    return {doc: draw(st.integers(0, top)) for doc in docs}


@st.composite
def retrieved(draw: st.DrawFn, scores=st.sampled_from(SCORES)) -> list:
    docs = draw(st.lists(st.sampled_from(DOCS), unique=True, max_size=7))
    as_lists = draw(st.booleans())
    return [[doc, draw(scores)] if as_lists else (doc, draw(scores)) for doc in docs]


@st.composite
def batches(draw: st.DrawFn, max_queries: int = 4) -> tuple[dict, dict]:
    queries = draw(st.lists(st.sampled_from(["q1", "q2", "q3", 7, 0, "q10"]), unique=True, max_size=max_queries))
    judgments = {q: draw(judged()) for q in queries}
    results = {q: draw(retrieved()) for q in queries if draw(st.integers(0, 4))}  # some queries retrieved nothing
    if draw(st.booleans()):
        results["unjudged"] = draw(retrieved())  # ignored: not in judgments
    return judgments, results


ks = st.integers(1, 8)


# ------------------------------------------------------------------ examples

EXAMPLE_J = {"q1": {"d1": 3, "d2": 0, "d3": 1, "d7": 2}, "q2": {"d4": 0}, "q3": {"d5": 1}}
EXAMPLE_R = {"q1": [("d3", 0.9), ("d1", 0.4), ("d9", 0.9), ("d2", 0.1)], "q2": [("d4", 1.0)], "q3": []}


@category("examples")
def test_statement_examples(solution):
    got = solution.ranking_metrics(EXAMPLE_J, EXAMPLE_R, 2)
    want = {"precision": 1 / 6, "recall": 1 / 6, "mrr": 0.5, "ndcg": 0.05622532878506941}
    _verify(got, want, "the statement's example with k=2")
    _check(solution, EXAMPLE_J, EXAMPLE_R, 3, "the statement's example with k=3")
    _check(solution, {}, {}, 5, "empty judgments")
    _check(solution, {"q": {"a": 0}}, {"q": [("a", 1.0)]}, 1, "one query, nothing relevant")


# ------------------------------------------------------------------ the metrics

@category("batches of queries")
@given(batch=batches(), k=ks)
def test_random_batches(solution, batch, k):
    _check(solution, *batch, k)


@category("ties broken by doc id")
@given(docs=st.lists(st.sampled_from(DOCS), unique=True, min_size=2), score=st.sampled_from([0, 1.5, INF, -INF]),
       rels=st.lists(st.integers(0, 2), min_size=7, max_size=7), k=st.integers(1, 4), reverse=st.booleans())
def test_all_scores_tied(solution, docs, score, rels, k, reverse):
    judgments = {"q": dict(zip(docs, rels))}
    entries = [(doc, score) for doc in sorted(docs, reverse=reverse)]
    _check(solution, judgments, {"q": entries}, k, f"every score is {score}: the ranking is by doc id ({docs})")


@category("ties broken by doc id")
def test_string_order_not_numeric(solution):
    # "d10" < "d9" as strings; only d9 is relevant: it is at rank 2, not 1.
    judgments = {"q": {"d9": 1, "d10": 0}}
    for entries in ([("d9", 1.0), ("d10", 1.0)], [("d10", 1), ("d9", 1)]):
        _check(solution, judgments, {"q": entries}, 1, "'d10' sorts before 'd9' (str order)")


@category("queries without a relevant document")
@given(batch=batches(), k=ks, empty=st.sampled_from(["q1", "q2", 7]))
def test_query_without_relevant_document(solution, batch, k, empty):
    judgments, results = batch
    judgments = {**judgments, empty: dict.fromkeys(DOCS[:3], 0)}
    results = {**results, empty: [("d1", 5), ("d9", 4)]}
    _check(solution, judgments, results, k, f"query {empty!r} has no relevant document: left out of recall, MRR "
           f"and nDCG, precision 0; judgments={judgments!r}, results={results!r}")


@category("queries without a relevant document")
@given(n=st.integers(0, 4), k=ks, judged_empty=st.booleans())
def test_nothing_defined(solution, n, k, judged_empty):
    judgments = {f"q{i}": ({} if judged_empty else {"a": 0, "b": 0}) for i in range(n)}
    results = {f"q{i}": [("a", 1), ("b", 2)] for i in range(n)}
    _check(solution, judgments, results, k, f"{n} queries, none with a relevant document")


@category("queries missing from results or from judgments")
@given(judgments=st.dictionaries(st.sampled_from(["q1", "q2", 3]), judged(), max_size=3), k=ks,
       extra=st.dictionaries(st.sampled_from(["x", "y", 99]), retrieved(), max_size=2))
def test_missing_queries(solution, judgments, k, extra):
    _check(solution, judgments, dict(extra), k,
           f"judgments={judgments!r}: no query of the batch was retrieved; results={extra!r} are not judged")


@category("reciprocal rank beyond k")
@given(before=st.integers(0, 6), k=st.integers(1, 3), rel=st.integers(1, 3))
def test_first_relevant_after_the_cut(solution, before, k, rel):
    entries = [(f"n{i}", 100 - i) for i in range(before)] + [("hit", 1)]
    _check(solution, {"q": {"hit": rel, "n0": 0}}, {"q": entries}, k,
           f"the only relevant document is at rank {before + 1} with k={k}: MRR is 1/{before + 1}")


@category("nDCG: graded gain and the ideal ranking")
@given(judged_=judged(top=4), entries=retrieved(), k=ks)
def test_ndcg_ideal_includes_unretrieved(solution, judged_, entries, k):
    judged_ = {**judged_, "zz": 4}  # highly relevant, never retrieved: it is in the ideal ranking
    _check(solution, {"q": judged_}, {"q": entries}, k)


@category("nDCG: graded gain and the ideal ranking")
def test_graded_gain(solution):
    judgments = {"q": {"a": 3, "b": 1, "c": 2}}
    for entries in ([("b", 3), ("a", 2), ("c", 1)], [("c", 3), ("b", 2), ("a", 1)], [("a", 1)]):
        _check(solution, judgments, {"q": entries}, 3, f"gain 2^rel - 1 on {entries}")


@category("precision divides by k")
@given(n=st.integers(0, 3), k=st.integers(4, 10))
def test_fewer_results_than_k(solution, n, k):
    entries = [(f"d{i}", i) for i in range(n)]
    _check(solution, {"q": {f"d{i}": 1 for i in range(5)}}, {"q": entries}, k,
           f"{n} results, all relevant, k={k}: precision {n}/{k}")


@category("input order and forms")
@given(batch=batches(max_queries=2), k=ks, seed=st.integers(0, 10))
def test_result_order_does_not_matter(solution, batch, k, seed):
    judgments, results = batch
    shuffled = {}
    for q, entries in results.items():
        entries = list(entries)
        random.Random(seed).shuffle(entries)
        shuffled[q] = tuple(entries) if seed % 2 else entries
    _check(solution, judgments, shuffled, k)


@category("arguments are not modified")
@settings(max_examples=FEW)
@given(batch=batches(), k=ks)
def test_arguments_not_modified(solution, batch, k):
    judgments, results = batch
    after = call_and_arguments(solution, "ranking_metrics", judgments, results, k)
    expect(after.args[0] == judgments, "judgments must be left as they were", expected=judgments, actual=after.args[0])
    expect(after.args[1] == results, "results must be left as they were (not sorted in place)", expected=results,
           actual=after.args[1])


# ------------------------------------------------------------------ errors

def _valid() -> tuple[dict, dict]:
    judgments = {"q1": {"a": 1, "b": 0, "c": 2}, "q2": {"a": 0}, "q3": {"d": 1}}
    results = {"q1": [("a", 1.0), ("b", 0.5), ("c", 2)], "q2": [("a", 1)], "q3": [("d", 0.0), ("e", 3.0)]}
    return judgments, results


WHERE = st.sampled_from(["q1", "q2", "q3"])  # the first, a middle or the last query


@category("bad k")
@settings(max_examples=FEW)
@given(bad=st.sampled_from([2.0, "3", None, True, False, [1]]))
def test_k_not_an_int(solution, bad):
    with expect_raises(TypeError):
        solution.ranking_metrics(*_valid(), bad)


@category("bad k")
@settings(max_examples=FEW)
@given(bad=st.integers(-3, 0), empty=st.booleans())
def test_k_below_one(solution, bad, empty):
    with expect_raises(ValueError):
        solution.ranking_metrics(*(({}, {}) if empty else _valid()), bad)


@category("bad containers: TypeError")
@settings(max_examples=FEW * 2)
@given(which=st.sampled_from(["judgments", "results", "judged", "retrieved", "entry"]), where=WHERE,
       bad=st.sampled_from([None, "x", 5, ["a"]]), position=st.integers(0, 2))
def test_bad_containers(solution, which, where, bad, position):
    judgments, results = _valid()
    if which == "judgments":
        judgments = bad if bad != ["a"] else [("q1", {"a": 1})]
    elif which == "results":
        results = bad if bad != ["a"] else [("q1", [("a", 1)])]
    elif which == "judged":
        judgments[where] = bad if bad != ["a"] else [("a", 1)]
    elif which == "retrieved":
        if bad == ["a"]:
            return  # a list of bare doc ids is an "entry" error, tested there
        results[where] = bad
    else:
        entries = list(results[where])
        entries.insert(position % (len(entries) + 1), bad if bad != 5 else ("a", 1, 2))
        results[where] = entries
    with expect_raises(TypeError):
        solution.ranking_metrics(judgments, results, 2)


@category("bad doc ids, relevances and scores")
@settings(max_examples=FEW * 2)
@given(where=WHERE, bad=st.sampled_from([1.5, "2", None, True, 2.0]))
def test_relevance_not_an_int(solution, where, bad):
    judgments, results = _valid()
    judgments[where] = {**judgments[where], "z": bad}
    with expect_raises(TypeError):
        solution.ranking_metrics(judgments, results, 2)


@category("bad doc ids, relevances and scores")
@settings(max_examples=FEW)
@given(where=WHERE, bad=st.integers(-3, -1), first=st.booleans())
def test_negative_relevance(solution, where, bad, first):
    judgments, results = _valid()
    judgments[where] = {"z": bad, **judgments[where]} if first else {**judgments[where], "z": bad}
    with expect_raises(ValueError):
        solution.ranking_metrics(judgments, results, 2)


@category("bad doc ids, relevances and scores")
@settings(max_examples=FEW * 2)
@given(where=st.sampled_from(["q1", "q2", "q3", "unjudged"]), bad=st.sampled_from(["0.5", None, True, [1]]),
       position=st.integers(0, 2))
def test_score_not_a_number(solution, where, bad, position):
    judgments, results = _valid()
    entries = list(results.get(where, [("a", 1)]))
    entries.insert(position % (len(entries) + 1), ("new", bad))
    results[where] = entries
    with expect_raises(TypeError):
        solution.ranking_metrics(judgments, results, 2)


@category("bad doc ids, relevances and scores")
@settings(max_examples=FEW)
@given(where=st.sampled_from(["q1", "q2", "q3", "unjudged"]), position=st.integers(0, 2))
def test_nan_score(solution, where, position):
    judgments, results = _valid()
    entries = list(results.get(where, [("a", 1)]))
    entries.insert(position % (len(entries) + 1), ("new", math.nan))
    results[where] = entries
    with expect_raises(ValueError):
        solution.ranking_metrics(judgments, results, 2)


@category("bad doc ids, relevances and scores")
@settings(max_examples=FEW)
@given(where=st.sampled_from(["q1", "q2", "q3"]), bad=st.sampled_from([1, None, ("a",)]), judged_side=st.booleans())
def test_doc_id_not_a_string(solution, where, bad, judged_side):
    judgments, results = _valid()
    if judged_side:
        judgments[where] = {**judgments[where], bad: 1}
    else:
        results[where] = [*results[where], (bad, 0.5)]
    with expect_raises(TypeError):
        solution.ranking_metrics(judgments, results, 2)


@category("duplicate doc id in results: ValueError")
@settings(max_examples=FEW)
@given(where=st.sampled_from(["q1", "q2", "q3", "unjudged"]), same_score=st.booleans(), position=st.integers(0, 3))
def test_duplicate_result(solution, where, same_score, position):
    judgments, results = _valid()
    entries = list(results.get(where, [("a", 1)]))
    doc, score = entries[-1]
    entries.insert(position % (len(entries) + 1), (doc, score if same_score else -7))
    results[where] = entries
    with expect_raises(ValueError):
        solution.ranking_metrics(judgments, results, 2)


# ------------------------------------------------------------------ large inputs

@kept
def _one_large_query() -> tuple[dict, dict, int, dict]:
    """100 000 results of one query, half of them judged, k = all of them; the oracle's answer."""
    rng = random.Random(41)
    n = 100_000
    docs = [f"doc{i}" for i in range(n)]
    entries = [(doc, rng.randrange(5000) / 4) for doc in docs]
    judged_ = {doc: rng.randrange(4) for doc in rng.sample(docs, n // 2)}
    judged_.update({f"missing{i}": rng.randrange(1, 4) for i in range(50)})
    judgments, results = {"big": judged_}, {"big": entries}
    return judgments, results, n, _oracle(judgments, results, n)


@kept
def _many_queries() -> tuple[dict, dict, int, dict]:
    """2000 queries of 100 results each, k = 10."""
    rng = random.Random(42)
    judgments, results = {}, {}
    for q in range(2000):
        docs = [f"d{rng.randrange(400)}" for _ in range(150)]
        docs = list(dict.fromkeys(docs))[:100]
        results[q] = [(doc, rng.randrange(20)) for doc in docs]
        judgments[q] = {f"d{rng.randrange(400)}": rng.randrange(4) for _ in range(30)}
    return judgments, results, 10, _oracle(judgments, results, 10)


@category("large input: one query of 100 000 results")
def test_one_large_query(solution):
    judgments, results, k, want = _one_large_query()
    _verify(solution.ranking_metrics(judgments, results, k), want, "one query of 100 000 results, k = 100 000")


@category("large input: 2000 queries")
def test_many_queries(solution):
    judgments, results, k, want = _many_queries()
    _verify(solution.ranking_metrics(judgments, results, k), want, "2000 queries of 100 results, k = 10")
