"""Places and transfer law: the EEA, third countries over time, and the Commission's adequacy decisions.

A country is a *third country* on a given day when it is not in the EEA (``ropa/data/countries.json``) and
no period of the adequacy data file (``ropa/data/adequacy.json``, key ``not_a_third_country``) treats it
as one on that day: the United Kingdom was an EU member state, then under EU law in the transition period
until 31 December 2020, and under the bridge of Art. FINPROV.10A of the EU-UK Trade and Cooperation
Agreement until its adequacy decision of 28 June 2021. An adequacy decision applies from its start date
(``applies_from``, else the date of adoption) to its end (``valid_until``), so a register checked as of an
earlier day is judged by the law of that day (``--today``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ropa._data import eea_countries, load_data
from ropa.models import Transfer

__all__ = [
    "AdequacyData",
    "Decision",
    "NotThirdCountry",
    "add_duration",
    "add_months",
    "adequacy",
    "is_eea",
    "is_third_country",
    "not_a_third_country",
    "parse_adequacy",
]


def is_eea(country: str | None) -> bool:
    """True for a member of the European Economic Area (the EU-27, Iceland, Liechtenstein, Norway)."""
    return country is not None and country in eea_countries()


def is_third_country(country: str | None, day: dt.date) -> bool:
    """True when ``country`` is a third country for Chapter V GDPR on ``day``; ``False`` for the EEA, for
    a period in which EU law treated a country as no third country, and for an unknown country."""
    if country is None or is_eea(country):
        return False
    return not_a_third_country(country, day) is None


def not_a_third_country(country: str, day: dt.date) -> NotThirdCountry | None:
    """The period of the data file in which ``country`` (outside the EEA) was no third country on ``day``."""
    for period in adequacy().not_third_country:
        if period.country == country and period.covers(day):
            return period
    return None


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


# --- dates -------------------------------------------------------------------------------------------

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (negative to go back); the day is clamped to the month."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: dt.date, duration: str) -> dt.date:
    """``day`` plus an ISO 8601 date duration such as ``P6M``, ``P1Y`` or ``P2W``.

    Raises:
        ValueError: ``duration`` has a time part or is not an ISO 8601 duration.
    """
    match = _DURATION.match(duration)
    if match is None or duration == "P":
        raise ValueError(f"not an ISO 8601 date duration: {duration!r}")
    years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
    return add_months(day, years * 12 + months) + dt.timedelta(weeks=weeks, days=days)


# --- adequacy ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotThirdCountry:
    """A period in which EU law treated a country outside the EEA as no third country.

    Attributes:
        country: ISO 3166-1 alpha-2 code.
        start: first day, or ``None`` for "since ever".
        end: last day.
        reason: why, with the instrument.
    """

    country: str
    start: dt.date | None
    end: dt.date
    reason: str

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls in the period."""
        return (self.start is None or self.start <= day) and day <= self.end


@dataclass(frozen=True, slots=True)
class Decision:
    """One adequacy decision of the data file.

    Attributes:
        country: ISO 3166-1 alpha-2 code, or ``None`` for an international organisation.
        organisation: name of the international organisation, or ``None`` for a country.
        aliases: other names of the organisation.
        scope: ``full``, or ``partial`` when only some importers are covered.
        scope_key: for a partial decision, what the importer must fall under: ``DPF``, ``PIPEDA``, ...
        decision: the Commission decision.
        adopted: date of adoption, when known.
        applies_from: first day the decision applies, when it differs from the adoption date.
        valid_until: last day the decision applies, when it expired or expires.
        notes: what else to know.
        verified: False when a point of the entry was not checked against the decision itself.
    """

    country: str | None
    organisation: str | None
    aliases: tuple[str, ...]
    scope: str
    scope_key: str | None
    decision: str
    adopted: dt.date | None
    applies_from: dt.date | None
    valid_until: dt.date | None
    notes: str
    verified: bool

    @property
    def start(self) -> dt.date | None:
        """The first day the decision applies: ``applies_from``, else the date of adoption."""
        return self.applies_from or self.adopted

    @property
    def partial(self) -> bool:
        """True for a decision that covers only some importers (US, Canada, Japan, Korea)."""
        return self.scope == "partial"

    def in_force(self, day: dt.date) -> bool:
        """True when the decision applies on ``day``."""
        if self.start is not None and day < self.start:
            return False
        return self.valid_until is None or day <= self.valid_until


@dataclass
class AdequacyData:
    """The parsed adequacy data file, with its decisions indexed by country and organisation name."""

    name: str
    version: str
    retrieved: dt.date
    shelf_life: str
    decisions: tuple[Decision, ...]
    not_third_country: tuple[NotThirdCountry, ...] = ()
    _by_country: dict[str, list[Decision]] = field(init=False, repr=False)
    _by_name: dict[str, list[Decision]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_country = {}
        self._by_name = {}
        for decision in self.decisions:
            if decision.country is not None:
                self._by_country.setdefault(decision.country, []).append(decision)
            for name in (decision.organisation, *decision.aliases):
                if name:
                    self._by_name.setdefault(_fold(name), []).append(decision)

    def candidates(self, transfer: Transfer) -> list[Decision]:
        """Every decision of the file for the transfer's destination, in force or not."""
        if not _blank(transfer.international_organisation):
            return self._by_name.get(_fold(transfer.international_organisation or ""), [])
        if transfer.country is None:
            return []
        return self._by_country.get(transfer.country, [])

    def decision_for(self, transfer: Transfer, day: dt.date) -> Decision | None:
        """The decision that covers the transfer's destination on ``day``, if any."""
        for decision in self.candidates(transfer):
            if decision.in_force(day):
                return decision
        return None

    def expires(self, max_age_months: int | None = None) -> dt.date:
        """The last day the file is considered current: retrieval plus its shelf life, or plus
        ``max_age_months`` when that option is set."""
        if max_age_months is not None:
            return add_months(self.retrieved, max_age_months)
        return add_duration(self.retrieved, self.shelf_life)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def parse_adequacy(data: dict[str, Any]) -> AdequacyData:
    """Build :class:`AdequacyData` from the JSON of the data file.

    Raises:
        KeyError, ValueError: the file lacks a key or holds a malformed date or duration.
    """
    decisions = tuple(
        Decision(
            country=entry.get("country"),
            organisation=entry.get("organisation"),
            aliases=tuple(entry.get("aliases") or ()),
            scope=entry["scope"],
            scope_key=entry.get("scope_key"),
            decision=entry["decision"],
            adopted=_date(entry.get("adopted")),
            applies_from=_date(entry.get("applies_from")),
            valid_until=_date(entry.get("valid_until")),
            notes=entry.get("notes") or "",
            verified=bool(entry["verified"]),
        )
        for entry in data["decisions"]
    )
    periods = tuple(
        NotThirdCountry(
            country=entry["country"],
            start=_date(entry.get("from")),
            end=dt.date.fromisoformat(entry["until"]),
            reason=entry["reason"],
        )
        for entry in data.get("not_a_third_country", ())
    )
    shelf_life = data["shelf_life"]
    add_duration(dt.date(2000, 1, 1), shelf_life)  # validates the duration
    return AdequacyData(
        name=data["name"],
        version=data["version"],
        retrieved=dt.date.fromisoformat(data["retrieved"]),
        shelf_life=shelf_life,
        decisions=decisions,
        not_third_country=periods,
    )


@cache
def adequacy() -> AdequacyData:
    """The adequacy decisions shipped with ropa (``ropa/data/adequacy.json``), parsed once."""
    return parse_adequacy(load_data("adequacy"))
