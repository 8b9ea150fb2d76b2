"""A plausible bug: it finds each character of s in t, but never moves past a match,
so one 'a' in t is used for every 'a' in s. The judge shrinks a failing input to two
characters."""


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("is_subsequence takes two strings")
    position = 0
    for char in s:
        position = t.find(char, position)
        if position == -1:
            return False
    return True
