# expect: accepted
# why: a correct solution that prints debugging output is judged normally


def is_subsequence(s, t):
    print(f"checking {s[:10]!r} in {t[:10]!r}")
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("both arguments must be strings")
    i = 0
    for char in t:
        if i < len(s) and s[i] == char:
            i += 1
    return i == len(s)
