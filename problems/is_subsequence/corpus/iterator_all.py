# expect: accepted
# why: the idiomatic one-liner: `in` on a shared iterator consumes t as it goes


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    remaining = iter(t)
    return all(char in remaining for char in s)
