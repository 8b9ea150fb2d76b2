"""sessionize: cut each user's events into sessions at pauses longer than a limit (`judge show sessionize`)."""

from __future__ import annotations


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def sessionize(events, gap_minutes=30) -> list[tuple]:
    """Return (user_id, start, end, count) per session, sorted by user_id, then start.

    - events: (user_id, timestamp) pairs in any order; a timestamp is epoch seconds (int or
      float) or an ISO-8601 string with a UTC offset ("2024-03-10T09:00:00+01:00", "...Z").
    - Per user, sorted by instant: a pause strictly longer than gap_minutes starts a session.
    - start and end are epoch seconds; count counts every event.
    - Errors (TypeError / ValueError, the first bad event in input order, its index in the
      message): see `judge show sessionize`.
    - Expected: O(n log n) time.

    Standard library only.

    >>> sessionize([("ann", 0), ("ann", 1800), ("ann", 3601)])
    [('ann', 0, 1800, 2), ('ann', 3601, 3601, 1)]
    """
    raise NotImplementedError
