"""weekly_buckets: group sequential timestamps into weekly buckets.

Implement `weekly_buckets` (run `judge show weekly_buckets` for the full statement):

- Each element is an ISO-8601 string: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or
  `YYYY-MM-DDTHH:MM:SS.ffffff`; the two datetime forms may end with a UTC
  offset `+HH:MM` / `-HH:MM`. A date alone means midnight (and has no offset).
  Timestamps are compared as instants, offsets applied.
- The first timestamp t0 starts week 0; t belongs to week
  floor((t - t0) / 7 days), so exactly 7 days after t0 is week 1.
- Return one list per week that holds at least one timestamp, in week order
  (empty weeks are left out). Each list holds the original strings,
  unchanged, in input order. `[]` returns `[]`.
- The input must be in non-decreasing time order (equal instants are fine);
  otherwise raise ValueError.
- An invalid string ("2019-02-30", "yesterday", "") raises ValueError, and so
  does a mixture of offset-aware and naive timestamps. An element that is not
  a `str` raises TypeError.
- Expected: O(n) time.

Example: ["2019-01-01", "2019-01-02", "2019-01-08", "2019-02-01", "2019-02-02",
"2019-02-05"] -> [["2019-01-01", "2019-01-02"], ["2019-01-08"],
["2019-02-01", "2019-02-02"], ["2019-02-05"]]

Standard library only.
"""

from __future__ import annotations


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def weekly_buckets(timestamps: list[str]) -> list[list[str]]:
    raise NotImplementedError
