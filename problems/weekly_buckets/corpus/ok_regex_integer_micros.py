# expect: accepted
# why: hand-written parser with a regex, instants as integer microseconds since 0001-01-01 UTC
import re
from datetime import date

_STAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{6}))?(?:([+-])([0-9]{2}):([0-9]{2}))?)?"
)
_US_PER_DAY = 86_400 * 10**6
_US_PER_WEEK = 7 * _US_PER_DAY


def _micros(stamp):
    """(microseconds since the epoch of date.toordinal, has_offset)."""
    if not isinstance(stamp, str):
        raise TypeError("every timestamp must be a string")
    m = _STAMP.fullmatch(stamp)
    if m is None:
        raise ValueError(f"not a timestamp: {stamp!r}")
    year, month, day, hh, mm, ss, frac, sign, oh, om = m.groups()
    day_number = date(int(year), int(month), int(day)).toordinal()  # ValueError on 2019-02-30
    hour, minute, second = int(hh or 0), int(mm or 0), int(ss or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"bad time of day: {stamp!r}")
    clock = ((hour * 60 + minute) * 60 + second) * 10**6 + int(frac or 0)
    total = day_number * _US_PER_DAY + clock
    if sign is None:
        return total, False
    shift = (int(oh) * 60 + int(om)) * 60 * 10**6
    return (total - shift if sign == "+" else total + shift), True


def weekly_buckets(timestamps):
    parsed = [_micros(s) for s in timestamps]
    if len({aware for _, aware in parsed}) > 1:
        raise ValueError("cannot mix naive and offset-aware timestamps")
    result = []
    last_week = None
    previous = None
    for stamp, (us, _) in zip(timestamps, parsed):
        if previous is not None and us < previous:
            raise ValueError("timestamps are not in order")
        if previous is None:
            origin = us
        week = (us - origin) // _US_PER_WEEK
        if week != last_week:
            result.append([])
            last_week = week
        result[-1].append(stamp)
        previous = us
    return result
