# expect: wrong_answer
# why: returns 1/0 instead of True/False


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    i = 0
    for char in t:
        if i < len(s) and char == s[i]:
            i += 1
    return int(i == len(s))
