"""Hidden properties of sessionize, one category per rule of the spec.

Small inputs are checked against a brute force that shares nothing with a
sort-and-scan solution: timestamps are parsed by a regular expression into
exact fractions of a second, and two events of a user are linked when they are
at most `gap_minutes * 60` seconds apart; the sessions are the connected groups.
Instants are built on a quarter-second grid with pauses drawn exactly at the
limit, just over and just under it, so float epoch seconds, datetimes and
integer microseconds all decide every pause the same way. Each instant is then
written in a random form (epoch int or float, `Z`, an offset), and the events
are shuffled.
"""

from __future__ import annotations

import calendar
import copy
import math
import random
import re
from datetime import datetime, timedelta
from fractions import Fraction

from hypothesis import given, strategies as st

from judge.testing import WrongAnswer, call_and_arguments, category, expect, expect_raises, fail, kept

TOLERANCE = 1e-6
BASE = 1_710_061_200  # 2024-03-10T09:00:00Z
NAIVE_EPOCH = datetime(1970, 1, 1)
LARGE = 100_000
ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)\Z")


# ------------------------------------------------------------ the oracle

def _exact(stamp) -> Fraction:
    """Epoch seconds, exactly, from a number or a well-formed ISO string."""
    if not isinstance(stamp, str):
        return Fraction(stamp)
    match = ISO.match(stamp)
    assert match, stamp  # the tests only send well-formed strings to the oracle
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    seconds = Fraction(calendar.timegm((year, month, day, hour, minute, second)))
    if match.group(7):
        seconds += Fraction(match.group(7)[1:]) / 10 ** (len(match.group(7)) - 1)
    zone = match.group(8)
    if zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        seconds -= sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return seconds


