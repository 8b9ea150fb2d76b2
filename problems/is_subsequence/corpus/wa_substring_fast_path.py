# expect: wrong_answer
# why: takes the fast path `if s in t: return True` (a substring is a subsequence) before checking the types;
#   `in` raises for most bad arguments by accident, but not for a list of characters that holds s:
#   is_subsequence("a", ["a", "b"]) returns True instead of raising TypeError


def is_subsequence(s, t):
    if s in t:
        return True
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("is_subsequence takes two strings")
    i = 0
    for ch in t:
        if i == len(s):
            break
        if ch == s[i]:
            i += 1
    return i == len(s)
