# expect: time_limit_exceeded
# why: keeps the chunk as a string and recounts its tokens with split() before adding each sentence:
#   O(n * max_tokens), quadratic when chunks are large
# time: O(n^2)
import re


def chunk_text(text, max_tokens, overlap):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    for v in (max_tokens, overlap):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("ints please")
    if max_tokens < 1 or overlap < 0 or overlap >= max_tokens:
        raise ValueError("bad sizes")
    sentences = [s.split() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.split()]
    chunks = []
    current = ""
    fresh = True
    i = 0
    while i < len(sentences):
        candidate = (current + " " + " ".join(sentences[i])).strip()
        if len(candidate.split()) <= max_tokens:
            current = candidate
            fresh = False
            i += 1
            continue
        if fresh:
            room = max_tokens - len(current.split())
            current = (current + " " + " ".join(sentences[i][:room])).strip()
            sentences[i] = sentences[i][room:]
        chunks.append(current)
        tail = current.split()[-overlap:] if overlap else []
        current = " ".join(tail)
        fresh = True
    if not fresh:
        chunks.append(current)
    return chunks