def _brute(events, gap_minutes=30) -> list[tuple]:
    """Sessions as connected groups of 'at most the limit apart', then sorted."""
    limit = None if gap_minutes == math.inf else Fraction(gap_minutes) * 60
    instants = [(user, _exact(stamp)) for user, stamp in events]
    group = list(range(len(instants)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, (user_i, t_i) in enumerate(instants):
        for j in range(i):
            user_j, t_j = instants[j]
            if user_i == user_j and (limit is None or abs(t_i - t_j) <= limit):
                group[root(i)] = root(j)
    members: dict[int, list[Fraction]] = {}
    for i, (_, t) in enumerate(instants):
        members.setdefault(root(i), []).append(t)
    sessions = [(instants[r][0], min(ts), max(ts), len(ts)) for r, ts in members.items()]
    return sorted(sessions, key=lambda s: (s[0], s[1]))


def _check(result, expected, events=None) -> None:
    if not isinstance(result, (list, tuple)):
        fail(f"the result must be a list of sessions, got {type(result).__name__}")
    if len(result) != len(expected):
        fail(f"{len(result)} sessions, expected {len(expected)}",
             expected=[_show(s) for s in expected], actual=result)
    for index, (got, want) in enumerate(zip(result, expected)):
        if not isinstance(got, (list, tuple)) or len(got) != 4:
            fail(f"session {index} is {got!r}, not (user_id, start, end, count)")
        user, start, end, count = got
        problems = []
        if user != want[0]:
            problems.append(f"user {user!r} instead of {want[0]!r}")
        for name, value, exact in (("start", start, want[1]), ("end", end, want[2])):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                problems.append(f"{name} {value!r} is not epoch seconds")
            elif not abs(Fraction(value) - exact) <= TOLERANCE:
                problems.append(f"{name} {value!r} instead of {float(exact)!r}")
        if isinstance(count, bool) or not isinstance(count, int) or count != want[3]:
            problems.append(f"count {count!r} instead of {want[3]}")
        if problems:
            fail(f"session {index} (sorted by user, then start): " + "; ".join(problems),
                 expected=_show(want), actual=got)


def _show(session) -> tuple:
    user, start, end, count = session
    return user, float(start), float(end), count


def _expect_sessions(solution, events, gap_minutes=None, expected=None) -> None:
    if expected is None:
        expected = _brute(events, 30 if gap_minutes is None else gap_minutes)
    if gap_minutes is None:
        result = solution.sessionize(events)
    else:
        result = solution.sessionize(events, gap_minutes)
    _check(result, expected)


# ------------------------------------------------------------ writing instants

OFFSETS = st.one_of(st.just(0), st.integers(-48, 56).map(lambda quarters: quarters * 15))


def _iso(seconds: Fraction, offset_minutes: int | None, digits: int = 0) -> str:
    """`seconds` (a whole number of microseconds) as an ISO string at that offset (None: Z)."""
    local = NAIVE_EPOCH + timedelta(microseconds=int(seconds * 1_000_000)) + timedelta(minutes=offset_minutes or 0)
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + f"{local.microsecond:06d}"[:digits]
    if offset_minutes is None:
        return text + "Z"
    sign = "-" if offset_minutes < 0 else "+"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"


@st.composite
def written(draw, seconds: Fraction):
    """One way to write an instant: epoch number, or ISO with Z or an offset."""
    whole = seconds.denominator == 1
    fraction_digits = 0 if whole else (3 if (seconds * 1000).denominator == 1 else 6)
    forms = ["epoch float", "iso offset", "iso Z"] + (["epoch int"] if whole else [])
    form = draw(st.sampled_from(sorted(forms)))
    if form == "epoch int":
        return int(seconds)
    if form == "epoch float":
        return float(seconds)
    digits = fraction_digits if not whole else draw(st.sampled_from([0, 0, 3, 6]))
    return _iso(seconds, draw(OFFSETS) if form == "iso offset" else None, digits)


GAPS = st.sampled_from([30, 30, 1, 0.5, 2.25, 0])


@st.composite
def clickstreams(draw, gap_minutes, users=("ann", "bob", "Cy"), max_events: int = 9):
    """Shuffled events whose pauses often sit exactly at the limit, one second over or half under."""
    limit = Fraction(gap_minutes) * 60
    pauses = st.sampled_from([Fraction(0), limit, limit + 1, max(limit - Fraction(1, 2), Fraction(0)),
                              limit / 2, limit * 3 + Fraction(1, 4), Fraction(1, 4)])
    if draw(st.booleans()):
        users = (3, 10, 7)  # int ids sort as numbers: 3, 7, 10
    events = []
    for user in draw(st.lists(st.sampled_from(users), min_size=1, max_size=3, unique=True)):
        t = BASE + Fraction(draw(st.integers(-4 * 3600, 4 * 3600)), 4)
        for step in draw(st.lists(pauses, min_size=0, max_size=max_events - 1)):
            events.append((user, t))
            t += step
        events.append((user, t))
    events = [(user, draw(written(t))) for user, t in events]
    order = draw(st.permutations(range(len(events))))
    return [events[i] for i in order]


# ------------------------------------------------------------ worked example

EXAMPLE = [
    ("bob", "2024-03-10T09:00:00+00:00"),
    ("ann", 1710061200),
    ("ann", "2024-03-10T10:29:00+01:00"),
    ("ann", "2024-03-10T09:59:00Z"),
    ("ann", "2024-03-10T10:29:01Z"),
    ("bob", "2024-03-10T01:00:00-08:00"),
]


@category("worked example")
def test_worked_example(solution):
    expected = [("ann", 1710061200, 1710064740, 3), ("ann", 1710066541, 1710066541, 1),
                ("bob", 1710061200, 1710061200, 2)]
    _expect_sessions(solution, EXAMPLE, expected=expected)


# ------------------------------------------------------------ empty and single

@category("empty and single events")
def test_empty_and_single(solution):
    _expect_sessions(solution, [], expected=[])
    _expect_sessions(solution, (), expected=[])
    for stamp in (BASE, float(BASE) + 0.5, "2024-03-10T09:00:00Z", "2024-03-10T04:00:00.250-05:00"):
        _expect_sessions(solution, [("ann", stamp)])


# ------------------------------------------------------------ sessions

@category("sessions: pauses longer than the limit")
@given(events=clickstreams(30))
def test_default_gap_matches_brute_force(solution, events):
    _expect_sessions(solution, events)


@category("sessions: pauses longer than the limit")
@given(data=st.data(), gap=GAPS)
def test_other_gaps_match_brute_force(solution, data, gap):
    events = data.draw(clickstreams(gap), label="events")
    _expect_sessions(solution, events, gap_minutes=gap)


@category("sessions: pauses longer than the limit")
@given(before=st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1)]), data=st.data())
def test_pause_at_the_limit(solution, before, data):
    """Pauses of 1800 - before and 1800 + 1 - before seconds; 'before' in {0, 0.5, 1}."""
    t0 = BASE + Fraction(data.draw(st.integers(0, 86_400), label="start"))
    instants = [t0, t0 + 1800 - before, t0 + 3600 - before + 1]
    events = [("ann", data.draw(written(t), label=f"event {i}")) for i, t in enumerate(instants)]
    expected = [("ann", instants[0], instants[1], 2), ("ann", instants[2], instants[2], 1)]
    _expect_sessions(solution, data.draw(st.permutations(events), label="order"), expected=expected)


