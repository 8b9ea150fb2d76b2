# expect: time_limit_exceeded
# why: slices t after every match, copying the rest of t each time: quadratic


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    for char in s:
        position = t.find(char)
        if position < 0:
            return False
        t = t[position + 1:]
    return True
