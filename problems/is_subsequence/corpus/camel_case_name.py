# expect: compile_error
# why: the entry point is named isSubsequence, not is_subsequence


def isSubsequence(s, t):
    it = iter(t)
    return all(c in it for c in s)
