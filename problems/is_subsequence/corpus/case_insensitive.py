# expect: wrong_answer
# why: lowercases both strings, but the comparison is case-sensitive


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    s, t = s.lower(), t.lower()
    it = iter(t)
    return all(c in it for c in s)
