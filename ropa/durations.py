"""ISO 8601 durations as calendar periods: parse them, compare them safely, add them to dates.

A legal period such as "seven years" or "one month" is a *calendar* period: its length in days depends on
the date it starts from (Reg. (EEC, Euratom) No 1182/71, Art. 3). :class:`datetime.timedelta` cannot
express that (it turns ``P1M`` into 30 days), so nothing here uses it.

- :func:`parse_duration` splits ``P1Y2M3W4DT5H6M7.5S`` into its seven components.
- :func:`add_to_date` adds a duration to a date the way ISO 8601 / XML Schema do: years and months first,
  clamped to the end of the month (31 January + ``P1M`` = 28 or 29 February), then weeks and days.
- :func:`length_range` gives the shortest and longest length in days a duration can have, over every
  possible start date, and :func:`difference_range` the same for the difference of two durations.
- :func:`at_most`, :func:`at_least`, :func:`longer` and :func:`shorter` compare two durations
  *conservatively*: the answer holds for every start date. ``P30D`` is not :func:`at_most` ``P1M``
  (from 1 February of a common year one month is 28 days), and not :func:`longer` either (from
  1 January one month is 31 days).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

__all__ = [
    "Duration",
    "add_to_date",
    "at_least",
    "at_most",
    "days",
    "difference_range",
    "format_duration",
    "guess_duration",
    "length_range",
    "longer",
    "months",
    "parse_duration",
    "shorter",
]

_PATTERN = re.compile(
    r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$"
)
_SECONDS_PER_DAY = 86_400
_CYCLE_MONTHS = 4_800
"""The Gregorian calendar repeats every 400 years: 4,800 months ..."""
_CYCLE_DAYS = 146_097
"""... of 146,097 days."""


class Duration(NamedTuple):
    """The components of an ISO 8601 duration, as written (``P18M`` stays 18 months)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: Decimal = Decimal(0)

    @property
    def total_months(self) -> int:
        """The calendar part in months: ``12 * years + months``."""
        return 12 * self.years + self.months

    @property
    def fixed_days(self) -> Fraction:
        """The part of fixed length, in days: weeks, days and the time part (``PT36H`` is 1.5 days)."""
        seconds = Fraction(self.seconds) + 60 * self.minutes + 3_600 * self.hours
        return 7 * self.weeks + self.days + seconds / _SECONDS_PER_DAY

    def __str__(self) -> str:
        return format_duration(self)


def parse_duration(text: str) -> Duration:
    """Split an ISO 8601 duration (``P7Y``, ``P1M``, ``P2W``, ``PT12H``, ``P1Y2M10DT2H30M``).

    Only the fraction of the seconds may have decimals (``PT0.5S`` or ``PT0,5S``); signs are not allowed.

    Raises:
        ValueError: ``text`` is not an ISO 8601 duration (``P7``, ``7Y``, ``7 years``, ``P``, ``PT``).
    """
    match = _PATTERN.match(text)
    if match is None:
        raise ValueError(f"'{text}' is not an ISO 8601 duration")
    y, mo, w, d, h, mi, s = match.groups()
    return Duration(
        years=int(y or 0),
        months=int(mo or 0),
        weeks=int(w or 0),
        days=int(d or 0),
        hours=int(h or 0),
        minutes=int(mi or 0),
        seconds=Decimal((s or "0").replace(",", ".")),
    )


def format_duration(duration: Duration) -> str:
    """The ISO 8601 text of ``duration``, components in order, zero components left out (``P0D`` for zero)."""
    date_part = "".join(
        f"{value}{unit}"
        for value, unit in (
            (duration.years, "Y"),
            (duration.months, "M"),
            (duration.weeks, "W"),
            (duration.days, "D"),
        )
        if value
    )
    seconds = format(duration.seconds.normalize(), "f") if duration.seconds else ""
    time_part = "".join(
        f"{value}{unit}"
        for value, unit in ((duration.hours, "H"), (duration.minutes, "M"), (seconds, "S"))
        if value
    )
    if not date_part and not time_part:
        return "P0D"
    return "P" + date_part + ("T" + time_part if time_part else "")


_UNIT_WORDS = {
    "Y": ("y", "yr", "yrs", "year", "years", "j", "jr", "jaar", "jaren"),
    "M": ("month", "months", "mnd", "maand", "maanden"),
    "W": ("w", "wk", "wks", "week", "weeks", "weken"),
    "D": ("d", "day", "days", "dag", "dagen"),
}
_WORD_TO_UNIT = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_NUMBER_AND_WORD = re.compile(r"^(\d+)\s*([a-z]+)\.?$")
_WITHOUT_P = re.compile(r"^(\d+[YMWD])+$")


def guess_duration(text: str) -> str | None:
    """The ISO 8601 form of a period written another way, when it is unambiguous, else ``None``.

    ``7 years``, ``7 jaar``, ``7Y`` and ``p7y`` give ``P7Y``; ``30 dagen`` gives ``P30D``; ``P7`` (which
    unit?) and ``yearly`` give ``None``.
    """
    value = text.strip()
    if _PATTERN.match(value.upper()):
        return value.upper()
    if _WITHOUT_P.match(value.upper()):
        return "P" + value.upper()
    match = _NUMBER_AND_WORD.match(value.lower())
    if match and match.group(2) in _WORD_TO_UNIT:
        return f"P{int(match.group(1))}{_WORD_TO_UNIT[match.group(2)]}"
    return None


def months(count: int) -> Duration:
    """A duration of ``count`` calendar months."""
    return Duration(months=count)


