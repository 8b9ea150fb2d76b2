"""bpe_tokenizer: learn byte-pair merges from a corpus and encode text with them (`judge show bpe_tokenizer`)."""


def train_bpe(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    """Return up to `num_merges` merges, most frequent adjacent pair first (see the spec for ties)."""
    raise NotImplementedError


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def encode(text: str, merges: list[tuple[str, str]]) -> list[str]:
    """Split `text` on whitespace and return the tokens of every word, merged by rank."""
    raise NotImplementedError