@category("sessions: pauses longer than the limit")
def test_gap_zero_and_infinite(solution):
    events = [("ann", BASE), ("ann", "2024-03-10T09:00:00Z"), ("ann", BASE + 1), ("ann", BASE + 86_400 * 30)]
    _expect_sessions(solution, events, gap_minutes=0,
                     expected=[("ann", BASE, BASE, 2), ("ann", BASE + 1, BASE + 1, 1),
                               ("ann", BASE + 86_400 * 30, BASE + 86_400 * 30, 1)])
    _expect_sessions(solution, events, gap_minutes=math.inf,
                     expected=[("ann", BASE, BASE + 86_400 * 30, 4)])


@category("sessions: pauses longer than the limit")
@given(data=st.data())
def test_microsecond_instants_far_from_the_limit(solution, data):
    """Arbitrary microseconds, every pause at least a millisecond away from the limit."""
    t = BASE + Fraction(data.draw(st.integers(0, 10**12), label="start micros"), 10**6)
    events = []
    for _ in range(data.draw(st.integers(1, 8), label="events")):
        events.append(("ann", _iso(t, data.draw(OFFSETS, label="offset"), 6)))
        pause = data.draw(st.one_of(st.integers(0, 1_799_999_000), st.integers(1_800_001_000, 4_000_000_000)),
                          label="pause micros")
        t += Fraction(pause, 10**6)
    _expect_sessions(solution, data.draw(st.permutations(events), label="order"))


# ------------------------------------------------------------ instants

@category("instants: offsets, Z and epoch seconds")
def test_equal_instants_in_every_form(solution):
    events = [("ann", "2024-03-10T09:00:00Z"), ("ann", "2024-03-10T09:00:00+00:00"),
              ("ann", "2024-03-10T10:00:00+01:00"), ("ann", BASE), ("ann", float(BASE)),
              ("ann", "2024-03-10T03:30:00.000-05:30"), ("ann", "2024-03-10T09:00:00.000000Z")]
    _expect_sessions(solution, events, expected=[("ann", BASE, BASE, 7)])


@category("instants: offsets, Z and epoch seconds")
def test_text_order_is_not_time_order(solution):
    # "09:20+01:00" sorts after "08:50Z" as text but is 30 minutes earlier (08:20Z).
    events = [("ann", "2024-03-10T08:50:00Z"), ("ann", "2024-03-10T09:20:00+01:00"), ("ann", "2024-03-10T09:20:01Z")]
    _expect_sessions(solution, events)
    _expect_sessions(solution, events, gap_minutes=29)


