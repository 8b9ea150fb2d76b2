# expect: wrong_answer
# why: answers an empty t (only "" fits in it) before checking the types: is_subsequence([], "") returns True


def is_subsequence(s, t):
    if t == "":
        return len(s) == 0
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("is_subsequence takes two strings")
    it = iter(t)
    return all(c in it for c in s)
