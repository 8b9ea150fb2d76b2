"""Reference solution for `bpe_tokenizer`; runs in the judge process only.

Training counts pairs over the distinct words (each weighted by its frequency) and recounts them
after every merge; encoding looks ranks up in a dict and merges the lowest-ranked pair of a word
until none of its pairs is a merge, caching the tokens of each distinct word.
"""

from __future__ import annotations

from collections import Counter

END = "</w>"


def train_bpe(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    if not isinstance(corpus, str):
        raise TypeError(f"corpus must be a str, not {type(corpus).__name__}")
    if isinstance(num_merges, bool) or not isinstance(num_merges, int):
        raise TypeError(f"num_merges must be an int, not {type(num_merges).__name__}")
    if num_merges < 0:
        raise ValueError(f"num_merges must be >= 0, got {num_merges}")
    words = [(list(word) + [END], freq) for word, freq in Counter(corpus.split()).items()]
    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges:
        counts: Counter = Counter()
        for symbols, freq in words:
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += freq
        if not counts:
            break
        top = max(counts.values())
        if top < 2:
            break
        best = min(pair for pair, count in counts.items() if count == top)
        merges.append(best)
        words = [(_merge(symbols, best), freq) for symbols, freq in words]
    return merges


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Every non-overlapping occurrence of `pair`, left to right, becomes one symbol."""
    left, right = pair
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def encode(text: str, merges: list[tuple[str, str]]) -> list[str]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(merges, (list, tuple)):
        raise TypeError(f"merges must be a list of pairs, not {type(merges).__name__}")
    ranks: dict[tuple[str, str], int] = {}
    for rank, item in enumerate(merges):
        if not (isinstance(item, (list, tuple)) and len(item) == 2
                and isinstance(item[0], str) and isinstance(item[1], str)):
            raise TypeError(f"merge {rank} must be a pair of two str, not {item!r}")
        ranks.setdefault((item[0], item[1]), rank)
    cache: dict[str, list[str]] = {}
    tokens: list[str] = []
    for word in text.split():
        if word not in cache:
            cache[word] = _encode_word(word, ranks)
        tokens.extend(cache[word])
    return tokens


def _encode_word(word: str, ranks: dict[tuple[str, str], int]) -> list[str]:
    symbols = list(word) + [END]
    while len(symbols) > 1:
        ranked = [(ranks[pair], pair) for pair in zip(symbols, symbols[1:]) if pair in ranks]
        if not ranked:
            break
        symbols = _merge(symbols, min(ranked)[1])
    return symbols