def days(count: int) -> Duration:
    """A duration of ``count`` days."""
    return Duration(days=count)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_to_date(start: dt.date, duration: Duration) -> dt.date:
    """The date ``duration`` after ``start``, with calendar arithmetic.

    Years and months are added first and the day is clamped to the end of the month (31 January + ``P1M``
    is 28 February in a common year, as Reg. 1182/71 Art. 3(2)(c) and XML Schema have it); then weeks and
    days. The time part is added in whole days, rounded down (``PT36H`` adds one day).

    Raises:
        OverflowError: the result is outside the years 1–9999.
    """
    index = start.year * 12 + (start.month - 1) + duration.total_months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{start} + {duration} is outside the years 1-9999")
    shifted = dt.date(year, month, min(start.day, _days_in_month(year, month)))
    ordinal = shifted.toordinal() + int(duration.fixed_days)  # int() rounds a non-negative number down
    if ordinal > dt.date.max.toordinal():
        raise OverflowError(f"{start} + {duration} is outside the years 1-9999")
    return dt.date.fromordinal(ordinal)


@cache
def _cycle() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Month lengths over two 400-year cycles (from a year divisible by 400), and their prefix sums."""
    leap, common = (tuple(_days_in_month(year, month) for month in range(1, 13)) for year in (2000, 2001))
    one = [n for year in range(2000, 2400) for n in (leap if _days_in_month(year, 2) == 29 else common)]
    lengths = (*one, *one)
    return lengths, (0, *accumulate(lengths))


@cache
def _day_effect() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For month lengths (start, a, b), each 28–31: least and greatest ``min(d, a) - min(d, b)`` over the
    days ``d`` from 28 to the end of the start month (the day 1 gives 0 and is handled by the caller),
    indexed by ``16 * (start - 28) + 4 * (a - 28) + (b - 28)``, each with ``0`` folded in."""
    lengths = range(28, 32)
    lows, highs = [], []
    for start in lengths:
        for a in lengths:
            for b in lengths:
                values = [min(d, a) - min(d, b) for d in range(28, start + 1)]
                lows.append(min(0, *values))
                highs.append(max(0, *values))
    return tuple(lows), tuple(highs)


@cache
def _length_codes() -> tuple[list[int], list[int], list[int]]:
    """The month lengths of :func:`_cycle` as parts of the :func:`_day_effect` index: ``16 * (length -
    28)``, ``4 * (length - 28)`` and ``length - 28``."""
    lengths, _ = _cycle()
    return [16 * (n - 28) for n in lengths], [4 * (n - 28) for n in lengths], [n - 28 for n in lengths]


@lru_cache(maxsize=4096)
def _span_difference(months_a: int, months_b: int) -> tuple[int, int]:
    """Least and greatest (span of ``months_a`` months) − (span of ``months_b`` months), over every start.

    The span of *m* months from day *d* of month *i* is the day count from that date to day
    ``min(d, length of month i + m)`` of month *i + m*. The difference of two spans is linear in *d*
    between the month lengths 28–31, so the days 1 and 28–31 are the only starts that need trying; the
    calendar repeats every 4,800 months, so the starts of one cycle are all there is. Computed for the
    whole cycle at once, with list operations (a loop over the months costs about 6 ms per pair).
    """
    _, starts = _cycle()
    first, second, third = _length_codes()
    lows, highs = _day_effect()
    cycle = _CYCLE_MONTHS
    laps_a, shift_a = divmod(months_a, cycle)
    laps_b, shift_b = divmod(months_b, cycle)
    laps = (laps_a - laps_b) * _CYCLE_DAYS
    # base[i] = (start of month i + a) - (start of month i + b), without the whole cycles
    base = [
        x - y
        for x, y in zip(starts[shift_a : shift_a + cycle], starts[shift_b : shift_b + cycle], strict=True)
    ]
    keys = [
        x + y + z
        for x, y, z in zip(
            first[:cycle], second[shift_a : shift_a + cycle], third[shift_b : shift_b + cycle], strict=True
        )
    ]
    least = min([b + lows[k] for b, k in zip(base, keys, strict=True)])
    greatest = max([b + highs[k] for b, k in zip(base, keys, strict=True)])
    return laps + least, laps + greatest


def difference_range(a: Duration, b: Duration) -> tuple[Fraction, Fraction]:
    """The least and greatest value, in days, of ``length(a) − length(b)`` over every common start date.

    ``difference_range(P1M1D, P1M)`` is ``(1, 1)``: one month and a day is exactly a day longer than a
    month, whatever the start date (a bound from :func:`length_range` alone could not tell).
    """
    low, high = _span_difference(a.total_months, b.total_months)
    fixed = a.fixed_days - b.fixed_days
    return Fraction(low) + fixed, Fraction(high) + fixed


def length_range(duration: Duration) -> tuple[Fraction, Fraction]:
    """The shortest and longest length of ``duration`` in days (``P1M``: 28 and 31; ``P1Y``: 365 and 366)."""
    return difference_range(duration, Duration())


def at_most(a: Duration, b: Duration) -> bool:
    """True when ``a`` ends no later than ``b`` from every start date (``P28D`` is at most ``P1M``)."""
    return difference_range(a, b)[1] <= 0


def at_least(a: Duration, b: Duration) -> bool:
    """True when ``a`` ends no earlier than ``b`` from every start date (``P84M`` is at least ``P7Y``)."""
    return difference_range(a, b)[0] >= 0


def longer(a: Duration, b: Duration) -> bool:
    """True when ``a`` is longer than ``b`` from every start date (``P32D`` is longer than ``P1M``)."""
    return difference_range(a, b)[0] > 0


def shorter(a: Duration, b: Duration) -> bool:
    """True when ``a`` is shorter than ``b`` from every start date (``P6Y`` is shorter than ``P7Y``)."""
    return difference_range(a, b)[1] < 0
