"""Shared helpers of the TRF rules: every transfer of the register, destinations, the adequacy data file.

Not a rule module. The adequacy decisions live in ``ropa/data/adequacy.json`` (volatile legal data, with
its sources, retrieval date and shelf life); :func:`adequacy` parses it once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ropa._data import eea_countries, load_data
from ropa.models import Activity, ProcessingRole, ProcessorActivity, Transfer
from ropa.rules._base import RuleContext

__all__ = [
    "AdequacyData",
    "Decision",
    "TransferSite",
    "add_duration",
    "add_months",
    "adequacy",
    "blank",
    "destination",
    "is_intra_eea",
    "transfers",
]


def blank(text: str | None) -> bool:
    """True for ``None`` or text that is only whitespace."""
    return text is None or not text.strip()


@dataclass(frozen=True, slots=True)
class TransferSite:
    """One transfer and where it is recorded.

    Attributes:
        owner: the activity or processor activity that records it.
        path: JSON Pointer of the transfer below the owner, ``/transfers/<n>``.
        transfer: the transfer.
        exporter_is_processor: True when the organisation exports as a processor (a processor activity,
            or an activity with ``role: processor``); selects the SCC modules 3 and 4.
    """

    owner: Activity | ProcessorActivity
    path: str
    transfer: Transfer
    exporter_is_processor: bool


def transfers(ctx: RuleContext) -> Iterator[TransferSite]:
    """Every transfer of the register: activities first, then processor activities, in register order."""
    for activity in ctx.activities:
        as_processor = activity.role is ProcessingRole.PROCESSOR
        for index, transfer in enumerate(activity.transfers or ()):
            yield TransferSite(activity, f"/transfers/{index}", transfer, as_processor)
    for entry in ctx.processor_activities:
        for index, transfer in enumerate(entry.transfers or ()):
            yield TransferSite(entry, f"/transfers/{index}", transfer, True)


def destination(transfer: Transfer) -> str | None:
    """The international organisation if one is named, else the country, else ``None``."""
    if not blank(transfer.international_organisation):
        return transfer.international_organisation
    return transfer.country


def is_intra_eea(transfer: Transfer) -> bool:
    """True when the destination is an EEA country and no international organisation is named.

    Such a transfer is no Chapter V transfer (TRF-010); the mechanism rules leave it alone.
    """
    return (
        blank(transfer.international_organisation)
        and transfer.country is not None
        and transfer.country in eea_countries()
    )


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
        valid_until: last day the decision applies, when it expires.
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
    valid_until: dt.date | None
    notes: str
    verified: bool

    @property
    def partial(self) -> bool:
        """True for a decision that covers only some importers (US, Canada, Japan, Korea)."""
        return self.scope == "partial"

    def in_force(self, day: dt.date) -> bool:
        """True when the decision applies on ``day``."""
        if self.adopted is not None and day < self.adopted:
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
        if transfer.international_organisation is not None and not blank(transfer.international_organisation):
            return self._by_name.get(_fold(transfer.international_organisation), [])
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
            valid_until=_date(entry.get("valid_until")),
            notes=entry.get("notes") or "",
            verified=bool(entry["verified"]),
        )
        for entry in data["decisions"]
    )
    shelf_life = data["shelf_life"]
    add_duration(dt.date(2000, 1, 1), shelf_life)  # validates the duration
    return AdequacyData(
        name=data["name"],
        version=data["version"],
        retrieved=dt.date.fromisoformat(data["retrieved"]),
        shelf_life=shelf_life,
        decisions=decisions,
    )


@cache
def adequacy() -> AdequacyData:
    """The adequacy decisions shipped with ropa (``ropa/data/adequacy.json``), parsed once."""
    return parse_adequacy(load_data("adequacy"))
