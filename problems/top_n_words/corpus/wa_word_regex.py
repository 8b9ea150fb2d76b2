# expect: wrong_answer
# why: \w+ also matches "_", so "snake_case" stays one word instead of two
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(word.lower() for word in re.findall(r"\w+", text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
