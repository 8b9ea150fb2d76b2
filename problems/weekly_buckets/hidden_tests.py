"""Hidden properties of weekly_buckets, one category per rule of the contract.

Most properties build their input by construction: a first instant t0, then
offsets from t0 chosen to land on, just before, or inside week boundaries.
The week of every element is `offset // 7 days` (exact integer arithmetic),
so the expected buckets follow from the construction itself, not from the
reference. Each instant is then written in one of the contract's forms
(date alone, whole seconds, microseconds; plus `+HH:MM` / `-HH:MM` when
offset-aware), drawn at random but shrinking towards the plainest form, so
a failing example shrinks to two or three short dates around 2000-01-01.

Invalid inputs break exactly one rule each (or several rules that all name
the same exception), so only the exception that rule names is accepted.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings, strategies as st

from judge.testing import category, expect_equal, expect_raises, kept

WEEK = timedelta(days=7)
DAY = timedelta(days=1)
MICROSECOND = timedelta(microseconds=1)
LARGE = 200_000

Draw = Callable[[st.SearchStrategy[Any]], Any]


# ------------------------------------------------------------ rendering

def _offset_text(minutes: int) -> str:
    """A UTC offset as `+HH:MM` / `-HH:MM`."""
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _render(local: datetime, form: str, offset_minutes: int | None = None) -> str:
    """The naive wall time `local` in one contract form, plus an offset when aware."""
    if form == "date":
        return local.date().isoformat()
    # isoformat, not strftime: strftime writes year 1 as "1", not "0001".
    spec = "seconds" if form == "seconds" else "microseconds"
    text = local.isoformat(timespec=spec)
    return text if offset_minutes is None else text + _offset_text(offset_minutes)


def _forms(local: datetime, aware: bool) -> list[str]:
    """The forms that write `local` exactly, plainest first (shrinking goes there)."""
    forms = []
    if not aware and local.time() == time(0):
        forms.append("date")  # a date alone has no offset, so only naive
    if local.microsecond == 0:
        forms.append("seconds")
    forms.append("micro")
    return forms


# Quarter hours up to +-14:00, the range real zones use; shrinks to +00:00.
_OFFSET_MINUTES = st.integers(-56, 56).map(lambda quarters: quarters * 15)


@functools.cache
def _one_of_forms(forms: tuple[str, ...]) -> st.SearchStrategy[str]:
    # One strategy per list of forms, not one per stamp: Hypothesis validates each new one (0.05 s a run).
    return st.sampled_from(forms)


def _draw_stamp(draw: Draw, instant: datetime, aware: bool) -> str:
    """`instant` (a naive datetime, read as UTC when aware) as a contract string."""
    offset = draw(_OFFSET_MINUTES) if aware else None
    local = instant + timedelta(minutes=offset or 0)
    form = draw(_one_of_forms(tuple(_forms(local, aware))))
    return _render(local, form, offset)


# ------------------------------------------------------------ timelines

def _group(stamps: list[str], weeks: list[int]) -> list[list[str]]:
    """Consecutive stamps with the same (non-decreasing) week index, one list each."""
    buckets: list[list[str]] = []
    last = None
    for stamp, week in zip(stamps, weeks):
        if week != last:
            buckets.append([])
            last = week
        buckets[-1].append(stamp)
    return buckets


@dataclass
class Timeline:
    """A valid input: strings in order, each with its offset from the first instant."""

    start: datetime
    stamps: list[str]
    offsets: list[timedelta]
    aware: bool

    @property
    def buckets(self) -> list[list[str]]:
        """The expected answer, from the construction alone."""
        return _group(self.stamps, [offset // WEEK for offset in self.offsets])


def _starts(first: date, last: date) -> st.SearchStrategy[datetime]:
    """First instants: a day plus a time of day that shrinks to midnight.

    Built from integers rather than `st.datetimes`, whose shrinking can stall
    at a stray microsecond; midnight allows the date-only form.
    """
    time_of_day = st.one_of(
        st.integers(0, 86399).map(lambda s: timedelta(seconds=s)),
        st.integers(0, DAY // MICROSECOND - 1).map(lambda us: us * MICROSECOND),
    )
    return st.builds(
        lambda day, clock: datetime.combine(day, time(0)) + clock,
        st.dates(first, last),
        time_of_day,
    )


_STARTS = _starts(date(1970, 1, 1), date(2100, 1, 1))

_WITHIN_WEEK = st.one_of(
    st.integers(0, 6).map(lambda days: days * DAY),
    st.just(WEEK - MICROSECOND),  # the last instant of a week
    st.integers(0, 7 * 86400 - 1).map(lambda s: timedelta(seconds=s)),
    st.integers(0, WEEK // MICROSECOND - 1).map(lambda us: us * MICROSECOND),
)
# Weeks 0..5 from t0, so gaps of whole empty weeks come up often.
_OFFSETS = st.builds(lambda week, within: week * WEEK + within, st.integers(0, 5), _WITHIN_WEEK)


@st.composite
def timelines(
    draw: Draw, aware: bool = False, min_size: int = 1, max_size: int = 8, repeats: bool = False
) -> Timeline:
    """A valid non-decreasing input whose buckets are known by construction.

    With `repeats`, instants come up to three times in a row, each copy
    written independently (another form, or another offset for the same instant).
    """
    start = draw(_STARTS)
    rest = draw(st.lists(_OFFSETS, min_size=min_size - 1, max_size=max_size - 1))
    offsets = [timedelta(0), *sorted(rest)]
    if repeats:
        offsets = [off for off in offsets for _ in range(draw(st.integers(1, 3)))]
    stamps = [_draw_stamp(draw, start + off, aware) for off in offsets]
    return Timeline(start, stamps, offsets, aware)


any_zone_timelines = st.booleans().flatmap(lambda aware: timelines(aware=aware))


# ------------------------------------------------------------ invalid inputs

_LATER_STEP = st.one_of(
    st.integers(1, 6).map(lambda days: days * DAY),
    st.just(MICROSECOND),
    st.integers(1, 3).map(lambda weeks: weeks * WEEK),
)


@st.composite
def out_of_order_inputs(draw: Draw) -> list[str]:
    """A valid timeline with one strictly later instant moved in front of an earlier one."""
    line = draw(any_zone_timelines)
    later = line.start + line.offsets[-1] + draw(_LATER_STEP)
    position = draw(st.integers(0, len(line.stamps) - 1))
    stamps = list(line.stamps)
    stamps.insert(position, _draw_stamp(draw, later, line.aware))
    return stamps


# Impossible calendar or clock values, words and blanks: "plainly invalid".
INVALID = [
    "2019-02-30",
    "yesterday",
    "",
    " ",
    "2019-13-01",
    "2019-00-10",
    "2019-04-31",
    "2019-02-29",
    "2019-01-32",
    "2019-01-01T25:00:00",
    "2019-01-01T12:75:00",
    "2019-01-01T12:00:75",
    "2019-02-30T10:00:00.000000",
    "2019-02-30T10:00:00+01:00",
    "not a timestamp",
]


@st.composite
def malformed_inputs(draw: Draw) -> list[str]:
    """A valid timeline with one plainly invalid string inserted anywhere."""
    stamps = list(draw(any_zone_timelines).stamps)
    position = draw(st.integers(0, len(stamps)))
    stamps.insert(position, draw(st.sampled_from(INVALID)))
    return stamps


@st.composite
def mixed_inputs(draw: Draw) -> list[str]:
    """An offset-aware timeline with some (not all) instants rewritten naive."""
    line = draw(timelines(aware=True, min_size=2))
    count = len(line.stamps)
    naive = draw(st.sets(st.integers(0, count - 1), min_size=1, max_size=count - 1))
    stamps = list(line.stamps)
    for index in naive:
        stamps[index] = _draw_stamp(draw, line.start + line.offsets[index], aware=False)
    return stamps


@st.composite
def non_str_inputs(draw: Draw) -> list[Any]:
    """A valid naive timeline with one element that is not a str inserted anywhere."""
    line = draw(timelines())
    bad = draw(
        st.one_of(
            st.integers(),
            st.none(),
            st.floats(allow_nan=False),
            st.booleans(),
            st.just(line.stamps[0].encode()),  # the bytes of a valid stamp
            st.just(line.start),  # a datetime object, not its string
            st.just(line.start.date()),
        )
    )
    stamps: list[Any] = list(line.stamps)
    stamps.insert(draw(st.integers(0, len(stamps))), bad)
    return stamps


# ------------------------------------------------------------ worked examples

CONTRACT_EXAMPLE = [
    "2019-01-01", "2019-01-02", "2019-01-08", "2019-02-01", "2019-02-02", "2019-02-05",
]


@category("worked examples")
def test_contract_example(solution):
    expect_equal(
        solution.weekly_buckets(CONTRACT_EXAMPLE),
        [
            ["2019-01-01", "2019-01-02"],
            ["2019-01-08"],
            ["2019-02-01", "2019-02-02"],
            ["2019-02-05"],
        ],
    )


@category("worked examples")
def test_single_timestamp_is_one_bucket(solution):
    expect_equal(solution.weekly_buckets(["2024-02-29T12:30:00"]), [["2024-02-29T12:30:00"]])


# ------------------------------------------------------------ empty input

@category("empty input")
def test_empty_list_gives_empty_list(solution):
    expect_equal(solution.weekly_buckets([]), [])


# ------------------------------------------------------------ weeks from t0

@category("weeks counted from the first timestamp")
@given(line=timelines())
def test_naive_timeline_buckets(solution, line):
    expect_equal(solution.weekly_buckets(line.stamps), line.buckets)


@category("weeks counted from the first timestamp")
def test_weeks_do_not_restart_at_each_bucket(solution):
    # Jan 15 is 14 days after t0 (week 2) though only 6 days after Jan 9.
    stamps = ["2019-01-01", "2019-01-09", "2019-01-15"]
    expect_equal(solution.weekly_buckets(stamps), [[s] for s in stamps])


@category("weeks counted from the first timestamp")
def test_weeks_are_not_calendar_weeks(solution):
    # Saturday to the next Monday: two calendar weeks, but 2 days from t0.
    stamps = ["2019-01-05", "2019-01-07", "2019-01-11T23:00:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


@category("weeks counted from the first timestamp")
@settings(max_examples=30)
@given(data=st.data())
def test_arbitrary_sorted_instants_match_the_reference(solution, reference, data):
    anywhere = _starts(date(1900, 1, 1), date(2100, 1, 1))
    instants = sorted(data.draw(st.lists(anywhere, max_size=8), label="instants"))
    stamps = [_draw_stamp(data.draw, instant, aware=False) for instant in instants]
    expect_equal(solution.weekly_buckets(stamps), reference.weekly_buckets(stamps))


# ------------------------------------------------------------ 7-day boundary

@category("exact 7-day boundary")
def test_one_microsecond_before_seven_days_is_week_zero(solution):
    stamps = ["2019-01-01T00:00:00", "2019-01-07T23:59:59.999999", "2019-01-08T00:00:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps[:2], stamps[2:]])


@category("exact 7-day boundary")
def test_every_multiple_of_seven_days_opens_a_week(solution):
    stamps = ["2019-01-01", "2019-01-08", "2019-01-15", "2019-01-22", "2019-01-29"]
    expect_equal(solution.weekly_buckets(stamps), [[s] for s in stamps])


@category("exact 7-day boundary")
@given(start=_starts(date(1, 1, 1), date(9999, 12, 1)), data=st.data())
def test_boundary_after_any_number_of_weeks(solution, start, data):
    # Spans up to 8,000 years: a float division of the time difference
    # loses the last microsecond after a century or two.
    weeks = data.draw(st.integers(1, (datetime.max - start) // WEEK), label="weeks")
    instants = [start, start + weeks * WEEK - MICROSECOND, start + weeks * WEEK]
    stamps = [_draw_stamp(data.draw, instant, aware=False) for instant in instants]
    expected = _group(stamps, [0, weeks - 1, weeks])
    expect_equal(solution.weekly_buckets(stamps), expected)


@category("exact 7-day boundary")
def test_boundary_across_the_whole_calendar(solution):
    start = datetime(1, 1, 1)
    weeks = (datetime(9999, 12, 31) - start) // WEEK
    last = start + weeks * WEEK
    stamps = ["0001-01-01", (last - MICROSECOND).isoformat(), last.date().isoformat()]
    expect_equal(solution.weekly_buckets(stamps), [[s] for s in stamps])


# ------------------------------------------------------------ empty weeks

@category("empty weeks left out")
@given(start=_STARTS, gap=st.integers(2, 52), within=_WITHIN_WEEK, data=st.data())
def test_weeks_without_timestamps_are_not_returned(solution, start, gap, within, data):
    instants = [start, start + gap * WEEK + within]
    stamps = [_draw_stamp(data.draw, instant, aware=False) for instant in instants]
    expect_equal(solution.weekly_buckets(stamps), [[stamps[0]], [stamps[1]]])


# ------------------------------------------------------------ equal instants

@category("equal instants")
@given(line=st.booleans().flatmap(lambda aware: timelines(aware=aware, repeats=True)))
def test_repeated_instants_share_a_bucket(solution, line):
    expect_equal(solution.weekly_buckets(line.stamps), line.buckets)


@category("equal instants")
def test_same_instant_in_three_forms(solution):
    stamps = ["2019-01-01", "2019-01-01T00:00:00", "2019-01-01T00:00:00.000000", "2019-01-01"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


@category("equal instants")
def test_same_instant_in_three_zones(solution):
    stamps = ["2019-01-08T02:00:00+02:00", "2019-01-08T00:00:00+00:00", "2019-01-07T19:00:00-05:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


# ------------------------------------------------------------ UTC offsets

@category("UTC offsets compared as instants")
@given(line=timelines(aware=True))
def test_aware_timeline_buckets(solution, line):
    expect_equal(solution.weekly_buckets(line.stamps), line.buckets)


@category("UTC offsets compared as instants")
def test_later_wall_clock_can_be_an_earlier_instant(solution):
    # 01:00 at +02:00 is 23:00 UTC the day before: earlier than 00:00 UTC.
    stamps = ["2019-01-08T01:00:00+02:00", "2019-01-08T00:00:00+00:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


@category("UTC offsets compared as instants")
def test_offsets_decide_the_week(solution):
    # t0 is 2018-12-31T19:00Z; the second is 7d02h later as instants
    # (week 1) but only 6d21h later by wall clock.
    stamps = ["2019-01-01T00:00:00+05:00", "2019-01-07T21:00:00+00:00"]
    expect_equal(solution.weekly_buckets(stamps), [[stamps[0]], [stamps[1]]])
    # 2019-01-07T23:00Z is 6d23h after t0 = 2019-01-01T00:00Z (week 0),
    # though 7d01h later by wall clock.
    stamps = ["2019-01-01T00:00:00+00:00", "2019-01-08T01:00:00+02:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


# ------------------------------------------------------------ out of order

@category("out of order")
@given(stamps=out_of_order_inputs())
def test_an_earlier_instant_after_a_later_one_raises(solution, stamps):
    with expect_raises(ValueError):
        solution.weekly_buckets(stamps)


@category("out of order")
def test_out_of_order_by_instant_though_not_by_text(solution):
    # As text the second sorts after the first; as instants it is an hour earlier.
    with expect_raises(ValueError):
        solution.weekly_buckets(["2019-01-08T00:00:00+00:00", "2019-01-08T01:00:00+02:00"])


@category("out of order")
def test_out_of_order_in_the_middle(solution):
    with expect_raises(ValueError):
        solution.weekly_buckets(["2019-01-01", "2019-01-03", "2019-01-02", "2019-01-04"])


# ------------------------------------------------------------ date alone

@category("date alone means midnight")
@given(day=st.dates(date(1970, 1, 1), date(2100, 1, 1)), days=st.integers(0, 20),
       seconds=st.integers(0, 86399))
def test_date_then_datetime(solution, day, days, seconds):
    # The datetime is `days` days and `seconds` seconds after the date's midnight.
    later = datetime.combine(day, time(0)) + days * DAY + timedelta(seconds=seconds)
    stamps = [day.isoformat(), later.isoformat()]
    expected = _group(stamps, [0, (days * DAY + timedelta(seconds=seconds)) // WEEK])
    expect_equal(solution.weekly_buckets(stamps), expected)


@category("date alone means midnight")
def test_date_is_midnight_not_end_of_day(solution):
    stamps = ["2019-01-01T12:00:00", "2019-01-08", "2019-01-08T11:59:59"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])
    with expect_raises(ValueError):
        solution.weekly_buckets(["2019-01-01T00:00:01", "2019-01-01"])


# ------------------------------------------------------------ strings unchanged

@category("original strings returned unchanged")
def test_naive_forms_are_not_normalised(solution):
    stamps = [
        "2019-01-01",
        "2019-01-01T00:00:00",
        "2019-01-01T00:00:00.000000",
        "2019-01-02T03:04:05.600000",
    ]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


@category("original strings returned unchanged")
def test_offsets_are_not_normalised(solution):
    stamps = [
        "2019-01-01T00:00:00+00:00",
        "2019-01-01T00:00:00-00:00",
        "2019-01-01T05:30:00.000000+05:30",
    ]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


@category("original strings returned unchanged")
def test_input_order_kept_inside_a_week(solution):
    # Equal instants whose text sorts the other way round.
    stamps = ["2019-01-02T09:00:00+09:00", "2019-01-02T00:00:00+00:00", "2019-01-01T19:00:00-05:00"]
    expect_equal(solution.weekly_buckets(stamps), [stamps])


# ------------------------------------------------------------ malformed strings

@category("malformed strings")
@given(stamps=malformed_inputs())
def test_invalid_string_raises_value_error(solution, stamps):
    with expect_raises(ValueError):
        solution.weekly_buckets(stamps)


@category("malformed strings")
def test_each_invalid_string_alone_raises_value_error(solution):
    for stamp in INVALID:
        with expect_raises(ValueError):
            solution.weekly_buckets([stamp])


# ------------------------------------------------------------ naive and aware

@category("naive mixed with aware")
@given(stamps=mixed_inputs())
def test_naive_and_aware_together_raise_value_error(solution, stamps):
    with expect_raises(ValueError):
        solution.weekly_buckets(stamps)


@category("naive mixed with aware")
def test_date_alone_is_naive(solution):
    with expect_raises(ValueError):
        solution.weekly_buckets(["2019-01-01", "2019-01-02T00:00:00+00:00"])
    with expect_raises(ValueError):
        solution.weekly_buckets(["2019-01-01T00:00:00+00:00", "2019-01-01T00:00:00"])


# ------------------------------------------------------------ non-str elements

@category("non-str elements")
@given(stamps=non_str_inputs())
def test_non_str_element_raises_type_error(solution, stamps):
    with expect_raises(TypeError):
        solution.weekly_buckets(stamps)


@category("non-str elements")
def test_int_and_datetime_elements_raise_type_error(solution):
    for bad in (20190101, datetime(2019, 1, 2), None):
        with expect_raises(TypeError):
            solution.weekly_buckets(["2019-01-01", bad])


# ------------------------------------------------------------ large input

# The large inputs are written from tables of each year's days and each day's clock readings:
# the same strings as isoformat() of every instant (tests/problems/test_weekly_buckets_inputs.py),
# in 0.06 s instead of 0.23 s of every run.

def _daily_dates(first_year: int, count: int) -> list[str]:
    """`count` consecutive days from January 1 of `first_year`, as date.isoformat() writes them."""
    days_of = {leap: [f"{month:02d}-{day:02d}" for month in range(1, 13)
                      for day in range(1, calendar.monthrange(2000 if leap else 2001, month)[1] + 1)]
               for leap in (False, True)}
    dates: list[str] = []
    year = first_year
    while len(dates) < count:
        prefix = f"{year:04d}-"  # formatted once a year, not once a day: 0.05 s less per run
        dates += [prefix + day for day in days_of[calendar.isleap(year)]]
        year += 1
    return dates[:count]


def _written_every(step: timedelta, first: datetime, count: int, suffix: str) -> list[str]:
    """first + k * step for k < count, as isoformat() writes them, then `suffix`; `step` divides
    a day, so each day's clock readings are the same strings, made once."""
    assert DAY % step == timedelta(0)
    midnight = datetime.combine(first.date(), time())
    origin = midnight + (first - midnight) % step  # the day's first reading
    clock = [(origin + k * step).time().isoformat() + suffix for k in range(DAY // step)]
    reading, day, stamps = (first - origin) // step, first.date(), []
    while len(stamps) < count:
        prefix = day.isoformat() + "T"
        stamps += [prefix + text for text in clock[reading : reading + count - len(stamps)]]
        reading, day = 0, day + DAY
    return stamps


@kept
def _daily_stamps() -> list[str]:
    """200k days from 1500, every other one with a midnight time."""
    stamps = _daily_dates(1500, LARGE)
    stamps[1::2] = [stamp + "T00:00:00" for stamp in stamps[1::2]]
    return stamps


@kept
def _dense_stamps(start: datetime, step: timedelta, shift: timedelta) -> list[str]:
    """Pairs of equal instants `step` apart from `start`, written at +00:00 and at +05:30 (= shift)."""
    stamps = [""] * LARGE
    stamps[0::2] = _written_every(step, start, LARGE // 2, "+00:00")
    stamps[1::2] = _written_every(step, start + shift, LARGE // 2, "+05:30")
    return stamps


@category("large input: 200 000 days over five centuries")
def test_daily_timestamps_over_five_centuries(solution):
    # 200k days from 1500: about 28,600 non-empty weeks of seven stamps each.
    stamps = _daily_stamps()
    expected = [stamps[i : i + 7] for i in range(0, LARGE, 7)]
    expect_equal(solution.weekly_buckets(stamps), expected)


@category("large input: 200 000 aware instants in a few weeks")
def test_dense_aware_timestamps_in_a_few_weeks(solution):
    # Pairs of equal instants 12 s apart, written at +00:00 and +05:30.
    step = timedelta(seconds=12)
    stamps = _dense_stamps(datetime(2021, 3, 1, 9, 30), step, timedelta(hours=5, minutes=30))
    per_bucket = 2 * (WEEK // step)  # weeks count from the first instant: whole weeks of pairs
    expected = [stamps[i : i + per_bucket] for i in range(0, LARGE, per_bucket)]
    expect_equal(solution.weekly_buckets(stamps), expected)
