# expect: forbidden_import
# why: nltk's sentence tokenizer is a third-party module; only the standard library is allowed
from nltk.tokenize import sent_tokenize


def chunk_text(text, max_tokens, overlap):
    chunks, current = [], []
    for sentence in sent_tokenize(text):
        words = sentence.split()
        if current and len(current) + len(words) > max_tokens:
            chunks.append(" ".join(current))
            current = current[len(current) - overlap:] if overlap else []
        current += words
    if current:
        chunks.append(" ".join(current))
    return chunks
