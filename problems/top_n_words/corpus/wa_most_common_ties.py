# expect: wrong_answer
# why: Counter.most_common breaks count ties by first occurrence, not by word ascending
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    return Counter(word.lower() for word in re.findall(r"[^\W_]+", text)).most_common(n)
