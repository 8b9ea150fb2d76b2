"""Hidden properties of trigram_predictor, one category per rule of the contract.

Every property builds a corpus, fits the candidate's model and the reference
model on equal copies, and compares `predict_next` answers on queries chosen
to land on the rule under test.  Token alphabets are tiny and mix upper and
lower case, so ties and `str` ordering come up constantly and a failing
example shrinks to a few one-letter tokens.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings, strategies as st

from judge.testing import category, cpu_budget, expect, expect_equal, expect_raises, kept

# Upper case sorts before lower case in plain str order ("B" < "a"), so a
# solution that compares case-insensitively loses ties it should win.
TOKENS = ["a", "b", "c", "A", "B"]
# A token no corpus contains: a query context nobody has seen.
UNSEEN = "zz"
# Properties that ask every pair of a small alphabet make 16 to 25 remote calls
# per example; fewer examples keep a whole run to a few seconds.
ALL_PAIRS_EXAMPLES = 12
# Properties over a tiny input space need only a handful of examples.
FEW_EXAMPLES = 10

token = st.sampled_from(TOKENS)
sentence = st.lists(token, max_size=6)
corpus = st.lists(sentence, max_size=6)

Corpus = list[list[str]]
Query = tuple[str, str]


# ----------------------------------------------------------------- helpers

def _fit_both(solution: Any, reference: Any, sentences: Corpus) -> tuple[Any, Any]:
    """The candidate's model and the reference model, both fitted on `sentences`."""
    model = solution.TrigramModel()
    model.fit(sentences)
    oracle = reference.TrigramModel().fit(sentences)
    return model, oracle


def _expect_same_predictions(model: Any, oracle: Any, queries: list[Query]) -> None:
    _expect_answers(model, queries, [oracle.predict_next(w1, w2) for w1, w2 in queries])


def _expect_answers(model: Any, queries: list[Query], answers: list) -> None:
    for (w1, w2), answer in zip(queries, answers):
        expect_equal(model.predict_next(w1, w2), answer, f"predict_next({w1!r}, {w2!r})")


def _trigram_contexts(sentences: Corpus) -> list[Query]:
    """Pairs followed by a token inside some sentence, in a stable order."""
    pairs = {(s[i], s[i + 1]) for s in sentences for i in range(len(s) - 2)}
    return sorted(pairs)


def _bigram_contexts(sentences: Corpus) -> list[str]:
    """Tokens followed by a token inside some sentence."""
    return sorted({s[i] for s in sentences for i in range(len(s) - 1)})


def _all_queries(alphabet: list[str]) -> list[Query]:
    return [(w1, w2) for w1 in alphabet for w2 in alphabet]


# ------------------------------------------------------------ backoff levels

@category("trigram level")
@given(sentences=corpus, data=st.data())
def test_seen_pair_predicts_its_most_frequent_follower(solution, reference, sentences, data):
    contexts = _trigram_contexts(sentences)
    if not contexts:
        sentences = sentences + [["a", "b", "c"]]
        contexts = _trigram_contexts(sentences)
    query = data.draw(st.sampled_from(contexts), label="query")
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [query])


@category("bigram backoff")
@given(sentences=corpus, data=st.data())
def test_unseen_pair_backs_off_to_followers_of_w2(solution, reference, sentences, data):
    sentences = sentences + [["a", "b"]]
    w2 = data.draw(st.sampled_from(_bigram_contexts(sentences)), label="w2")
    seen_pairs = set(_trigram_contexts(sentences))
    unseen_w1 = [w1 for w1 in TOKENS + [UNSEEN] if (w1, w2) not in seen_pairs]
    w1 = data.draw(st.sampled_from(unseen_w1), label="w1")
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [(w1, w2)])


@category("unigram backoff")
@given(sentences=corpus.filter(lambda c: any(c)), data=st.data())
def test_w2_without_followers_backs_off_to_most_frequent_token(
    solution, reference, sentences, data
):
    leading = set(_bigram_contexts(sentences))
    # Tokens that only ever end a sentence, and tokens never seen at all.
    dead_ends = [w for w in TOKENS + [UNSEEN] if w not in leading]
    w2 = data.draw(st.sampled_from(dead_ends), label="w2")
    w1 = data.draw(st.sampled_from(TOKENS + [UNSEEN]), label="w1")
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [(w1, w2)])


@category("all levels together")
@settings(max_examples=ALL_PAIRS_EXAMPLES)
@given(sentences=corpus)
def test_every_query_matches_the_reference(solution, reference, sentences):
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, _all_queries(TOKENS[:4] + [UNSEEN]))


# ------------------------------------------------------------------- ties
# Each tied token appears equally often; the list order is the order the
# candidate first sees them, so "first seen" and "smallest" part ways.

tied_tokens = st.lists(token, min_size=2, max_size=4, unique=True)
repeats = st.integers(min_value=1, max_value=3)


