# expect: time_limit_exceeded
# why: t = t[k + 1:] copies the rest of t for every character of s (slicing in a loop).
# time: O(n^2)
# memory: O(n)


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be str")
    for char in s:
        found = t.find(char)
        if found < 0:
            return False
        t = t[found + 1:]
    return True
