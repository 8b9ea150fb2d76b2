# expect: accepted
# why: a linear scan, but over list(t): a full copy of the input where O(1) extra memory is expected.
# time: O(n)
# memory: O(n)


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be str")
    chars = list(t)
    i = 0
    for char in chars:
        if i < len(s) and s[i] == char:
            i += 1
    return i == len(s)
