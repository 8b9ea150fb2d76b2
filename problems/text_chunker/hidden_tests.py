"""Hidden tests for text_chunker.

Every answer is first checked against the rules one by one, so that a failure says which rule
broke (a chunk over max_tokens, an overlap that is not the previous chunk's tail, a token lost or
repeated, a chunk that is not its tokens joined by single spaces), and then against an oracle
written here: it finds sentences with a regular expression on the raw text (a different route
from the reference's token test) and packs them with a queue of sentences.
"""

from __future__ import annotations

import random
import re
from collections import deque

from hypothesis import given, strategies as st

from judge.testing import category, expect, expect_equal, expect_raises, fail, kept

PLAIN = ["a", "b", "c", "d", "e"]
ENDERS = ["a.", "b!", "c?", "d?!", "e..."]
# End in something other than '.', '!' or '?': never a sentence end.
INNER = ["3.14", "e.g", "Hi!)", '"Stop."', "...x", "U.S.A", "why?'"]
GAPS = [" ", " ", " ", "  ", "\n", "\t", "\n\n", " \r\n", "\u3000"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# --- oracle -----------------------------------------------------------------------


def oracle_chunks(text: str, max_tokens: int, overlap: int) -> list[list[str]]:
    pieces = [piece.split() for piece in SENTENCE_END.split(text.strip())] if text.strip() else []
    queue = deque(piece for piece in pieces if piece)
    chunks: list[list[str]] = []
    while queue:
        chunk = list(chunks[-1][-overlap:]) if chunks and overlap else []
        added = 0
        while queue:
            sentence = queue[0]
            room = max_tokens - len(chunk)
            if len(sentence) <= room:
                chunk += queue.popleft()
                added += len(sentence)
            elif added == 0:
                chunk += sentence[:room]
                queue[0] = sentence[room:]
                break
            else:
                break
        chunks.append(chunk)
    return chunks


# --- checks -----------------------------------------------------------------------


def _as_chunks(result: object) -> list[list[str]]:
    expect(isinstance(result, list), "chunk_text must return a list of str chunks", actual=type(result).__name__)
    chunks = []
    for index, chunk in enumerate(result):
        expect(isinstance(chunk, str), f"chunk {index} must be a str", actual=chunk)
        tokens = chunk.split()
        if chunk != " ".join(tokens):
            fail(f"chunk {index} must be its tokens joined by single spaces (no other whitespace, "
                 "none at either end)", expected=" ".join(tokens), actual=chunk)
        chunks.append(tokens)
    return chunks


def _show(tokens: list[str]) -> str:
    joined = " ".join(tokens)
    return joined if len(joined) <= 120 else f"{joined[:60]} ... {joined[-40:]} ({len(tokens)} tokens)"


def check(solution, text: str, max_tokens: int, overlap: int, expected: list[list[str]] | None = None) -> None:
    chunks = _as_chunks(solution.chunk_text(text, max_tokens, overlap))
    tokens = text.split()
    if not tokens:
        expect_equal(chunks, [], "a text without tokens gives no chunks")
        return
    new_tokens: list[str] = []
    for index, chunk in enumerate(chunks):
        if not 1 <= len(chunk) <= max_tokens:
            fail(f"chunk {index} has {len(chunk)} tokens; every chunk has 1 to max_tokens = {max_tokens}",
                 actual=_show(chunk))
        prefix = min(overlap, len(chunks[index - 1])) if index else 0
        if index and chunk[:prefix] != chunks[index - 1][len(chunks[index - 1]) - prefix:]:
            fail(f"chunk {index} must start with the last {prefix} tokens of chunk {index - 1}",
                 expected=_show(chunks[index - 1][len(chunks[index - 1]) - prefix:]), actual=_show(chunk[:prefix]))
        if len(chunk) == prefix:
            fail(f"chunk {index} holds only the overlap: every chunk must add at least one new token",
                 actual=_show(chunk))
        new_tokens += chunk[prefix:]
    if new_tokens != tokens:
        at = next((i for i, (a, b) in enumerate(zip(new_tokens, tokens)) if a != b), min(len(new_tokens), len(tokens)))
        fail(f"the chunks without their overlaps must give the text's tokens back; they differ at token {at}",
             expected=_show(tokens[at:at + 8]), actual=_show(new_tokens[at:at + 8]))
    if expected is None:
        expected = oracle_chunks(text, max_tokens, overlap)
    for index, (got, want) in enumerate(zip(chunks, expected)):
        if got != want:
            fail(f"chunk {index} (counting from 0) differs: whole sentences go in while they fit, and a "
                 "sentence is cut only when it does not fit in a chunk that has no new token yet",
                 expected=_show(want), actual=_show(got))
    expect_equal(len(chunks), len(expected), "number of chunks")


# --- strategies -------------------------------------------------------------------


@st.composite
def texts(draw: st.DrawFn, vocabulary: list[str] | None = None, max_tokens: int = 24) -> str:
    vocabulary = vocabulary or PLAIN + ENDERS
    tokens = draw(st.lists(st.sampled_from(vocabulary), max_size=max_tokens))
    gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(tokens) + 1, max_size=len(tokens) + 1))
    return gaps[0] * draw(st.booleans()) + "".join(t + g for t, g in zip(tokens, gaps[1:]))


