"""is_subsequence: is s a subsequence of t?  (`judge show is_subsequence` for the statement)

True when s can be made from t by deleting zero or more characters without
reordering the rest. Case-sensitive; characters compare as code points; the
empty string is a subsequence of every string. A non-str argument raises
TypeError. Strings can be a million characters long.
"""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def is_subsequence(s: str, t: str) -> bool:
    raise NotImplementedError
