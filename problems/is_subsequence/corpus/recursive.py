# expect: runtime_error
# why: recurses once per character of t, so a million-character t overflows the stack


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    return _match(s, t, 0, 0)


def _match(s, t, i, j):
    if i == len(s):
        return True
    if j == len(t):
        return False
    return _match(s, t, i + 1 if s[i] == t[j] else i, j + 1)