@st.composite
def sizes(draw: st.DrawFn, largest: int = 8) -> tuple[int, int]:
    max_tokens = draw(st.integers(min_value=1, max_value=largest))
    return max_tokens, draw(st.integers(min_value=0, max_value=max_tokens - 1))


def sentence(length: int, word: str = "w", end: str = ".") -> str:
    return " ".join([word] * (length - 1) + [word + end])


# --- worked example ---------------------------------------------------------------

EXAMPLE = "The cat sat. It was warm! Did it move? No. A very long sentence that goes on and on without stopping at all."


@category("examples")
def test_spec_example(solution):
    check(solution, EXAMPLE, 6, 2, [c.split() for c in [
        "The cat sat. It was warm!", "was warm! Did it move? No.", "move? No. A very long sentence",
        "long sentence that goes on and", "on and on without stopping at", "stopping at all."]])


# --- packing sentences --------------------------------------------------------------


@category("packing whole sentences")
@given(text=texts(), size=sizes())
def test_short_tokens_and_sentences(solution, text, size):
    check(solution, text, *size)


@category("packing whole sentences")
@given(lengths=st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=8), size=sizes(10))
def test_sentences_of_given_lengths(solution, lengths, size):
    text = " ".join(sentence(n, word=chr(ord("a") + i % 26)) for i, n in enumerate(lengths))
    check(solution, text, *size)


@category("packing whole sentences")
def test_sentence_that_exactly_fills_the_room(solution):
    # Room after the 2-token overlap is 3: "b b b." fits exactly; "c c c c." does not, and the chunk
    # after has no room for it either: it is cut.
    text = "a a a a a. b b b. c c c c."
    check(solution, text, 5, 2, [["a", "a", "a", "a", "a."], ["a", "a.", "b", "b", "b."],
                                 ["b", "b.", "c", "c", "c"], ["c", "c", "c."]])


@category("packing whole sentences")
def test_a_sentence_that_does_not_fit_starts_the_next_chunk(solution):
    check(solution, "a. b b b b.", 4, 0, [["a."], ["b", "b", "b", "b."]])
    check(solution, "a a. b b b. c.", 4, 1, [["a", "a."], ["a.", "b", "b", "b."], ["b.", "c."]])


@category("whole text in one chunk")
@given(text=texts(max_tokens=6).filter(lambda t: t.split()), extra=st.integers(min_value=0, max_value=3))
def test_text_that_fits_is_one_chunk(solution, text, extra):
    max_tokens = len(text.split()) + extra
    check(solution, text, max_tokens, max_tokens - 1, [text.split()])


# --- long sentences -------------------------------------------------------------------


@category("sentences longer than a chunk")
@given(before=st.integers(min_value=0, max_value=3), long=st.integers(min_value=5, max_value=20),
       after=st.integers(min_value=0, max_value=3), size=sizes(5))
def test_long_sentence_first_middle_last_or_only(solution, before, long, after, size):
    parts = [sentence(before, "a")] if before else []
    parts.append(sentence(long, "b"))
    parts += [sentence(after, "c")] if after else []
    check(solution, " ".join(parts), *size)


