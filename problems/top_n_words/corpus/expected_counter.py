# expect: accepted
# why: one scan cuts the words, a dict counts them, one sort of the distinct words ranks them.
# time: O(n log n)
# memory: O(n)


def _words(text):
    words, start = [], None
    for index, char in enumerate(text):
        if char.isalnum():
            if start is None:
                start = index
        elif start is not None:
            words.append(text[start:index].lower())
            start = None
    if start is not None:
        words.append(text[start:].lower())
    return words


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must not be negative")
    counts = {}
    for word in _words(text):
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:n]
