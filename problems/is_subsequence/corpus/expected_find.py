# expect: accepted
# why: str.find from the last match moves forward only: every character of t is looked at once.
# time: O(n)
# memory: O(1)


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be str")
    position = 0
    for char in s:
        found = t.find(char, position)
        if found < 0:
            return False
        position = found + 1
    return True
