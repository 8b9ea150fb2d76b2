# expect: accepted
# why: the BPE paper's style: a vocabulary of space-separated symbol strings with counts, pairs merged
#   with a regex, ties broken by min over (-count, pair); encode by lowest rank with a cache per word
# time: O(n)
import collections
import re


def train_bpe(corpus, num_merges):
    if not isinstance(corpus, str):
        raise TypeError("corpus must be a str")
    if type(num_merges) is not int:
        raise TypeError("num_merges must be an int")
    if num_merges < 0:
        raise ValueError("num_merges must be non-negative")
    vocab = {" ".join(list(w) + ["</w>"]): c for w, c in collections.Counter(corpus.split()).items()}
    merges = []
    while len(merges) < num_merges:
        stats = collections.defaultdict(int)
        for word, freq in vocab.items():
            symbols = word.split(" ")
            for i in range(len(symbols) - 1):
                stats[symbols[i], symbols[i + 1]] += freq
        if not stats:
            break
        pair, count = min(stats.items(), key=lambda kv: (-kv[1], kv[0]))
        if count < 2:
            break
        merges.append(pair)
        pattern = re.compile(r"(?<!\S)" + re.escape(" ".join(pair)) + r"(?!\S)")
        vocab = {pattern.sub(lambda _: "".join(pair), word): freq for word, freq in vocab.items()}
    return merges


def encode(text, merges):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not isinstance(merges, (list, tuple)):
        raise TypeError("merges must be a list")
    for m in merges:
        if not (isinstance(m, (list, tuple)) and len(m) == 2 and all(isinstance(s, str) for s in m)):
            raise TypeError("bad merge")
    ranks = {}
    for i, (a, b) in enumerate(merges):
        ranks.setdefault((a, b), i)
    cache = {}

    def bpe(word):
        symbols = list(word) + ["</w>"]
        while True:
            pairs = {(symbols[i], symbols[i + 1]) for i in range(len(symbols) - 1)}
            best = min(pairs, key=lambda p: ranks.get(p, float("inf")), default=None)
            if best is None or best not in ranks:
                return symbols
            merged, i = [], 0
            while i < len(symbols):
                if symbols[i:i + 2] == list(best):
                    merged.append(best[0] + best[1])
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            symbols = merged

    tokens = []
    for word in text.split():
        if word not in cache:
            cache[word] = bpe(word)
        tokens += cache[word]
    return tokens
