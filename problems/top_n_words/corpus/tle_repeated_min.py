# expect: time_limit_exceeded
# why: picks the next best word n times by scanning every remaining word: O(n x distinct), far too slow for n = 6000 on the large text
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
    result = []
    while counts and len(result) < n:
        best = min(counts, key=lambda word: (-counts[word], word))
        result.append((best, counts.pop(best)))
    return result
