# expect: wrong_answer
# why: checks that every character occurs often enough, forgetting the order


from collections import Counter


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    have = Counter(t)
    return all(have[c] >= n for c, n in Counter(s).items())
