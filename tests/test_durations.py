"""ISO 8601 durations: parsing, calendar arithmetic and conservative comparison."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ropa.durations import (
    Duration,
    add_to_date,
    at_least,
    at_most,
    days,
    difference_range,
    format_duration,
    guess_duration,
    length_range,
    longer,
    months,
    parse_duration,
    shorter,
)
from ropa.models import is_iso_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P7Y", Duration(years=7)),
        ("P1M", Duration(months=1)),
        ("P2W", Duration(weeks=2)),
        ("P30D", Duration(days=30)),
        ("PT12H", Duration(hours=12)),
        ("PT1M", Duration(minutes=1)),
        ("P1Y2M3W4DT5H6M7S", Duration(1, 2, 3, 4, 5, 6, Decimal(7))),
        ("PT0,5S", Duration(seconds=Decimal("0.5"))),
        ("PT1.25S", Duration(seconds=Decimal("1.25"))),
        ("P0D", Duration()),
    ],
)
def test_parse(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["P7", "7Y", "7 years", "P", "PT", "P1YT", "p7y", "P-1Y", "P1.5Y", "P1D2Y", "", " P1Y"]
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 duration"):
        parse_duration(text)


def test_fixed_days_and_months() -> None:
    assert parse_duration("P1Y6M").total_months == 18
    assert parse_duration("P1W2DT36H").fixed_days == Fraction(21, 2)
    assert str(parse_duration("P18M")) == "P18M"  # written form is kept, not normalised


@pytest.mark.parametrize(
    ("start", "text", "end"),
    [
        (dt.date(2027, 1, 31), "P1M", dt.date(2027, 2, 28)),
        (dt.date(2028, 1, 31), "P1M", dt.date(2028, 2, 29)),
        (dt.date(2027, 2, 1), "P1M", dt.date(2027, 3, 1)),
        (dt.date(2027, 2, 1), "P30D", dt.date(2027, 3, 3)),
        (dt.date(2028, 2, 29), "P1Y", dt.date(2029, 2, 28)),
        (dt.date(2026, 12, 31), "P7Y", dt.date(2033, 12, 31)),
        (dt.date(2027, 1, 31), "P1M1D", dt.date(2027, 3, 1)),
        (dt.date(2027, 3, 31), "P1M", dt.date(2027, 4, 30)),
        (dt.date(2027, 1, 1), "PT36H", dt.date(2027, 1, 2)),
        (dt.date(2027, 1, 1), "P2W", dt.date(2027, 1, 15)),
    ],
)
def test_add_to_date(start: dt.date, text: str, end: dt.date) -> None:
    assert add_to_date(start, parse_duration(text)) == end


def test_add_to_date_out_of_range() -> None:
    with pytest.raises(OverflowError):
        add_to_date(dt.date(9999, 6, 1), parse_duration("P1Y"))
    with pytest.raises(OverflowError):
        add_to_date(dt.date(9999, 12, 31), parse_duration("P1D"))


def test_lengths() -> None:
    assert length_range(months(1)) == (28, 31)
    assert length_range(months(2)) == (59, 62)
    assert length_range(parse_duration("P1Y")) == (365, 366)
    # seven years without a 29 February exist: 1 March 1896 to 1 March 1903 (1900 is no leap year)
    assert length_range(parse_duration("P7Y")) == (2555, 2557)
    assert length_range(days(30)) == (30, 30)
    assert length_range(parse_duration("PT12H")) == (Fraction(1, 2), Fraction(1, 2))


def test_thirty_days_against_one_month() -> None:
    p30d, p1m = days(30), months(1)
    # 1 February of a common year: one month is 28 days, so 30 days is longer ...
    assert add_to_date(dt.date(2027, 2, 1), p30d) > add_to_date(dt.date(2027, 2, 1), p1m)
    # ... and from 1 January it is shorter: neither is provable for every request.
    assert add_to_date(dt.date(2027, 1, 1), p30d) < add_to_date(dt.date(2027, 1, 1), p1m)
    assert not at_most(p30d, p1m)
    assert not longer(p30d, p1m)
    assert at_most(days(28), p1m)
    assert longer(days(32), p1m)
    assert longer(days(45), p1m)
    assert not longer(days(31), p1m)  # 1 January + 31 days = 1 February = 1 January + one month
    assert at_most(days(59), months(2))
    assert not at_most(days(60), months(2))


def test_mixed_durations_compare_exactly() -> None:
    a, b = parse_duration("P1M1D"), months(1)
    assert difference_range(a, b) == (1, 1)
    assert longer(a, b)
    assert at_least(parse_duration("P84M"), parse_duration("P7Y"))
    assert at_most(parse_duration("P84M"), parse_duration("P7Y"))
    assert shorter(parse_duration("P6Y"), parse_duration("P7Y"))
    assert not at_least(days(2555), parse_duration("P7Y"))
    assert at_least(days(2557), parse_duration("P7Y"))
    assert not shorter(days(2555), parse_duration("P7Y"))  # equal across a century year without leap day


@pytest.mark.parametrize("text", ["P7Y", "P1M", "P2W", "PT12H", "P1Y2M10DT2H30M", "PT0.5S", "P0D", "P1YT1S"])
def test_format_round_trip(text: str) -> None:
    assert format_duration(parse_duration(text)) == text


_durations = st.builds(
    Duration,
    years=st.integers(0, 30),
    months=st.integers(0, 40),
    weeks=st.integers(0, 10),
    days=st.integers(0, 400),
    hours=st.just(0),  # add_to_date rounds the time part down to whole days: tested above
    minutes=st.just(0),
    seconds=st.just(Decimal(0)),
)
_dates = st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(9000, 12, 31))


@given(_durations)
def test_format_then_parse_is_identity(duration: Duration) -> None:
    text = format_duration(duration)
    assert is_iso_duration(text)
    assert parse_duration(text) == (duration if text != "P0D" else Duration())


@given(_durations, _durations, _dates)
def test_comparisons_hold_for_every_start_date(a: Duration, b: Duration, start: dt.date) -> None:
    end_a, end_b = add_to_date(start, a), add_to_date(start, b)
    low, high = difference_range(a, b)
    assert low <= end_a.toordinal() - end_b.toordinal() <= high
    if at_most(a, b):
        assert end_a <= end_b
    if at_least(a, b):
        assert end_a >= end_b
    if longer(a, b):
        assert end_a > end_b
    if shorter(a, b):
        assert end_a < end_b
    shortest, longest = length_range(a)
    assert shortest <= end_a.toordinal() - start.toordinal() <= longest


@given(st.integers(0, 30), _dates)
def test_month_end_is_clamped(count: int, start: dt.date) -> None:
    end = add_to_date(start, months(count))
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == count
    assert end.day == min(start.day, calendar.monthrange(end.year, end.month)[1])


@pytest.mark.parametrize("text", ["P1M", "P2M", "P1Y", "P13M", "P1M1D"])
def test_length_bounds_are_attained(text: str) -> None:
    duration = parse_duration(text)
    start = dt.date(2095, 1, 1)  # eight years around 2100, a century year without 29 February
    seen = set()
    while start.year < 2103:
        seen.add(add_to_date(start, duration).toordinal() - start.toordinal())
        start = dt.date.fromordinal(start.toordinal() + 1)
    assert (min(seen), max(seen)) == length_range(duration)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 years", "P7Y"),
        ("7 jaar", "P7Y"),
        ("7Y", "P7Y"),
        ("p7y", "P7Y"),
        (" P1M ", "P1M"),
        ("30 dagen", "P30D"),
        ("30 days", "P30D"),
        ("6 maanden", "P6M"),
        ("1 month", "P1M"),
        ("2 weeks", "P2W"),
        ("1Y6M", "P1Y6M"),
        ("P7", None),
        ("yearly", None),
        ("7 lightyears", None),
        ("", None),
    ],
)
def test_guess_duration(text: str, expected: str | None) -> None:
    assert guess_duration(text) == expected
