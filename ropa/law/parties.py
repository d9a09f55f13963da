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

from ropa.law.places import is_third_country
from ropa.models import Activity, Party, PartyRole, ProcessorActivity

__all__ = [
    "AbroadLink",
    "PartyIndex",
    "authority_party_ids",
    "determines_own_purposes",
    "indirect_third_country_links",
    "is_processor",
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


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class PartyIndex:
    """The parties of a register, indexed once for the questions asked of every activity: which parties a
    text names (one expression for all ids and names) and which sub-processors lie below a party."""

    def __init__(self, parties: Iterable[Party]) -> None:
        self.by_id: dict[str, Party] = {}
        self._by_key: dict[str, list[Party]] = {}
        for party in parties:
            self.by_id.setdefault(party.id, party)
            for name in {party.id, party.name or ""}:
                if name.strip():
                    self._by_key.setdefault(_key(name), []).append(party)
        names = sorted(self._by_key, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE) if names else None
        )
        self._named: dict[str, tuple[Party, ...]] = {}
        self._below: dict[str, tuple[tuple[Party, Party], ...]] = {}
        self._abroad: dict[tuple[str, dt.date], tuple[tuple[Party, Party], ...]] = {}

    def named(self, text: str) -> tuple[Party, ...]:
        """The parties that ``text`` (a system or a storage location) names by their id or full name."""
        found = self._named.get(text)
        if found is None:
            seen: dict[str, Party] = {}
            if self._pattern is not None:
                for match in self._pattern.finditer(text):
                    for party in self._by_key.get(_key(match.group(0)), ()):
                        seen.setdefault(party.id, party)
            found = self._named[text] = tuple(seen.values())
        return found

    def below(self, party_id: str) -> tuple[tuple[Party, Party], ...]:
        """``(sub-processor, the party it works for)`` below ``party_id``, at any depth, once each."""
        found = self._below.get(party_id)
        if found is None:
            found = self._below[party_id] = tuple(_sub_processors([party_id], self.by_id))
        return found

    def abroad_below(self, party_id: str, day: dt.date) -> tuple[tuple[Party, Party], ...]:
        """The pairs of :meth:`below` whose sub-processor is in a third country on ``day``."""
        key = (party_id, day)
        found = self._abroad.get(key)
        if found is None:
            pairs = self.below(party_id)
            found = self._abroad[key] = tuple(p for p in pairs if is_third_country(p[0].country, day))
        return found


def _sub_processors(start: Iterable[str], parties: Mapping[str, Party]) -> Iterator[tuple[Party, Party]]:
    """``(sub-processor, the party it works for)`` below the parties ``start``, at any depth, once each."""
    queue = [parties[i] for i in start if i in parties]
    seen = {party.id for party in queue}
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
    entry: Activity | ProcessorActivity, parties: PartyIndex, day: dt.date
) -> list[AbroadLink]:
    """The parties in a third country on ``day`` that the entry's data reach other than as its direct
    recipients: sub-processors of its recipients (or, in the processor's record, its own sub-processors),
    parties named by its ``systems`` or ``storage_location``, and their sub-processors. Direct recipients
    in a third country are REC-004's and are not listed."""
    out: dict[str, AbroadLink] = {}

    def add(party: Party, above: Party | None = None, system: str | None = None) -> None:
        if party.id not in out and is_third_country(party.country, day):
            out[party.id] = AbroadLink(party, above, system)

    def add_below(party_id: str, system: str | None = None) -> None:
        for sub, above in parties.abroad_below(party_id, day):
            if sub.id not in out:
                out[sub.id] = AbroadLink(sub, above, system)

    if isinstance(entry, Activity):
        for party_id in dict.fromkeys(r.party for r in entry.recipients or () if r.party is not None):
            add_below(party_id)
        texts = [*(entry.systems or ()), *([entry.storage_location] if entry.storage_location else ())]
        for text in texts:
            for party in parties.named(text):
                add(party, system=text)
                add_below(party.id, text)
    else:
        for party_id in dict.fromkeys(p for p in entry.sub_processors or () if p in parties.by_id):
            add(parties.by_id[party_id])
            add_below(party_id)
    return list(out.values())
