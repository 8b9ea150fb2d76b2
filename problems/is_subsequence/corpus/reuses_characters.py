# expect: wrong_answer
# why: does not advance past a matched character, so one 'a' in t matches "aa"


def is_subsequence(s, t):
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("strings only")
    start = 0
    for char in s:
        found = t.find(char, start)
        if found < 0:
            return False
        start = found
    return True