@category("sentences longer than a chunk")
def test_long_sentence_is_cut_at_word_boundaries(solution):
    check(solution, "s1 s2 s3 s4 s5 s6 s7 s8.", 3, 1,
          [["s1", "s2", "s3"], ["s3", "s4", "s5"], ["s5", "s6", "s7"], ["s7", "s8."]])


@category("sentences longer than a chunk")
def test_a_long_sentence_does_not_fill_a_chunk_that_has_sentences(solution):
    # "x." is in the chunk: the long sentence starts the next chunk instead of filling the room.
    check(solution, "x. y1 y2 y3 y4 y5 y6.", 4, 0, [["x."], ["y1", "y2", "y3", "y4"], ["y5", "y6."]])


@category("sentences longer than a chunk")
def test_text_without_sentence_ends(solution):
    check(solution, "a b c d e f g", 3, 1, [["a", "b", "c"], ["c", "d", "e"], ["e", "f", "g"]])
    check(solution, "a b c d e f g", 3, 0, [["a", "b", "c"], ["d", "e", "f"], ["g"]])


# --- overlap --------------------------------------------------------------------------


@category("overlap")
@given(text=texts(max_tokens=30), max_tokens=st.integers(min_value=1, max_value=6))
def test_overlap_zero(solution, text, max_tokens):
    check(solution, text, max_tokens, 0)


@category("overlap")
@given(text=texts(max_tokens=16), max_tokens=st.integers(min_value=1, max_value=6))
def test_overlap_max_tokens_minus_one(solution, text, max_tokens):
    # Each chunk adds exactly one new token after the first.
    check(solution, text, max_tokens, max_tokens - 1)


@category("overlap")
def test_overlap_longer_than_the_previous_chunk(solution):
    # The first chunk holds 1 token; the second starts with all of it, not with 3 tokens.
    check(solution, "A. b c d e f g h", 4, 3,
          [["A."], ["A.", "b", "c", "d"], ["b", "c", "d", "e"], ["c", "d", "e", "f"],
           ["d", "e", "f", "g"], ["e", "f", "g", "h"]])


@category("overlap")
def test_no_chunk_of_only_overlap_at_the_end(solution):
    check(solution, "a b c d e f", 4, 2, [["a", "b", "c", "d"], ["c", "d", "e", "f"]])
    check(solution, "a b c d e", 3, 1, [["a", "b", "c"], ["c", "d", "e"]])


# --- sentence ends --------------------------------------------------------------------------


@category("where a sentence ends")
@given(text=texts(PLAIN + ENDERS + INNER), size=sizes(6))
def test_punctuation_inside_tokens(solution, text, size):
    check(solution, text, *size)


@category("where a sentence ends")
def test_only_a_final_mark_ends_a_sentence(solution):
    # "3.14", "e.g", "Hi!)" and '"Stop."' do not end sentences; "Why?!" and "so..." do.
    check(solution, 'Pi is 3.14 e.g Hi!) "Stop." Why?! Yes so... ok.', 7, 0,
          [["Pi", "is", "3.14", "e.g", "Hi!)", '"Stop."', "Why?!"], ["Yes", "so...", "ok."]])


@category("where a sentence ends")
def test_question_and_exclamation_marks_end_sentences(solution):
    check(solution, "a b? c d! e f.", 3, 0, [["a", "b?"], ["c", "d!"], ["e", "f."]])


@category("where a sentence ends")
def test_newlines_do_not_end_sentences(solution):
    check(solution, "a b\nc d\n\ne f.", 4, 0, [["a", "b", "c", "d"], ["e", "f."]])


# --- whitespace and empty text -------------------------------------------------------------


@category("whitespace")
@given(text=texts(max_tokens=12), size=sizes(5))
def test_any_whitespace_separates_tokens(solution, text, size):
    check(solution, text.replace(" ", "\t\u00a0"), *size)


@category("empty text")
@given(text=st.lists(st.sampled_from(GAPS), max_size=4).map("".join), size=sizes(5))
def test_blank_text_gives_no_chunks(solution, text, size):
    expect_equal(_as_chunks(solution.chunk_text(text, *size)), [])


@category("one token")
@given(token=st.sampled_from(PLAIN + ENDERS + INNER), size=sizes(4))
def test_single_token(solution, token, size):
    check(solution, f" {token}\n", *size, [[token]])


