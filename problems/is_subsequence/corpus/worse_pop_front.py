# expect: time_limit_exceeded
# why: list.pop(0) shifts every remaining element: a queue built on a list.
# time: O(n^2)
# memory: O(n)


def is_subsequence(s: str, t: str) -> bool:
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be str")
    pending = list(s)
    for char in t:
        if not pending:
            break
        if pending[0] == char:
            pending.pop(0)
    return not pending
