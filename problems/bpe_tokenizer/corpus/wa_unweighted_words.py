# expect: wrong_answer
# why: counts each distinct word once (a set of words), ignoring how often it occurs
END = "</w>"


def _check_train_args(corpus, num_merges):
    if not isinstance(corpus, str):
        raise TypeError("corpus must be a str")
    if isinstance(num_merges, bool) or not isinstance(num_merges, int):
        raise TypeError("num_merges must be an int")
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")


def _merge_word(symbols, a, b):
    out = []
    i = 0
    while i < len(symbols):
        if i < len(symbols) - 1 and symbols[i] == a and symbols[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(corpus, num_merges):
    _check_train_args(corpus, num_merges)
    freq = {}
    for word in corpus.split():
        freq[word] = 1
    words = [[list(word) + [END], f] for word, f in freq.items()]
    merges = []
    for _ in range(num_merges):
        counts = {}
        for symbols, f in words:
            for i in range(len(symbols) - 1):
                pair = (symbols[i], symbols[i + 1])
                counts[pair] = counts.get(pair, 0) + f
        if not counts:
            break
        best = None
        for pair, c in counts.items():
            if best is None or c > counts[best] or (c == counts[best] and pair < best):
                best = pair
        if counts[best] < 2:
            break
        merges.append(best)
        for entry in words:
            entry[0] = _merge_word(entry[0], best[0], best[1])
    return merges


def encode(text, merges):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if not isinstance(merges, (list, tuple)):
        raise TypeError("merges must be a list")
    rank = {}
    for i, m in enumerate(merges):
        if not isinstance(m, (list, tuple)) or len(m) != 2 or not isinstance(m[0], str) or not isinstance(m[1], str):
            raise TypeError("each merge must be a pair of str")
        if (m[0], m[1]) not in rank:
            rank[(m[0], m[1])] = i
    out = []
    for word in text.split():
        symbols = list(word) + [END]
        while True:
            best = None
            for i in range(len(symbols) - 1):
                r = rank.get((symbols[i], symbols[i + 1]))
                if r is not None and (best is None or r < best):
                    best = r
            if best is None:
                break
            a, b = merges[best]
            symbols = _merge_word(symbols, a, b)
        out.extend(symbols)
    return out
