"""Hidden tests for bpe_tokenizer.

train_bpe is checked against an oracle written here (it keeps every word occurrence as a tuple of
symbols and recounts all pairs each step, sharing no code with the reference); on a mismatch the
message names the first merge that differs and the counts of both pairs at that step. encode is
checked against a second oracle that applies the merges one after another in list order, which
gives the same tokens as merging by rank for every merges list these tests use (lists train_bpe
returns, their prefixes, and the chain lists of the large tests), and against the rule that the
tokens of each word join back to the word followed by `</w>`.
"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, strategies as st

from judge.testing import call_and_arguments, category, expect, expect_equal, expect_raises, fail, kept

END = "</w>"
WHITESPACE = [" ", " ", "  ", "\t", "\n", " \r\n ", "\u3000", "\xa0", "\x0c"]

# --- strategies -----------------------------------------------------------------

def words_from(alphabet: str, max_len: int = 5) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=max_len)


@st.composite
def corpora(draw: st.DrawFn, alphabet: str = "ab", max_words: int = 10, max_len: int = 5) -> str:
    """Words of a small alphabet joined by assorted whitespace, maybe with some at both ends."""
    words = draw(st.lists(words_from(alphabet, max_len), max_size=max_words))
    gaps = draw(st.lists(st.sampled_from(WHITESPACE), min_size=len(words) + 1, max_size=len(words) + 1))
    ends = draw(st.booleans())
    body = "".join(word + gap for word, gap in zip(words, gaps[1:]))
    return (gaps[0] + body) if ends else body.rstrip()


merge_counts = st.integers(min_value=0, max_value=12)

# --- oracles --------------------------------------------------------------------


def _merge_all(symbols: tuple, left: str, right: str) -> tuple:
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def _pair_counts(occurrences: list[tuple]) -> Counter:
    counts: Counter = Counter()
    for symbols in occurrences:
        for i in range(len(symbols) - 1):
            counts[symbols[i], symbols[i + 1]] += 1
    return counts


def _oracle_steps(corpus: str, num_merges: int) -> list[tuple[tuple[str, str], Counter]]:
    """The merges the contract asks for, each with the pair counts of its step."""
    occurrences = [tuple(word) + (END,) for word in corpus.split()]
    steps = []
    while len(steps) < num_merges:
        counts = _pair_counts(occurrences)
        if not counts or max(counts.values()) < 2:
            break
        top = max(counts.values())
        best = sorted(pair for pair, count in counts.items() if count == top)[0]
        steps.append((best, counts))
        occurrences = [_merge_all(symbols, *best) for symbols in occurrences]
    return steps


def oracle_train(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    return [pair for pair, _ in _oracle_steps(corpus, num_merges)]


def oracle_encode(text: str, merges: list) -> list[str]:
    """Merges applied one after another in list order (the same as by rank for trained lists)."""
    tokens: list[str] = []
    for word in text.split():
        symbols = tuple(word) + (END,)
        for left, right in merges:
            symbols = _merge_all(symbols, left, right)
        tokens.extend(symbols)
    return tokens


# --- checks ---------------------------------------------------------------------


def _as_merges(result: object) -> list[tuple[str, str]]:
    expect(isinstance(result, list), "train_bpe must return a list of (left, right) pairs",
           actual=type(result).__name__)
    pairs = []
    for index, item in enumerate(result):
        expect(isinstance(item, (tuple, list)) and len(item) == 2
               and isinstance(item[0], str) and isinstance(item[1], str),
               f"merge {index} must be a pair of two str (a tuple or a two-element list)", actual=item)
        pairs.append((item[0], item[1]))
    return pairs


def check_train(solution, corpus: str, num_merges: int) -> list[tuple[str, str]]:
    actual = _as_merges(solution.train_bpe(corpus, num_merges))
    steps = _oracle_steps(corpus, num_merges)
    expected = [pair for pair, _ in steps]
    for index, (got, (want, counts)) in enumerate(zip(actual, steps)):
        if got != want:
            fail(f"merge {index} (counting from 0): {want!r} occurs {counts[want]} times at that step and "
                 f"is the smallest of the most frequent pairs; {got!r} occurs {counts.get(got, 0)} times",
                 expected=want, actual=got)
    if len(actual) > len(expected):
        why = (f"num_merges is {num_merges}" if len(expected) == num_merges
               else "after the last of them no pair occurs twice, so training stops")
        fail(f"expected {len(expected)} merges ({why}), got {len(actual)}; merge {len(expected)} is extra",
             expected=expected, actual=actual)
    if len(actual) < len(expected):
        want, counts = steps[len(actual)]
        fail(f"training stopped after {len(actual)} merges, but {want!r} still occurs {counts[want]} times "
             f"and num_merges is {num_merges}", expected=expected, actual=actual)
    return actual


def _as_tokens(result: object) -> list[str]:
    expect(isinstance(result, list), "encode must return a list of str tokens", actual=type(result).__name__)
    for index, token in enumerate(result):
        expect(isinstance(token, str), f"token {index} must be a str", actual=token)
    return result


def check_encode(solution, text: str, merges: list, expected: list[str] | None = None) -> None:
    if expected is None:
        expected = oracle_encode(text, merges)
    actual = _as_tokens(solution.encode(text, merges))
    joined, want_joined = "".join(actual), "".join(word + END for word in text.split())
    if joined != want_joined:
        fail("the tokens joined must give the words of the text, each followed by </w>",
             expected=want_joined if len(want_joined) < 200 else len(want_joined),
             actual=joined if len(joined) < 200 else len(joined))
    for index, (got, want) in enumerate(zip(actual, expected)):
        if got != want:
            fail(f"token {index} (counting from 0) differs", expected=want, actual=got)
    expect_equal(len(actual), len(expected), "number of tokens")


# --- worked example ---------------------------------------------------------------

EXAMPLE = "low " * 5 + "lower " * 2 + "newest " * 6 + "widest " * 3
EXAMPLE_MERGES = [("e", "s"), ("es", "t"), ("est", "</w>"), ("l", "o"), ("lo", "w"), ("e", "w"),
                  ("ew", "est</w>"), ("n", "ewest</w>"), ("low", "</w>"), ("d", "est</w>")]


@category("examples")
def test_spec_example_training(solution):
    expect_equal(_as_merges(solution.train_bpe(EXAMPLE, 10)), EXAMPLE_MERGES)


@category("examples")
def test_spec_example_encoding(solution):
    check_encode(solution, "lowest newer wider", EXAMPLE_MERGES,
                 ["low", "est</w>", "n", "ew", "e", "r", "</w>", "w", "i", "d", "e", "r", "</w>"])


# --- training ---------------------------------------------------------------------


@category("training")
@given(corpus=corpora(), num_merges=merge_counts)
def test_train_two_letters(solution, corpus, num_merges):
    check_train(solution, corpus, num_merges)


@category("training")
@given(corpus=corpora("abcd", max_words=14, max_len=6), num_merges=merge_counts)
def test_train_four_letters(solution, corpus, num_merges):
    check_train(solution, corpus, num_merges)


@category("training")
@given(corpus=corpora("aé中<>/w", max_words=10), num_merges=merge_counts)
def test_train_any_characters(solution, corpus, num_merges):
    # Non-ASCII letters, and '<', '/', '>' and 'w', which spell the end marker's characters.
    check_train(solution, corpus, num_merges)


# --- ties -------------------------------------------------------------------------


@category("ties")
@given(words=st.lists(st.sampled_from(["ab", "ba", "ca", "ac", "bc", "cb", "abc", "cab", "bca"]),
                      min_size=1, max_size=8).map(lambda ws: ws + ws),
       num_merges=merge_counts)
def test_ties_go_to_the_smallest_pair(solution, words, num_merges):
    # Each word twice: many pairs tie at every step, and in any order of first appearance.
    check_train(solution, " ".join(words), num_merges)


@category("ties")
def test_tie_is_decided_by_the_pair_not_the_joined_string(solution):
    # Step 2: ('a', 'c'), ('aa', 'a') and ('c', '</w>') occur twice each. As pairs, ('a', 'c') is the
    # smallest ("a" < "aa"); as joined strings, "aac" < "ac" would pick ('aa', 'a').
    expect_equal(check_train(solution, "aaac aaac", 4),
                 [("a", "a"), ("a", "c"), ("aa", "ac"), ("aaac", "</w>")])


@category("ties")
def test_tie_with_the_end_marker(solution):
    # '<' sorts before letters: ('a', '</w>') beats ('a', 'b') at equal counts.
    expect_equal(check_train(solution, "ba ab ba ab", 1), [("a", "</w>")])
    check_train(solution, "ba ab ba ab", 4)


@category("ties")
def test_tie_first_seen_is_not_the_rule(solution):
    # The pair seen first in the corpus, ('y', 'x'), ties with the smaller ('x', 'y').
    check_train(solution, "yx yx xy xy", 1)
    check_train(solution, "yx xy yx xy", 3)


# --- counting ---------------------------------------------------------------------


@category("counts weighted by word frequency")
def test_frequent_word_outweighs_many_words(solution):
    # ('a', 'b') occurs 4 times, all in one distinct word; ('z', '</w>') in two distinct words.
    expect_equal(check_train(solution, "ab ab ab ab pz qz", 1), [("a", "b")])
    check_train(solution, "ab ab ab ab pz qz rz", 5)


@category("counts weighted by word frequency")
@given(words=st.lists(st.sampled_from(["ab", "ba", "abb", "bba", "aab"]), min_size=1, max_size=6),
       repeats=st.lists(st.integers(min_value=1, max_value=5), min_size=6, max_size=6),
       num_merges=merge_counts)
def test_repeated_words(solution, words, repeats, num_merges):
    corpus = " ".join(word for word, times in zip(words, repeats) for _ in range(times))
    check_train(solution, corpus, num_merges)


@category("overlapping pairs")
def test_overlapping_pairs_count_at_every_position(solution):
    # "aaa" holds ('a', 'a') at two positions: it occurs twice and is merged once, left to right.
    expect_equal(check_train(solution, "aaa", 5), [("a", "a")])
    expect_equal(check_train(solution, "aaaa", 5), [("a", "a")])
    check_train(solution, "aaaaa aaa", 6)
    check_encode(solution, "aaa aaaa aaaaa", [("a", "a")], ["aa", "a", "</w>", "aa", "aa", "</w>", "aa", "aa", "a", "</w>"])


# --- stopping ---------------------------------------------------------------------


@category("stopping")
def test_stops_when_no_pair_occurs_twice(solution):
    expect_equal(check_train(solution, "abc def", 5), [])
    expect_equal(check_train(solution, "ab", 3), [])


@category("stopping")
def test_a_pair_occurring_exactly_twice_is_merged(solution):
    expect_equal(check_train(solution, "ab ab", 5), [("a", "b"), ("ab", "</w>")])
    expect_equal(check_train(solution, "xy\nxy", 1), [("x", "y")])


@category("stopping")
def test_stops_when_every_word_is_one_token(solution):
    # After ('a', '</w>') every word is a single token and there is no pair left to count.
    expect_equal(check_train(solution, "a a", 3), [("a", "</w>")])
    expect_equal(check_train(solution, "ab ab b b", 10), [("b", "</w>"), ("a", "b</w>")])


@category("stopping")
@given(corpus=corpora("ab", max_words=6, max_len=4), num_merges=st.integers(min_value=20, max_value=40))
def test_more_merges_asked_than_possible(solution, corpus, num_merges):
    check_train(solution, corpus, num_merges)


@category("num_merges = 0 and empty corpus")
@given(corpus=corpora("abc"))
def test_zero_merges(solution, corpus):
    expect_equal(_as_merges(solution.train_bpe(corpus, 0)), [])


@category("num_merges = 0 and empty corpus")
@given(corpus=st.lists(st.sampled_from(WHITESPACE), max_size=4).map("".join), num_merges=merge_counts)
def test_empty_or_blank_corpus(solution, corpus, num_merges):
    expect_equal(_as_merges(solution.train_bpe(corpus, num_merges)), [])


# --- whitespace -------------------------------------------------------------------


@category("whitespace")
def test_words_split_on_any_whitespace(solution):
    corpus = "  ab\tab\n\nab\r\nab\u3000ab\xa0ab  "
    expect_equal(check_train(solution, corpus, 3), [("a", "b"), ("ab", "</w>")])
    check_encode(solution, corpus, [("a", "b")], ["ab", "</w>"] * 6)


# --- encoding ---------------------------------------------------------------------


@category("encoding")
@given(corpus=corpora("abc", max_words=12), text=corpora("abcd", max_words=8), num_merges=merge_counts)
def test_encode_with_trained_merges(solution, corpus, text, num_merges):
    check_encode(solution, text, oracle_train(corpus, num_merges))


@category("encoding")
@given(corpus=corpora("abcd", max_words=14, max_len=6), num_merges=merge_counts, data=st.data())
def test_encode_with_a_prefix_of_the_merges(solution, corpus, num_merges, data):
    merges = oracle_train(corpus, num_merges)
    prefix = merges[: data.draw(st.integers(min_value=0, max_value=len(merges)), label="prefix")]
    check_encode(solution, corpus, prefix)


@category("encoding")
def test_encode_applies_merges_by_rank_not_by_position(solution):
    # In "abc", ('b', 'c') has rank 0 and is merged before the leftmost pair ('a', 'b'), after
    # which no pair of ["a", "bc", "</w>"] is a merge.
    merges = [("b", "c"), ("a", "b")]
    check_encode(solution, "abc abd", merges, ["a", "bc", "</w>", "ab", "d", "</w>"])
    merges = [("c", "d"), ("b", "c"), ("a", "b"), ("ab", "cd")]
    check_encode(solution, "abcd bcd", merges, ["abcd", "</w>", "b", "cd", "</w>"])


@category("encoding")
def test_encode_unseen_characters_stay_single(solution):
    check_encode(solution, "lower café lows", EXAMPLE_MERGES,
                 ["low", "e", "r", "</w>", "c", "a", "f", "é", "</w>", "low", "s", "</w>"])


@category("encoding")
@given(text=corpora("abé"))
def test_encode_without_merges(solution, text):
    check_encode(solution, text, [], [symbol for word in text.split() for symbol in [*word, END]])


@category("encoding")
@given(merges=st.lists(st.tuples(words_from("ab", 2), words_from("ab", 2)), max_size=4))
def test_encode_empty_text(solution, merges):
    expect_equal(_as_tokens(solution.encode("", merges)), [])
    expect_equal(_as_tokens(solution.encode(" \n\t ", merges)), [])


@category("encoding")
def test_encode_accepts_lists_and_tuples_of_pairs(solution):
    as_lists = [list(pair) for pair in EXAMPLE_MERGES]
    check_encode(solution, "lowest newest", as_lists)
    check_encode(solution, "lowest newest", tuple(EXAMPLE_MERGES))


@category("round trip")
@given(corpus=corpora("abcé", max_words=12), num_merges=merge_counts)
def test_train_then_encode_the_corpus(solution, corpus, num_merges):
    merges = check_train(solution, corpus, num_merges)
    check_encode(solution, corpus, merges)


# --- arguments left alone -----------------------------------------------------------


@category("arguments not modified")
def test_encode_leaves_merges_alone(solution):
    merges = [list(pair) for pair in EXAMPLE_MERGES]
    after = call_and_arguments(solution, "encode", "lowest newer", merges)
    expect_equal(_as_tokens(after.value), oracle_encode("lowest newer", merges))
    left = after.args[1] if len(after.args) > 1 else None
    expect(left == merges, "encode must leave its merges list as it was", expected=merges, actual=left)


# --- errors -----------------------------------------------------------------------

BAD_TEXTS = st.one_of(st.none(), st.integers(), st.binary(max_size=4),
                      st.lists(st.text(alphabet="ab", max_size=3), max_size=3))


@category("bad input")
@given(corpus=BAD_TEXTS, num_merges=st.integers(min_value=0, max_value=5))
def test_train_non_str_corpus(solution, corpus, num_merges):
    with expect_raises(TypeError):
        solution.train_bpe(corpus, num_merges)


@category("bad input")
@given(corpus=corpora("ab", max_words=4),
       num_merges=st.one_of(st.booleans(), st.floats(allow_nan=False, min_value=0, max_value=9), st.none(),
                            st.text(alphabet="12", min_size=1, max_size=2)))
def test_train_num_merges_not_an_int(solution, corpus, num_merges):
    with expect_raises(TypeError):
        solution.train_bpe(corpus, num_merges)


@category("bad input")
@given(corpus=corpora("ab", max_words=4), num_merges=st.integers(max_value=-1))
def test_train_negative_num_merges(solution, corpus, num_merges):
    with expect_raises(ValueError):
        solution.train_bpe(corpus, num_merges)


@category("bad input")
@given(corpus=BAD_TEXTS, num_merges=st.integers(max_value=-1))
def test_train_both_wrong_raises_either(solution, corpus, num_merges):
    with expect_raises(TypeError, ValueError):
        solution.train_bpe(corpus, num_merges)


@category("bad input")
@given(text=BAD_TEXTS)
def test_encode_non_str_text(solution, text):
    with expect_raises(TypeError):
        solution.encode(text, [("a", "b")])


@category("bad input")
@given(merges=st.one_of(st.none(), st.integers(), st.text(max_size=3),
                        st.dictionaries(st.text(alphabet="ab", max_size=1), st.text(alphabet="ab", max_size=1),
                                        max_size=2)))
def test_encode_merges_not_a_list(solution, merges):
    with expect_raises(TypeError):
        solution.encode("ab ab", merges)


@category("bad input")
@given(bad=st.sampled_from([("a",), ("a", "b", "c"), ("a", 1), (None, "b"), "ab", 7, ("a", b"b")]),
       position=st.sampled_from(["only", "first", "middle", "last"]))
def test_encode_malformed_merge(solution, bad, position):
    good = [("x", "y"), ("xy", "z")]
    merges = {"only": [bad], "first": [bad, *good], "middle": [good[0], bad, good[1]],
              "last": [*good, bad]}[position]
    with expect_raises(TypeError):
        solution.encode("ab xyz", merges)


# --- large inputs -----------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"


@kept
def _large_training_corpus() -> str:
    """100,000 word occurrences of 300 distinct words of 4 to 10 letters over 8 letters."""
    rng = random.Random(4242)
    vocabulary = sorted({"".join(rng.choices(LETTERS[:8], k=rng.randint(4, 10))) for _ in range(300)})
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    return " ".join(rng.choices(vocabulary, weights=weights, k=100_000))


@kept
def _large_training_merges() -> list[tuple[str, str]]:
    counted = Counter(_large_training_corpus().split())
    # The oracle keeps every occurrence, too slow here: train on the distinct words, each repeated
    # by its count in a word list the oracle sees as small (counts are weights, so this is equal).
    return _weighted_oracle(counted, 100)


def _weighted_oracle(counted: Counter, num_merges: int) -> list[tuple[str, str]]:
    words = {tuple(word) + (END,): freq for word, freq in counted.items()}
    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges:
        counts: Counter = Counter()
        for symbols, freq in words.items():
            for i in range(len(symbols) - 1):
                counts[symbols[i], symbols[i + 1]] += freq
        if not counts or max(counts.values()) < 2:
            break
        top = max(counts.values())
        best = sorted(pair for pair, count in counts.items() if count == top)[0]
        merges.append(best)
        merged: dict = {}
        for symbols, freq in words.items():
            key = _merge_all(symbols, *best)
            merged[key] = merged.get(key, 0) + freq
        words = merged
    return merges


@category("large inputs")
def test_large_training_corpus(solution):
    # 100,000 words but 300 distinct ones: recounting every occurrence for each of the 100 merges is
    # ~100 times the work of recounting the distinct words.
    expect_equal(_as_merges(solution.train_bpe(_large_training_corpus(), 100)), _large_training_merges())


def chain_merges(vocabulary: list[str]) -> list[tuple[str, str]]:
    """For each word, the merges that build it left to right and then join `</w>`, first ones kept."""
    merges: dict[tuple[str, str], None] = {}
    for word in vocabulary:
        for i in range(1, len(word)):
            merges[word[:i], word[i]] = None
        merges[word, END] = None
    return list(merges)


@kept
def _large_encoding_case() -> tuple[str, list[tuple[str, str]], list[str]]:
    """30,000 words of text over 4,500 distinct words; about 15,300 merges that build 3,000 of them."""
    rng = random.Random(777)
    vocabulary = sorted({"".join(rng.choices(LETTERS, k=rng.randint(3, 9))) for _ in range(4500)})
    rng.shuffle(vocabulary)
    merges = chain_merges(vocabulary[:3000])
    text = " ".join(rng.choices(vocabulary, k=30_000))
    return text, merges, oracle_encode_fast(text, merges)


def oracle_encode_fast(text: str, merges: list) -> list[str]:
    """oracle_encode with the list-order application done once per distinct word, skipping merges
    whose left part is absent (same result, fewer steps)."""
    by_left: dict[str, list[int]] = {}
    for rank, (left, _) in enumerate(merges):
        by_left.setdefault(left, []).append(rank)
    cache: dict[str, tuple] = {}
    tokens: list[str] = []
    for word in text.split():
        if word not in cache:
            symbols = tuple(word) + (END,)
            rank = 0
            while True:
                candidates = [r for s in set(symbols) for r in by_left.get(s, ()) if r >= rank]
                if not candidates:
                    break
                rank = min(candidates)
                symbols = _merge_all(symbols, *merges[rank])
                rank += 1
            cache[word] = symbols
        tokens.extend(cache[word])
    return tokens


@category("large inputs")
def test_large_text_many_merges(solution):
    # A rank lookup that scans the merges list, or applying all 15,300 merges to every distinct
    # word, does 10**8 steps or more (15 s and up); a dict of ranks does a few hundred thousand.
    text, merges, expected = _large_encoding_case()
    check_encode(solution, text, merges, expected)