@category("instants: daylight-saving offset changes")
def test_fall_back(solution):
    # 01:50 PDT is 08:50Z; 01:10 PST is 09:10Z: 20 minutes later though the clock went back.
    events = [("ann", "2024-11-03T01:10:00-08:00"), ("ann", "2024-11-03T01:50:00-07:00")]
    start = calendar.timegm((2024, 11, 3, 8, 50, 0))
    _expect_sessions(solution, events, expected=[("ann", start, start + 1200, 2)])
    _expect_sessions(solution, events, gap_minutes=19, expected=[("ann", start, start, 1),
                                                                 ("ann", start + 1200, start + 1200, 1)])


@category("instants: daylight-saving offset changes")
def test_spring_forward(solution):
    # 01:50 PST is 09:50Z; 03:10 PDT is 10:10Z: 20 minutes, though the clock moved 80.
    events = [("ann", "2024-03-10T03:10:00-07:00"), ("ann", "2024-03-10T01:50:00-08:00"),
              ("ann", "2024-03-10T03:40:00-07:00")]
    start = calendar.timegm((2024, 3, 10, 9, 50, 0))
    _expect_sessions(solution, events, expected=[("ann", start, start + 3000, 3)])


# ------------------------------------------------------------ output order

@category("output sorted by user, then start")
def test_users_and_starts_sorted(solution):
    events = [("bob", BASE + 7200), ("ann", BASE + 7200), ("Zed", BASE), ("bob", BASE), ("ann", BASE)]
    _expect_sessions(solution, events)
    numbers = [(10, BASE), (9, BASE + 5), (10, BASE - 5000), (100, BASE), (9, BASE - 1)]
    _expect_sessions(solution, numbers, expected=[(9, BASE - 1, BASE + 5, 2), (10, BASE - 5000, BASE - 5000, 1),
                                                  (10, BASE, BASE, 1), (100, BASE, BASE, 1)])


# ------------------------------------------------------------ arguments

@category("arguments not modified")
@given(events=clickstreams(30))
def test_events_left_unchanged(solution, events):
    as_lists = [list(event) for event in events]
    before = copy.deepcopy(as_lists)
    after = call_and_arguments(solution, "sessionize", as_lists)
    expect(after.args[0] == before, "the events were modified", expected=before, actual=after.args[0])
    _check(after.value, _brute(events))


# ------------------------------------------------------------ errors

GOOD = [("ann", "2024-03-10T09:00:00Z"), ("bob", BASE), ("ann", BASE + 60.5), ("bob", "2024-03-10T10:00:00+01:00")]
POSITIONS = ("only", "first", "middle", "last")
NOT_EVENTS = [None, 5, "ann", {"ann": BASE}]
WRONG_LENGTH = [("ann",), ("ann", BASE, "click"), ()]
NOT_TIMESTAMPS = [None, True, b"2024-03-10T09:00:00Z", [BASE]]
BAD_STRINGS = ["2024-03-10T09:00:00", "2024-02-30T09:00:00Z", "2024-03-10T24:00:00Z", "yesterday", "",
               "2024-03-10", "2024-13-01T09:00:00+01:00", "2024-03-10T09:00:00+25:00"]
NON_FINITE = [math.nan, math.inf, -math.inf]


def _placed(bad, where: str) -> tuple[list, int]:
    if where == "only":
        return [bad], 0
    index = {"first": 0, "middle": 2, "last": len(GOOD)}[where]
    return GOOD[:index] + [bad] + GOOD[index:], index


def _expect_error_naming(solution, error: type, events, index: int, gap_minutes=30) -> None:
    """The call raises `error`, and its message contains `index` as a number of its own."""
    try:
        solution.sessionize(events, gap_minutes)
    except WrongAnswer:
        raise
    except Exception as raised:  # the solution's exception, as the judge reports it
        remote = getattr(raised, "error", None)
        if remote is None or not hasattr(remote, "is_instance_of"):
            raise  # a limit or a crash: not ours to judge
        if not remote.is_instance_of(error):
            fail(f"expected {error.__name__} for event {index}, but the solution raised {remote.summary()}")
        if not re.search(rf"(?<!\d){index}(?!\d)", remote.message):
            fail(f"the {error.__name__} must name the bad event's index {index}; its message is {remote.message!r}")
        return
    fail(f"expected {error.__name__} for event {index}, but the call returned normally")


