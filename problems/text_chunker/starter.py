"""text_chunker: cut a text into overlapping chunks of whole sentences for retrieval (`judge show text_chunker`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def chunk_text(text: str, max_tokens: int, overlap: int) -> list[str]:
    """Return the chunks of `text`, each its tokens joined by single spaces.

    Tokens are `text.split()`; a sentence ends with a token whose last character is '.', '!' or
    '?'. Each chunk after the first starts with the last `overlap` tokens of the one before, then
    takes whole sentences while they fit in `max_tokens`; see the spec for long sentences.
    """
    raise NotImplementedError
