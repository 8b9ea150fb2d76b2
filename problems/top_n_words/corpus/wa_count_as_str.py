# expect: wrong_answer
# why: formats each count as a string ("2") instead of returning the int
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(word.lower() for word in re.findall(r"[^\W_]+", text))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    return [(word, str(count)) for word, count in ranked]
