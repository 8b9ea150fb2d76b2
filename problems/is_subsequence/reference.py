"""Reference: greedy two-pointer scan, one pass over t."""


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("is_subsequence takes two strings")
    position = 0
    for char in t:
        if position == len(s):
            break
        if char == s[position]:
            position += 1
    return position == len(s)
