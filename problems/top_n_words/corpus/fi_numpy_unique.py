# expect: forbidden_import
# why: numpy is not an allowed module for this problem (np.unique with return_counts)
import re

import numpy as np


def top_n_words(text, n):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    words = [word.lower() for word in re.findall(r"[^\W_]+", text)]
    if not words:
        return []
    unique, counts = np.unique(np.array(words), return_counts=True)
    order = sorted(range(len(unique)), key=lambda i: (-counts[i], unique[i]))
    return [(str(unique[i]), int(counts[i])) for i in order[:n]]