@category("ties")
@given(tied=tied_tokens, times=repeats)
def test_trigram_tie_goes_to_smallest_token(solution, reference, tied, times):
    sentences = [["x", "y", t] for t in tied] * times
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [("x", "y")])


@category("ties")
@given(tied=tied_tokens, times=repeats)
def test_bigram_tie_goes_to_smallest_token(solution, reference, tied, times):
    sentences = [["y", t] for t in tied] * times
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [("x", "y")])


@category("ties")
@given(tied=tied_tokens, times=repeats)
def test_unigram_tie_goes_to_smallest_token(solution, reference, tied, times):
    sentences = [[t] for t in tied] * times
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, [("x", "y")])


# ------------------------------------------------------- sentence boundaries
# Pad-like strings are ordinary tokens here: a model that adds its own "<s>"
# or "</s>" and counts them changes answers on these corpora.

boundary_token = st.sampled_from(["a", "b", "<s>", "</s>"])


@category("sentence boundaries")
@settings(max_examples=ALL_PAIRS_EXAMPLES)
@given(
    sentences=st.lists(
        st.lists(boundary_token, min_size=1, max_size=4), min_size=1, max_size=4
    )
)
def test_no_ngram_spans_sentences_and_no_padding(solution, reference, sentences):
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, _all_queries(["a", "b", "<s>", "</s>"]))


# --------------------------------------------------------------------- refit

@category("refit")
@settings(max_examples=ALL_PAIRS_EXAMPLES)
@given(first=corpus, second=corpus)
def test_fit_again_forgets_the_first_corpus(solution, reference, first, second):
    model = solution.TrigramModel()
    model.fit(first)
    model.fit(second)
    oracle = reference.TrigramModel().fit(second)
    _expect_same_predictions(model, oracle, _all_queries(TOKENS[:3] + [UNSEEN]))


@category("refit")
@given(first=corpus.filter(lambda c: any(c)), empty=st.sampled_from([[], [[]], [[], []]]))
def test_fit_on_no_tokens_after_a_real_fit_predicts_none(solution, first, empty):
    model = solution.TrigramModel()
    model.fit(first)
    model.fit(empty)
    expect_equal(model.predict_next("a", "b"), None, "predict_next('a', 'b')")


# ----------------------------------------------------------- nothing learned

@category("nothing learned")
@settings(max_examples=FEW_EXAMPLES)
@given(query=st.tuples(token, token))
def test_unfitted_model_predicts_none(solution, query):
    model = solution.TrigramModel()
    expect_equal(model.predict_next(*query), None, f"predict_next{query!r} before fit")


@category("nothing learned")
@settings(max_examples=FEW_EXAMPLES)
@given(empty=st.lists(st.just([]), max_size=3), query=st.tuples(token, token))
def test_model_fitted_on_no_tokens_predicts_none(solution, empty, query):
    model = solution.TrigramModel()
    model.fit(empty)
    expect_equal(model.predict_next(*query), None, f"predict_next{query!r} after fit({empty!r})")


# ------------------------------------------------------------ fit returns self

@category("fit returns self")
@settings(max_examples=FEW_EXAMPLES)
@given(sentences=corpus)
def test_fit_returns_the_model_itself(solution, sentences):
    model = solution.TrigramModel()
    expect(model.fit(sentences) is model, "fit must return self")


# ---------------------------------------------------------- case sensitivity

cased_token = st.sampled_from(["a", "A", "b", "B"])


@category("case sensitivity")
@settings(max_examples=ALL_PAIRS_EXAMPLES)
@given(sentences=st.lists(st.lists(cased_token, max_size=5), max_size=5))
def test_tokens_differing_only_in_case_are_different(solution, reference, sentences):
    model, oracle = _fit_both(solution, reference, sentences)
    _expect_same_predictions(model, oracle, _all_queries(["a", "A", "b", "B"]))


# ----------------------------------------------------------- malformed input

not_a_str = st.one_of(
    st.none(), st.integers(), st.booleans(), st.floats(allow_nan=False),
    st.binary(max_size=3), st.lists(token, max_size=2),
)
not_a_list = st.one_of(
    st.none(), st.integers(), st.text(alphabet="ab ", max_size=4),
    st.tuples(token, token), st.dictionaries(token, token, max_size=2),
)


def _insert(items: list, item: object, position: int) -> list:
    """A copy of `items` with `item` at `position` (clamped to the end)."""
    position = min(position, len(items))
    return items[:position] + [item] + items[position:]


def _with_token(sentences: Corpus, item: object, where: tuple[int, int]) -> list:
    """A copy of `sentences` with `item` inserted as a token at (row, column)."""
    rows = [list(s) for s in sentences] or [[]]
    row = min(where[0], len(rows) - 1)
    rows[row] = _insert(rows[row], item, where[1])
    return rows


@category("type errors")
@given(sentences=st.one_of(not_a_list, st.tuples(sentence, sentence)))
def test_sentences_not_a_list_raises_type_error(solution, sentences):
    model = solution.TrigramModel()
    with expect_raises(TypeError):
        model.fit(sentences)


