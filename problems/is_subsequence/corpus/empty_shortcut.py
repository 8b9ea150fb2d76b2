# expect: wrong_answer
# why: returns early for an empty s before checking types, so ("", None) gives True


def is_subsequence(s, t):
    if s == "":
        return True
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    it = iter(t)
    return all(c in it for c in s)
