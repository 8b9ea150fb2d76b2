# expect: wrong_answer
# why: never checks that text is a str: a list of strings is scanned like text, bytes fail with AttributeError
def top_n_words(text, n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = {}
    word = ""
    for ch in list(text) + [" "]:
        if ch.isalnum():
            word += ch
        elif word:
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
            word = ""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