@category("type errors")
@given(sentences=corpus, bad=not_a_list, position=st.integers(0, 6))
def test_sentence_not_a_list_raises_type_error(solution, sentences, bad, position):
    model = solution.TrigramModel()
    with expect_raises(TypeError):
        model.fit(_insert(sentences, bad, position))


@category("type errors")
@given(sentences=corpus, bad=not_a_str, where=st.tuples(st.integers(0, 6), st.integers(0, 6)))
def test_token_not_a_str_raises_type_error(solution, sentences, bad, where):
    sentences = _with_token(sentences, bad, where)
    model = solution.TrigramModel()
    with expect_raises(TypeError):
        model.fit(sentences)


@category("empty token")
@given(sentences=corpus, where=st.tuples(st.integers(0, 6), st.integers(0, 6)))
def test_empty_string_token_raises_value_error(solution, sentences, where):
    sentences = _with_token(sentences, "", where)
    model = solution.TrigramModel()
    with expect_raises(ValueError):
        model.fit(sentences)


@category("empty token")
@given(bad=not_a_str, order=st.booleans())
def test_empty_token_and_wrong_type_together_raise_either(solution, bad, order):
    # Two rules broken at once: the contract accepts the exception of either.
    tokens = ["a", "", bad] if order else ["a", bad, ""]
    model = solution.TrigramModel()
    with expect_raises(TypeError, ValueError):
        model.fit([tokens])


# ------------------------------------------------------------ large inputs
# A plain test (no Hypothesis): big fits, then many cheap predictions.

def _random_corpus(seed: int, tokens: int, vocabulary: int, skewed: bool) -> Corpus:
    """About `tokens` tokens drawn from `vocabulary` words, in sentences of 1 to 25."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    # Zipf-like weights make counts differ, so most answers are decided by
    # counts rather than by the tie rule.
    weights = [1 / (rank + 1) for rank in range(vocabulary)] if skewed else None
    sentences: Corpus = []
    total = 0
    while total < tokens:
        length = rng.randint(1, 25)
        sentences.append(rng.choices(words, weights, k=length))
        total += length
    return sentences


def _mixed_queries(seed: int, sentences: Corpus, count: int) -> list[Query]:
    """Queries hitting the trigram, bigram and unigram levels in about equal shares."""
    rng = random.Random(seed)
    pairs = _trigram_contexts(sentences)
    leaders = _bigram_contexts(sentences)
    queries = []
    for i in range(count):
        if i % 3 == 0:
            queries.append(rng.choice(pairs))
        elif i % 3 == 1:
            queries.append((UNSEEN, rng.choice(leaders)))
        else:
            queries.append((rng.choice(leaders), UNSEEN))
    return queries


@kept
def _large_case(reference, corpus: tuple[int, int, int, bool], query_seed: int, count: int) -> tuple:
    """A corpus of _random_corpus(*corpus), `count` mixed queries on it and the reference's
    answers: the same at every run (0.3 CPU s a run to build and fit them all)."""
    sentences = _random_corpus(*corpus)
    queries = _mixed_queries(query_seed, sentences, count)
    oracle = reference.TrigramModel().fit(sentences)
    return sentences, queries, [oracle.predict_next(w1, w2) for w1, w2 in queries]


@category("large inputs")
def test_large_corpus_and_large_vocabulary(solution, reference):
    # Both models are made before any heavy call: if the first fit breaks a
    # limit, the case ends there (later calls fail at once), and no instance
    # has to be created on the replacement worker.
    deep = solution.TrigramModel()
    wide = solution.TrigramModel()
    # 100k tokens over 20 words (seed 7): a counting fit uses a small share of
    # the per-call limit, a quadratic one needs many times the limit.
    sentences, queries, answers = _large_case(reference, (7, 100_000, 20, True), 11, 150)
    deep.fit(sentences)
    _expect_answers(deep, queries, answers)
    # ~9k distinct tokens: fine for count tables, far too many for anything
    # sized vocabulary squared (~8 * 10^7 cells).
    sentences, queries, answers = _large_case(reference, (5, 25_000, 10_000, False), 13, 30)
    wide.fit(sentences)
    _expect_answers(wide, queries, answers)


# predict_next must not depend on the corpus size: after one fit on a large
# corpus, many predictions share one CPU budget. Counting solutions answer 300
# queries in a few hundredths of a second; one that rescans the 100k-token
# corpus on every query needs 0.01-0.03 s per query, 3-9 s in all.
PREDICTION_QUERIES = 300
PREDICTION_BUDGET_S = 1.5


@category("prediction cost")
def test_predictions_do_not_rescan_the_corpus(solution, reference):
    model = solution.TrigramModel()
    sentences, queries, answers = _large_case(reference, (17, 100_000, 20, True), 19, PREDICTION_QUERIES)
    model.fit(sentences)
    with cpu_budget(solution, PREDICTION_BUDGET_S):
        _expect_answers(model, queries, answers)
