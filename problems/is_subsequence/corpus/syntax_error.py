# expect: compile_error
# why: a missing colon


def is_subsequence(s, t)
    return True
