# expect: accepted
# why: hand-written scan with start/end indices, dict counts, heapq.nsmallest; pairs returned as lists
import heapq


def _cut_words(text):
    words = []
    start = None
    for i, ch in enumerate(text):
        if ch.isalnum():
            if start is None:
                start = i
        elif start is not None:
            words.append(text[start:i].lower())
            start = None
    if start is not None:
        words.append(text[start:].lower())
    return words


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    counts = {}
    for word in _cut_words(text):
        counts[word] = counts.get(word, 0) + 1
    best = heapq.nsmallest(n, counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [[word, count] for word, count in best]