def _each_position(solution, error: type, bad_events: list) -> None:
    for bad in bad_events:
        for where in POSITIONS:
            events, index = _placed(bad, where)
            _expect_error_naming(solution, error, events, index)


@category("errors: events that are not a list")
def test_events_not_a_list(solution):
    for bad in (None, 5, "ann", {"ann": BASE}):
        with expect_raises(TypeError):
            solution.sessionize(bad)


@category("errors: events that are not pairs")
def test_events_that_are_not_pairs(solution):
    _each_position(solution, TypeError, NOT_EVENTS)
    _each_position(solution, ValueError, WRONG_LENGTH)


@category("errors: timestamps of the wrong type")
def test_timestamps_of_the_wrong_type(solution):
    _each_position(solution, TypeError, [("ann", bad) for bad in NOT_TIMESTAMPS])
    _each_position(solution, TypeError, [("ann", datetime(2024, 3, 10, 9))])


@category("errors: malformed timestamps")
def test_malformed_strings(solution):
    _each_position(solution, ValueError, [("ann", bad) for bad in BAD_STRINGS])


@category("errors: malformed timestamps")
def test_non_finite_numbers(solution):
    _each_position(solution, ValueError, [("ann", bad) for bad in NON_FINITE])


@category("errors: the first bad event decides")
def test_first_of_two_bad_events(solution):
    value_bad, type_bad = ("ann", "2024-03-10T09:00:00"), ("ann", None)
    _expect_error_naming(solution, ValueError, [GOOD[0], value_bad, GOOD[1], type_bad], 1)
    _expect_error_naming(solution, TypeError, [GOOD[0], type_bad, GOOD[1], value_bad], 1)
    _expect_error_naming(solution, ValueError, [GOOD[0], GOOD[1], ("ann", "later"), GOOD[2], value_bad], 2)
    # A late bad event, far into a long input.
    events = [("ann", BASE + i) for i in range(5000)] + [("ann", "2024-02-30T09:00:00Z")]
    _expect_error_naming(solution, ValueError, events, 5000)


@category("errors: gap_minutes")
def test_bad_gap_minutes(solution):
    for bad in ("30", True, None, [30]):
        with expect_raises(TypeError):
            solution.sessionize(GOOD, bad)
        with expect_raises(TypeError):  # checked before the events
            solution.sessionize([("ann", "bad")], bad)
    for bad in (-1, -0.5, math.nan, -math.inf):
        with expect_raises(ValueError):
            solution.sessionize(GOOD, bad)
        with expect_raises(ValueError):
            solution.sessionize([("ann", None)], bad)


# ------------------------------------------------------------ large input

REAL_OFFSETS = [None, 0, -480, -420, -300, 60, 120, 330, 540, 345]


@kept
def _large_case() -> tuple[list, list]:
    """100,000 shuffled events of 10,000 users, sessions known by construction."""
    rng = random.Random(11)
    events, expected = [], []
    for u in range(10_000):
        user = f"u{u:05d}"
        t = BASE + rng.randrange(0, 30 * 86_400)
        remaining = 10
        while remaining:
            size = min(remaining, rng.randrange(1, 5))
            remaining -= size
            start = t
            for i in range(size):
                if i:
                    t += rng.choice((0, 1, 600, 1799, 1800))
                events.append((user, _iso(Fraction(t), rng.choice(REAL_OFFSETS))))
            expected.append((user, start, t, size))
            t += rng.choice((1801, 1802, 3600, 86_400))
    rng.shuffle(events)
    return events, expected


@category("large: 200,000 shuffled events of 20,000 users")
def test_large(solution):
    events, expected = _large_case()
    _check(solution.sessionize(events), expected)
