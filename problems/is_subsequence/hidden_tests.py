"""Hidden tests for is_subsequence (the contract: spec.md)."""

from hypothesis import given, settings, strategies as st

from judge.testing import WrongAnswer, category, expect_equal, expect_raises, fail

# Small alphabets make subsequences likely, so both answers are exercised.
small_text = st.text(alphabet="abc", max_size=12)
any_text = st.text(max_size=30)
MILLION = 1_000_000


@st.composite
def subsequence_pairs(draw):
    """A string t and a subsequence s of it (so the answer is True)."""
    t = draw(st.text(alphabet="abcd", max_size=20))
    keep = draw(st.lists(st.booleans(), min_size=len(t), max_size=len(t)))
    return "".join(c for c, k in zip(t, keep) if k), t


@category("basics")
@given(pair=subsequence_pairs())
def test_true_subsequences_are_found(solution, reference, pair):
    s, t = pair
    expect_equal(solution.is_subsequence(s, t), True)


@category("basics")
@given(s=small_text, t=small_text)
def test_matches_reference_on_small_alphabet(solution, reference, s, t):
    expect_equal(solution.is_subsequence(s, t), reference.is_subsequence(s, t))


@category("order matters")
@given(s=st.text(alphabet="ab", min_size=2, max_size=6), t=st.text(alphabet="ab", max_size=8))
def test_order_is_respected(solution, reference, s, t):
    expect_equal(solution.is_subsequence(s, t), reference.is_subsequence(s, t))


@category("repeated characters")
@given(char=st.sampled_from("ab"), k=st.integers(1, 6), m=st.integers(0, 6))
def test_each_character_is_used_once(solution, reference, char, k, m):
    s, t = char * k, char * m + "x"
    expect_equal(solution.is_subsequence(s, t), reference.is_subsequence(s, t))


@category("empty strings")
@given(t=any_text)
def test_empty_s_is_subsequence_of_everything(solution, t):
    expect_equal(solution.is_subsequence("", t), True)


@category("empty strings")
@given(s=st.text(min_size=1, max_size=10))
def test_nothing_but_empty_is_subsequence_of_empty(solution, s):
    expect_equal(solution.is_subsequence(s, ""), False)


@category("longer s")
@given(t=small_text, extra=st.text(alphabet="abc", min_size=1, max_size=3))
def test_s_longer_than_t_is_not_a_subsequence(solution, t, extra):
    expect_equal(solution.is_subsequence(t + extra, t), False)


@category("case and unicode")
@given(s=st.text(alphabet="aAßẞéé🙂", max_size=6), t=st.text(alphabet="aAßẞéé🙂", max_size=10))
def test_case_sensitive_code_points(solution, reference, s, t):
    expect_equal(solution.is_subsequence(s, t), reference.is_subsequence(s, t))


@category("case and unicode")
def test_no_case_folding_or_normalisation(solution):
    expect_equal(solution.is_subsequence("A", "a"), False)
    expect_equal(solution.is_subsequence("é", "e\u0301"), False)  # precomposed vs combining
    expect_equal(solution.is_subsequence("ss", "ß"), False)


# Bad arguments of every length, made of the same characters as the strings they meet: a list of characters that
# holds s, bytes as long as t, an empty list. The other argument is any short string, "" included, so a shortcut
# taken before the type check (`s in t`, `len(s) > len(t)`, `t == ""`) meets a bad argument it lets through.
bad_arguments = st.one_of(
    st.none(), st.integers(), st.floats(allow_nan=False), st.binary(max_size=5),
    st.lists(st.sampled_from("abc"), max_size=5), st.lists(st.sampled_from("abc"), max_size=5).map(tuple),
    st.sets(st.sampled_from("abc")), st.dictionaries(st.sampled_from("abc"), st.integers(0, 1), max_size=3),
)
other_strings = st.text(alphabet="abc", max_size=5)


def _expect_type_error(solution, s, t) -> None:
    bad = " and ".join(f"{name} is a {type(value).__name__}" for name, value in (("s", s), ("t", t))
                       if not isinstance(value, str))
    try:
        with expect_raises(TypeError):
            solution.is_subsequence(s, t)
    except WrongAnswer as wrong:
        fail(f"{bad}, not a str: the call must raise TypeError, before any shortcut; {wrong}")


@category("type errors")
@given(bad=bad_arguments, t=other_strings)
def test_non_str_s_raises_type_error(solution, bad, t):
    _expect_type_error(solution, bad, t)


@category("type errors")
@given(s=other_strings, bad=bad_arguments)
def test_non_str_t_raises_type_error(solution, s, bad):
    _expect_type_error(solution, s, bad)


@category("type errors")
@settings(max_examples=40)
@given(s=st.text(alphabet="abc", max_size=3), as_type=st.sampled_from([list, tuple, set, dict.fromkeys]),
       s_is_bad=st.booleans())
def test_characters_in_a_container_raise_type_error(solution, s, as_type, s_is_bad):
    # The container holds the other string itself, or its characters: `in`, `==` and iteration all work on it.
    for wrapped in (as_type([s]), as_type(s)):
        _expect_type_error(solution, *((wrapped, s) if s_is_bad else (s, wrapped)))


@category("type errors")
@settings(max_examples=40)
@given(s=bad_arguments, t=bad_arguments)
def test_both_arguments_bad_raise_type_error(solution, s, t):
    _expect_type_error(solution, s, t)


@category("type errors")
def test_non_str_with_empty_other_raises(solution):
    for bad in (None, b"", [], (), 0):
        _expect_type_error(solution, "", bad)
        _expect_type_error(solution, bad, "")


@category("a million characters")
def test_long_t_with_s_at_the_far_end(solution):
    t = "a" * MILLION + "bc"
    expect_equal(solution.is_subsequence("abc", t), True)
    expect_equal(solution.is_subsequence("acb", t), False)


@category("a million characters")
def test_long_s_and_long_t(solution):
    s = "ab" * (MILLION // 2)
    expect_equal(solution.is_subsequence(s, "x" + s + "y"), True)
    expect_equal(solution.is_subsequence(s + "a", s), False)
