"""Shared helpers of the TRF rules: every transfer of the register, destinations, the adequacy data file.

Not a rule module. What the law says about places (the EEA, third countries over time, the adequacy
decisions of ``ropa/data/adequacy.json``) is :mod:`ropa.law`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ropa.law import is_eea, is_third_country
from ropa.models import Activity, ProcessingRole, ProcessorActivity, Transfer
from ropa.rules._base import RuleContext

__all__ = ["TransferSite", "blank", "destination", "is_intra_eea", "no_chapter_v_transfer", "transfers"]


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
    """True when the destination is an EEA country and no international organisation is named."""
    return blank(transfer.international_organisation) and is_eea(transfer.country)


def no_chapter_v_transfer(transfer: Transfer, day: dt.date) -> bool:
    """True when, on ``day``, the transfer is no Chapter V transfer: its destination is a country (no
    international organisation) inside the EEA, or one EU law did not treat as a third country then
    (TRF-010's). The mechanism rules leave such entries alone."""
    if not blank(transfer.international_organisation) or transfer.country is None:
        return False
    return not is_third_country(transfer.country, day)
