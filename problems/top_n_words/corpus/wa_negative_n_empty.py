# expect: wrong_answer
# why: returns [] for a negative n instead of raising ValueError
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n <= 0:
        return []
    counts = Counter(word.lower() for word in re.findall(r"[^\W_]+", text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
