"""Parties: processors, recipients in the sense of Art. 4(9), and the authorities that are not recipients.

- A party is a *processor* when it is recorded with ``role: processor`` (Art. 4(8)). A processor that
  determines purposes of its own (``own_purposes``) is a controller for that processing (Art. 28(10)).
- The data of an activity also reach the *sub-processors* of its recipients, at any depth (Art. 28(2),
  (4)), and the parties that run the systems it names (``systems``, ``storage_location``: a system whose
  text names a party by its id or its name). A sub-processor or system provider in a third country
  receives the data by an (onward) transfer that the record must show (Art. 30(1)(e), 44).
- A *recipient* (Art. 4(9)) is anyone to whom an activity discloses data: the parties and categories under
  an activity's ``recipients`` and the importers of its ``transfers``, processors included. Public
  authorities that may receive data in a particular inquiry under Union or Member-State law are not
  recipients: a register records them under ``authority_disclosures``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ropa.law.places import is_third_country
from ropa.models import Activity, Party, PartyRole, ProcessorActivity

__all__ = [
    "AbroadLink",
    "authority_party_ids",
    "determines_own_purposes",
    "indirect_third_country_links",
    "is_processor",
    "named_parties",
    "recipient_party_ids",
]


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


@dataclass(frozen=True, slots=True)
class AbroadLink:
    """A party in a third country that an entry's data reach other than as a direct recipient.

    Attributes:
        party: the party.
        above: the party it is a sub-processor of, or ``None`` (a party that runs a system, or a processor
            activity's own sub-processor).
        system: the text of the system or storage location that leads to it, or ``None``.
    """

    party: Party
    above: Party | None = None
    system: str | None = None


@lru_cache(maxsize=4096)
def _name_pattern(ident: str, name: str) -> re.Pattern[str]:
    names = [re.escape(ident)]
    if name.strip():
        names.append(r"\s+".join(re.escape(word) for word in name.split()))
    return re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)", re.IGNORECASE)


def named_parties(text: str, parties: Iterable[Party]) -> Iterator[Party]:
    """The parties that ``text`` (a system or a storage location) names by their id or their full name."""
    for party in parties:
        if _name_pattern(party.id, party.name or "").search(text):
            yield party


def _sub_processors(start: Iterable[str], parties: Mapping[str, Party]) -> Iterator[tuple[Party, Party]]:
    """``(sub-processor, the party it works for)`` below the parties ``start``, at any depth, once each."""
    seen: set[str] = set()
    queue = [parties[i] for i in start if i in parties]
    while queue:
        party = queue.pop(0)
        for sub_id in party.sub_processors or ():
            sub = parties.get(sub_id)
            if sub is None or sub.id in seen:
                continue
            seen.add(sub.id)
            yield sub, party
            queue.append(sub)


def indirect_third_country_links(
    entry: Activity | ProcessorActivity, parties: Mapping[str, Party], day: dt.date
) -> list[AbroadLink]:
    """The parties in a third country on ``day`` that the entry's data reach other than as its direct
    recipients: sub-processors of its recipients (or, in the processor's record, its own sub-processors),
    parties named by its ``systems`` or ``storage_location``, and their sub-processors. Direct recipients
    in a third country are REC-004's and are not listed."""
    out: dict[str, AbroadLink] = {}

    def add(link: AbroadLink) -> None:
        if link.party.id not in out and is_third_country(link.party.country, day):
            out[link.party.id] = link

    if isinstance(entry, Activity):
        direct = [r.party for r in entry.recipients or () if r.party is not None]
        for sub, above in _sub_processors(direct, parties):
            add(AbroadLink(sub, above))
        texts = [*(entry.systems or ()), *([entry.storage_location] if entry.storage_location else ())]
        for text in texts:
            for party in named_parties(text, parties.values()):
                add(AbroadLink(party, system=text))
                for sub, above in _sub_processors([party.id], parties):
                    add(AbroadLink(sub, above, text))
    else:
        own = [p for p in entry.sub_processors or () if p in parties]
        for party_id in own:
            add(AbroadLink(parties[party_id]))
        for sub, above in _sub_processors(own, parties):
            add(AbroadLink(sub, above))
    return list(out.values())
