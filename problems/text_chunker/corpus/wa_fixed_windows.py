# expect: wrong_answer
# why: a plain sliding window of max_tokens with step max_tokens - overlap: ignores sentences, and
#   emits a last window that lies inside the one before
def chunk_text(text, max_tokens, overlap):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(max_tokens, bool) or isinstance(overlap, bool):
        raise TypeError("flags are not sizes")
    if not isinstance(max_tokens, int) or not isinstance(overlap, int):
        raise TypeError("sizes must be ints")
    if max_tokens < 1 or not 0 <= overlap < max_tokens:
        raise ValueError("need max_tokens >= 1 and 0 <= overlap < max_tokens")
    tokens = text.split()
    step = max_tokens - overlap
    return [" ".join(tokens[i:i + max_tokens]) for i in range(0, len(tokens), step)]
