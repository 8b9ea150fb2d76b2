"""A correct is_subsequence: one greedy pass over t."""


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("is_subsequence takes two strings")
    matched = 0
    for char in t:
        if matched < len(s) and char == s[matched]:
            matched += 1
    return matched == len(s)
