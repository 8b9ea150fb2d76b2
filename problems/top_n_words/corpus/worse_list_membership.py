# expect: time_limit_exceeded
# why: the distinct words live in a list: `in` and .index() scan it for every word of the text.
# time: O(n^2)
# memory: O(n)
import re

WORD = re.compile(r"[^\W_]+")


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must not be negative")
    seen, counts = [], []
    for match in WORD.findall(text):
        word = match.lower()
        if word in seen:
            counts[seen.index(word)] += 1
        else:
            seen.append(word)
            counts.append(1)
    ranked = sorted(zip(seen, counts), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:n]
