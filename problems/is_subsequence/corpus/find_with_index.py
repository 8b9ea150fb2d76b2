# expect: accepted
# why: str.find from the last match position: C-speed scanning, still one pass over t


def is_subsequence(s: str, t: str) -> bool:
    for name, value in (("s", s), ("t", t)):
        if type(value) is not str and not isinstance(value, str):
            raise TypeError(f"{name} must be str, not {type(value).__name__}")
    start = 0
    for char in s:
        found = t.find(char, start)
        if found < 0:
            return False
        start = found + 1
    return True