# --- errors ------------------------------------------------------------------------------------


BAD_TEXTS = st.one_of(st.none(), st.integers(), st.binary(max_size=4), st.lists(st.sampled_from(PLAIN), max_size=3))
NOT_INTS = st.one_of(st.booleans(), st.none(), st.floats(min_value=1, max_value=9, allow_nan=False),
                     st.text(alphabet="123", min_size=1, max_size=2))


@category("bad input")
@given(text=BAD_TEXTS, size=sizes(5))
def test_text_not_a_str(solution, text, size):
    with expect_raises(TypeError):
        solution.chunk_text(text, *size)


@category("bad input")
@given(text=texts(max_tokens=6), bad=NOT_INTS, overlap=st.integers(min_value=0, max_value=2))
def test_max_tokens_not_an_int(solution, text, bad, overlap):
    with expect_raises(TypeError):
        solution.chunk_text(text, bad, overlap)


@category("bad input")
@given(text=texts(max_tokens=6), bad=NOT_INTS, max_tokens=st.integers(min_value=3, max_value=9))
def test_overlap_not_an_int(solution, text, bad, max_tokens):
    with expect_raises(TypeError):
        solution.chunk_text(text, max_tokens, bad)


@category("bad input")
@given(text=texts(max_tokens=6), max_tokens=st.integers(min_value=-5, max_value=0))
def test_max_tokens_below_one(solution, text, max_tokens):
    with expect_raises(ValueError):
        solution.chunk_text(text, max_tokens, 0)


@category("bad input")
@given(text=texts(max_tokens=6), max_tokens=st.integers(min_value=1, max_value=6),
       over=st.integers(min_value=0, max_value=4))
def test_overlap_not_below_max_tokens(solution, text, max_tokens, over):
    # overlap == max_tokens is the boundary: a chunk could add no new token.
    with expect_raises(ValueError):
        solution.chunk_text(text, max_tokens, max_tokens + over)


@category("bad input")
@given(text=texts(max_tokens=6), max_tokens=st.integers(min_value=1, max_value=6),
       overlap=st.integers(min_value=-5, max_value=-1))
def test_negative_overlap(solution, text, max_tokens, overlap):
    with expect_raises(ValueError):
        solution.chunk_text(text, max_tokens, overlap)


@category("bad input")
def test_checks_come_before_the_empty_text_shortcut(solution):
    for args in [("", 0, 0), ("", 3, 3), ("", 3, -1), ("  ", 2, 5)]:
        with expect_raises(ValueError):
            solution.chunk_text(*args)
    with expect_raises(TypeError):
        solution.chunk_text("", True, 0)


# --- large inputs --------------------------------------------------------------------------------

LARGE_TOKENS = 300_000


@kept
def _large_text() -> str:
    """300,000 tokens in sentences of 1 to 40 tokens, a few of 200 to 2,000, words of 1 to 8 letters."""
    rng = random.Random(31337)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choices(letters, k=rng.randint(1, 8))) for _ in range(5000)]
    tokens: list[str] = []
    while len(tokens) < LARGE_TOKENS:
        length = rng.randint(200, 2000) if rng.random() < 0.01 else rng.randint(1, 40)
        sentence_tokens = rng.choices(words, k=length)
        sentence_tokens[-1] += rng.choice(".!?")
        tokens += sentence_tokens
    return " ".join(tokens[:LARGE_TOKENS])


@kept
def _large_expected(max_tokens: int, overlap: int) -> list[list[str]]:
    return oracle_chunks(_large_text(), max_tokens, overlap)


@category("large inputs")
def test_large_text_small_chunks(solution):
    # ~18,000 chunks: slicing the remaining tokens off the front for every chunk copies 3 * 10**9 items.
    check(solution, _large_text(), 24, 8, _large_expected(24, 8))


@category("large inputs")
def test_large_text_large_chunks(solution):
    # Chunks of up to 50,000 tokens: recounting the tokens of the growing chunk after every sentence
    # (len(" ".join(chunk).split())) is 10**9 token visits.
    check(solution, _large_text(), 50_000, 5_000, _large_expected(50_000, 5_000))
