# expect: wrong_answer
# why: isinstance(n, int) lets True/False through (bool is an int subclass) instead of raising TypeError
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(word.lower() for word in re.findall(r"[^\W_]+", text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
