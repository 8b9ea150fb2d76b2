# expect: accepted
# why: regex [^\W_]+ matches exactly the isalnum runs; Counter plus one sort by (-count, word)
import re
from collections import Counter

# \w is "alphanumeric or underscore"; excluding \W and _ leaves exactly str.isalnum().
WORD = re.compile(r"[^\W_]+")


def top_n_words(text: str, n: int) -> list[tuple[str, int]]:
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if type(n) is not int:
        raise TypeError("n must be an int")
    if n < 0:
        raise ValueError("n must be non-negative")
    counts = Counter(match.group().lower() for match in WORD.finditer(text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
