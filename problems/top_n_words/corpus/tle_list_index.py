# expect: time_limit_exceeded
# why: keeps words and counts in parallel lists and finds each word with list.index: O(words x distinct) on the large text
import re


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    seen = []
    counts = []
    for word in re.findall(r"[^\W_]+", text):
        word = word.lower()
        if word in seen:
            counts[seen.index(word)] += 1
        else:
            seen.append(word)
            counts.append(1)
    ranked = sorted(zip(seen, counts), key=lambda item: (-item[1], item[0]))
    return ranked[:n]
