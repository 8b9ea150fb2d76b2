# expect: time_limit_exceeded
# why: the HF course's tokenize: every merge of the list applied in order to every distinct word
#   (cached), right for trained lists but O(distinct words x M) = O(n^2) when the merges grow with the text
# time: O(n^2)
from collections import Counter


def train_bpe(corpus, num_merges):
    if not isinstance(corpus, str):
        raise TypeError("corpus must be a str")
    if isinstance(num_merges, bool) or not isinstance(num_merges, int):
        raise TypeError("num_merges must be an int")
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    splits = {w: list(w) + ["</w>"] for w in Counter(corpus.split())}
    freqs = Counter(corpus.split())
    merges = []
    while len(merges) < num_merges:
        pair_freqs = Counter()
        for w, split in splits.items():
            for a, b in zip(split, split[1:]):
                pair_freqs[a, b] += freqs[w]
        if not pair_freqs:
            break
        best_count = max(pair_freqs.values())
        if best_count < 2:
            break
        best = sorted(p for p, c in pair_freqs.items() if c == best_count)[0]
        merges.append(best)
        for w, split in splits.items():
            splits[w] = _apply(split, best)
    return merges


def _apply(split, pair):
    i = 0
    split = list(split)
    while i < len(split) - 1:
        if split[i] == pair[0] and split[i + 1] == pair[1]:
            split = split[:i] + [pair[0] + pair[1]] + split[i + 2:]
        i += 1
    return split


def encode(text, merges):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not isinstance(merges, (list, tuple)):
        raise TypeError("merges must be a list or tuple")
    for m in merges:
        if not isinstance(m, (list, tuple)) or len(m) != 2 or not all(isinstance(s, str) for s in m):
            raise TypeError("merges must hold pairs of str")
    cache = {}
    out = []
    for word in text.split():
        if word not in cache:
            split = list(word) + ["</w>"]
            for pair in merges:
                split = _apply(split, pair)
            cache[word] = split
        out.extend(cache[word])
    return out
