"""Parties: processors, recipients in the sense of Art. 4(9), and the authorities that are not recipients.

- A party is a *processor* when it is recorded with ``role: processor`` (Art. 4(8)). A processor that
  determines purposes of its own (``own_purposes``) is a controller for that processing (Art. 28(10)).
- A *recipient* (Art. 4(9)) is anyone to whom an activity discloses data: the parties and categories under
  an activity's ``recipients`` and the importers of its ``transfers``, processors included. Public
  authorities that may receive data in a particular inquiry under Union or Member-State law are not
  recipients: a register records them under ``authority_disclosures``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ropa.models import Activity, Party, PartyRole

__all__ = ["authority_party_ids", "determines_own_purposes", "is_processor", "recipient_party_ids"]


def is_processor(party: Party) -> bool:
    """True for a party recorded as processor (Art. 4(8), 28)."""
    return party.role is PartyRole.PROCESSOR


def determines_own_purposes(party: Party) -> bool:
    """True for a party recorded as processor that uses the data for purposes of its own (Art. 28(10))."""
    return is_processor(party) and bool(party.own_purposes and party.own_purposes.strip())


def recipient_party_ids(activity: Activity) -> Iterator[str]:
    """Ids of the parties the activity discloses data to: its recipients and transfer importers, once each."""
    seen: set[str] = set()
    for recipient in activity.recipients or ():
        if recipient.party is not None and recipient.party not in seen:
            seen.add(recipient.party)
            yield recipient.party
    for transfer in activity.transfers or ():
        if transfer.recipient is not None and transfer.recipient not in seen:
            seen.add(transfer.recipient)
            yield transfer.recipient


def authority_party_ids(activities: Iterable[Activity]) -> set[str]:
    """Ids of the parties named in ``authority_disclosures``: authorities that are not recipients."""
    return {
        disclosure.party
        for activity in activities
        for disclosure in activity.authority_disclosures or ()
        if disclosure.party is not None
    }
