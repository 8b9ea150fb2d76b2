# expect: time_limit_exceeded
# why: cuts each chunk off the front of the remaining token list (remaining = remaining[k:]), copying
#   what is left for every chunk: O(n^2 / max_tokens)
def chunk_text(text, max_tokens, overlap):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    for v in (max_tokens, overlap):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("ints please")
    if max_tokens < 1 or overlap < 0 or overlap >= max_tokens:
        raise ValueError("bad sizes")
    remaining = text.split()
    chunks = []
    prev = []
    while remaining:
        chunk = prev[len(prev) - min(overlap, len(prev)):]
        taken = 0
        while taken < len(remaining):
            end = taken
            while end < len(remaining) and remaining[end][-1] not in ".!?":
                end += 1
            end = min(end + 1, len(remaining))
            if len(chunk) + end - taken <= max_tokens:
                chunk = chunk + remaining[taken:end]
                taken = end
            else:
                if taken == 0:
                    room = max_tokens - len(chunk)
                    chunk = chunk + remaining[:room]
                    taken = room
                break
        chunks.append(chunk)
        remaining = remaining[taken:]
        prev = chunk
    return [" ".join(c) for c in chunks]
