# expect: accepted
# why: `c in it` advances one shared iterator over t: a single pass, nothing stored.
# time: O(n)
# memory: O(1)


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be str")
    it = iter(t)
    return all(c in it for c in s)
