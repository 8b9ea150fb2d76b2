# expect: wrong_answer
# why: accepts overlap == max_tokens (checks overlap > max_tokens) and guards the room with max(1, ...), so chunks exceed max_tokens
def chunk_text(text, max_tokens, overlap):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    for value in (max_tokens, overlap):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("max_tokens and overlap must be ints")
    if max_tokens < 1:
        raise ValueError("max_tokens must be at least 1")
    if overlap < 0 or overlap > max_tokens:
        raise ValueError("need 0 <= overlap < max_tokens")
    words = text.split()
    sentences = []
    current = []
    for word in words:
        current.append(word)
        if word[-1] in ".!?":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    chunks = []
    chunk = []
    size = 0
    i = 0
    while i < len(sentences):
        sent = sentences[i]
        if size + len(sent) <= max_tokens:
            chunk.extend(sent)
            size += len(sent)
            i += 1
            continue
        if size > len(carry(chunks, overlap)) or (chunks == [] and size > 0):
            chunks.append(chunk)
        else:
            room = max(1, max_tokens - size)
            chunk.extend(sent[:room])
            sentences[i] = sent[room:]
            chunks.append(chunk)
        chunk = list(carry(chunks, overlap))
        size = len(chunk)
    if chunk and (not chunks or size > len(carry(chunks, overlap))):
        chunks.append(chunk)
    return [" ".join(c) for c in chunks]


def carry(chunks, overlap):
    if not chunks or overlap == 0:
        return []
    return chunks[-1][-overlap:]
