# expect: time_limit_exceeded
# why: list.count() rescans all words once per distinct word, and distinct words grow with the text.
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
    words = [match.lower() for match in WORD.findall(text)]
    counts = [(word, words.count(word)) for word in set(words)]
    counts.sort(key=lambda pair: (-pair[1], pair[0]))
    return counts[:n]
