# expect: wrong_answer
# why: k consecutive positions (cyclically) from a uniform random start: uniform per position,
# but only n of the C(n, k) subsets can ever come out
def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    if k == 0:
        return []
    head = []    # the first k items: the window wraps around to them
    window = []  # the items from the chosen start on
    count = 0
    for i, item in enumerate(stream):
        count += 1
        if len(head) < k:
            head.append(item)
        if rng.randrange(i + 1) == 0:  # a size-1 reservoir picks the start
            window = [item]
        elif len(window) < k:
            window.append(item)
    if count <= k:
        return head
    return window + head[: k - len(window)]
