# expect: wrong_answer
# why: re.split on separators leaves "" at the ends of the text (and for empty text), and "" is counted as a word
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(word.lower() for word in re.split(r"[\W_]+", text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
