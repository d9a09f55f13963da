"""Art. 12(3) deadline arithmetic shared by RGT-001 and RGT-002."""

from __future__ import annotations

import datetime as dt

from ropa.durations import Duration, add_to_date, guess_duration

__all__ = ["counterexample", "invalid_hint", "long_date"]

_SAMPLE_YEARS = (2027, 2028)
"""A common year and a leap year: every month length occurs."""


def long_date(day: dt.date) -> str:
    """``1 February 2027``."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def counterexample(duration: Duration, limit: Duration) -> tuple[dt.date, dt.date, dt.date] | None:
    """A receipt date from which ``duration`` ends after ``limit``, with both end dates.

    The first days of the months are tried first (1 February makes the clearest example), then every day
    of a common and a leap year. ``None`` when ``duration`` never ends later.
    """
    firsts = [dt.date(y, m, 1) for y in _SAMPLE_YEARS for m in range(1, 13)]
    first_ordinal = dt.date(_SAMPLE_YEARS[0], 1, 1).toordinal()
    last_ordinal = dt.date(_SAMPLE_YEARS[-1], 12, 31).toordinal()
    others = (dt.date.fromordinal(n) for n in range(first_ordinal, last_ordinal + 1))
    for start in (*firsts, *others):
        end, allowed = add_to_date(start, duration), add_to_date(start, limit)
        if end > allowed:
            return start, end, allowed
    return None


def invalid_hint(value: str, example: str) -> str:
    """How to write ``value`` as an ISO 8601 duration."""
    guess = guess_duration(value)
    if guess:
        return f"Write it as an ISO 8601 duration: '{guess}'."
    return f"Write it as an ISO 8601 duration, e.g. '{example}'."
