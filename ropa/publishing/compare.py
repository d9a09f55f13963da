"""Comparing what a privacy notice states with the register, both ways (RGT-005).

A notice's statement about an activity (:class:`~ropa.models.NoticeStatement`: the recipients, the third
countries and the retention periods it names) is compared with the activity:

- recipients: a party the notice names that is not among the activity's ``recipients``, and a recipient
  the notice does not name (internal departments excepted);
- transfers: a third country the notice names that no transfer goes to, and a transfer to a country
  outside the EEA the notice does not name;
- retention: a period the notice states that no retention rule has, and a rule's ``duration`` the notice
  does not state. Periods are compared as calendar periods (``P12M`` equals ``P1Y``); a period in the
  notice that is not an ISO 8601 duration cannot be compared and is reported as such.

A side is compared only when both the notice and the register state it (``None`` is "not stated").
This module imports no optional dependency.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from ropa._data import eea_countries
from ropa.durations import Duration, difference_range, parse_duration
from ropa.models import Activity, NoticeStatement, Party, PartyRole, Register, is_iso_duration

__all__ = ["NoticeDiscrepancy", "compare_activity", "compare_notice"]

Aspect = Literal["recipients", "transfers", "retention"]
Side = Literal["notice", "register", "unreadable"]


@dataclass(frozen=True)
class NoticeDiscrepancy:
    """One disagreement between a privacy notice and the register."""

    activity: str
    """The activity's id."""
    aspect: Aspect
    """What disagrees: ``recipients``, ``transfers`` or ``retention``."""
    side: Side
    """``notice``: only the notice states it; ``register``: only the register does; ``unreadable``: the
    notice's value cannot be compared (a retention period that is not an ISO 8601 duration)."""
    value: str
    """The party id, country code or ISO 8601 duration concerned."""
    path: str
    """JSON Pointer below the activity: ``/notice/recipients/0`` (the notice's value) or
    ``/recipients/2`` (the register's)."""

    @property
    def problem(self) -> str:
        """The disagreement in one English sentence."""
        if self.aspect == "recipients":
            if self.side == "notice":
                return f"the notice names recipient '{self.value}', the register does not"
            return f"the register lists recipient '{self.value}', the notice does not"
        if self.aspect == "transfers":
            if self.side == "notice":
                return f"the notice names a transfer to {self.value}, the register does not"
            return f"the register lists a transfer to {self.value}, the notice does not"
        if self.side == "unreadable":
            return f"the notice's retention '{self.value}' is not an ISO 8601 duration and cannot be compared"
        if self.side == "notice":
            return f"the notice states retention {self.value}, no retention rule does"
        return f"the register keeps data for {self.value}, the notice does not say so"


def _same(a: Duration, b: Duration) -> bool:
    low, high = difference_range(a, b)
    return low == 0 and high == 0


def _recipients(
    activity: Activity, notice: NoticeStatement, parties: Mapping[str, Party]
) -> Iterator[NoticeDiscrepancy]:
    if notice.recipients is None or activity.recipients is None:
        return
    registered = {r.party for r in activity.recipients if r.party is not None}
    for index, party in enumerate(notice.recipients):
        if party not in registered:
            yield NoticeDiscrepancy(activity.id, "recipients", "notice", party, f"/notice/recipients/{index}")
    named = set(notice.recipients)
    for index, recipient in enumerate(activity.recipients):
        party_id = recipient.party
        if party_id is None:  # a recipient described by category only: the notice cannot name it by id
            continue
        defined = parties.get(party_id)
        if party_id in named or (defined is not None and defined.role is PartyRole.INTERNAL):
            continue
        yield NoticeDiscrepancy(activity.id, "recipients", "register", party_id, f"/recipients/{index}")


def _transfers(activity: Activity, notice: NoticeStatement) -> Iterator[NoticeDiscrepancy]:
    if notice.transfer_countries is None or activity.transfers is None:
        return
    eea = eea_countries()
    first: dict[str, int] = {}
    for index, transfer in enumerate(activity.transfers):
        if transfer.country and transfer.country not in eea:
            first.setdefault(transfer.country, index)
    for index, country in enumerate(notice.transfer_countries):
        if country not in first:
            path = f"/notice/transfer_countries/{index}"
            yield NoticeDiscrepancy(activity.id, "transfers", "notice", country, path)
    named = set(notice.transfer_countries)
    for country, index in first.items():
        if country not in named:
            yield NoticeDiscrepancy(activity.id, "transfers", "register", country, f"/transfers/{index}")


def _retention(activity: Activity, notice: NoticeStatement) -> Iterator[NoticeDiscrepancy]:
    if notice.retention is None or activity.retention is None:
        return
    registered = [
        (index, rule.duration, parse_duration(rule.duration))
        for index, rule in enumerate(activity.retention)
        if rule.duration is not None and is_iso_duration(rule.duration)
    ]
    stated: list[Duration] = []
    for index, value in enumerate(notice.retention):
        path = f"/notice/retention/{index}"
        if not is_iso_duration(value):
            yield NoticeDiscrepancy(activity.id, "retention", "unreadable", value, path)
            continue
        duration = parse_duration(value)
        stated.append(duration)
        if not any(_same(duration, other) for _, _, other in registered):
            yield NoticeDiscrepancy(activity.id, "retention", "notice", value, path)
    for index, _text, duration in registered:
        if not any(_same(duration, other) for other in stated):
            path = f"/retention/{index}/duration"
            yield NoticeDiscrepancy(activity.id, "retention", "register", str(duration), path)


def compare_activity(
    activity: Activity, notice: NoticeStatement, parties: Mapping[str, Party]
) -> list[NoticeDiscrepancy]:
    """Where ``notice`` (a statement about ``activity``) and the register disagree, in the order
    recipients, transfers, retention. ``parties`` are the register's parties by id."""
    return [
        *_recipients(activity, notice, parties),
        *_transfers(activity, notice),
        *_retention(activity, notice),
    ]


def compare_notice(
    register: Register, statements: Mapping[str, NoticeStatement] | None = None
) -> list[NoticeDiscrepancy]:
    """Where a privacy notice and the register disagree, both ways, for every activity.

    Args:
        register: the register.
        statements: what the published notice states, by activity id (for example read from the
            published notice, or made by :func:`ropa.notice_statements`); by default each activity's own
            ``notice`` field. Activities without a statement are not compared; a statement for an id
            that is no activity is ignored.
    """
    parties = {p.id: p for p in register.parties or ()}
    out: list[NoticeDiscrepancy] = []
    for activity in register.activities or ():
        notice = activity.notice if statements is None else statements.get(activity.id)
        if notice is not None:
            out.extend(compare_activity(activity, notice, parties))
    return out
