# expect: wrong_answer
# why: lowercases the whole text before cutting: "İ" becomes "i" + a combining dot that then splits the word, and sigma finality is judged across word boundaries
import re
from collections import Counter


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(re.findall(r"[^\W_]+", text.lower()))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
