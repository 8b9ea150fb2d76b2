# expect: accepted
# why: training keeps pair counts up to date incrementally (an index from pair to the words holding it);
#   encode merges one occurrence of the lowest-ranked pair at a time, leftmost first
# time: O(n)
from collections import Counter, defaultdict

END = "</w>"


def _pairs(symbols):
    return zip(symbols, symbols[1:])


def train_bpe(corpus, num_merges):
    if not isinstance(corpus, str):
        raise TypeError("corpus must be a str")
    if isinstance(num_merges, bool) or not isinstance(num_merges, int):
        raise TypeError("num_merges must be an int")
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    counted = Counter(corpus.split())
    words = [tuple(w) + (END,) for w in counted]
    freqs = list(counted.values())
    stats = Counter()
    where = defaultdict(set)
    for idx, symbols in enumerate(words):
        for pair in _pairs(symbols):
            stats[pair] += freqs[idx]
            where[pair].add(idx)
    merges = []
    while len(merges) < num_merges and stats:
        top = max(stats.values())
        if top < 2:
            break
        best = min(p for p, c in stats.items() if c == top)
        merges.append(best)
        a, b = best
        for idx in sorted(where.pop(best, ())):
            old = words[idx]
            new, i = [], 0
            while i < len(old):
                if i + 1 < len(old) and old[i] == a and old[i + 1] == b:
                    new.append(a + b)
                    i += 2
                else:
                    new.append(old[i])
                    i += 1
            new = tuple(new)
            f = freqs[idx]
            for pair in _pairs(old):
                stats[pair] -= f
                if stats[pair] == 0:
                    del stats[pair]
            for pair in _pairs(old):
                if pair in where:
                    where[pair].discard(idx)
            for pair in _pairs(new):
                stats[pair] += f
                where[pair].add(idx)
            words[idx] = new
    return merges


def encode(text, merges):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not isinstance(merges, (list, tuple)):
        raise TypeError("merges must be a list or tuple")
    rank = {}
    for r in range(len(merges) - 1, -1, -1):
        m = merges[r]
        if not isinstance(m, (list, tuple)) or len(m) != 2 or not all(type(s) is str for s in m):
            raise TypeError(f"merge {r} is not a pair of str")
        rank[tuple(m)] = r
    result = []
    for word in text.split():
        symbols = [*word, END]
        while len(symbols) > 1:
            found = [(rank[p], i) for i, p in enumerate(_pairs(symbols)) if p in rank]
            if not found:
                break
            _, i = min(found)
            symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
        result.extend(symbols)
    return result
