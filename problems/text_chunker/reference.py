"""Reference solution for `text_chunker`; runs in the judge process only.

One pass over the tokens: sentence ends are tokens whose last character is '.', '!' or '?';
a chunk takes the previous chunk's last `overlap` tokens, then whole sentences while they fit,
cutting a sentence only when not even its first part would otherwise get in.
"""

from __future__ import annotations

ENDINGS = (".", "!", "?")


def chunk_text(text: str, max_tokens: int, overlap: int) -> list[str]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, value in (("max_tokens", max_tokens), ("overlap", overlap)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be >= 1, got {max_tokens}")
    if not 0 <= overlap < max_tokens:
        raise ValueError(f"overlap must satisfy 0 <= overlap < max_tokens, got {overlap}")
    tokens = text.split()
    # sentences as [start, end) ranges of token indices
    sentences: list[list[int]] = []
    start = 0
    for i, token in enumerate(tokens):
        if token.endswith(ENDINGS):
            sentences.append([start, i + 1])
            start = i + 1
    if start < len(tokens):
        sentences.append([start, len(tokens)])
    chunks: list[list[str]] = []
    s = 0
    while s < len(sentences):
        chunk = chunks[-1][len(chunks[-1]) - min(overlap, len(chunks[-1])):] if chunks else []
        fresh = True
        while s < len(sentences):
            lo, hi = sentences[s]
            room = max_tokens - len(chunk)
            if hi - lo <= room:
                chunk.extend(tokens[lo:hi])
                s += 1
                fresh = False
            elif fresh:
                chunk.extend(tokens[lo:lo + room])
                sentences[s][0] = lo + room
                break
            else:
                break
        chunks.append(chunk)
    return [" ".join(chunk) for chunk in chunks]
