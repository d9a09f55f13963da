"""Shared helpers of the REC and PRC rules: which parties the register refers to, and from where.

Not a rule module. A party is *used* when an activity names it as a recipient or transfer importer, a
processor activity names it as importer or sub-processor, or another party lists it as sub-processor.
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.law import authority_party_ids
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import RuleContext

__all__ = ["PartyRef", "party_refs", "references_incomplete", "suggestion", "used_party_ids"]

PartyRef = tuple[str, str, str]
"""``(party id, JSON Pointer of the reference below its entity, what the party is there)``: ``recipient``,
``transfer importer`` or ``authority``."""

_REFERRING_KINDS = ("activities", "processor_activities", "parties")


def party_refs(entity: Activity | ProcessorActivity) -> Iterator[PartyRef]:
    """The party references of an activity or processor activity other than sub-processors: recipients and
    authorities (activities only) and transfer importers, in document order."""
    if isinstance(entity, Activity):
        for index, recipient in enumerate(entity.recipients or ()):
            if recipient.party is not None:
                yield recipient.party, f"/recipients/{index}/party", "recipient"
    for index, transfer in enumerate(entity.transfers or ()):
        if transfer.recipient is not None:
            yield transfer.recipient, f"/transfers/{index}/recipient", "transfer importer"
    if isinstance(entity, Activity):
        for index, disclosure in enumerate(entity.authority_disclosures or ()):
            if disclosure.party is not None:
                yield disclosure.party, f"/authority_disclosures/{index}/party", "authority"


def used_party_ids(ctx: RuleContext) -> set[str]:
    """Ids of every party the register refers to (self-references of a party do not count): recipients,
    transfer importers, sub-processors and the authorities of ``authority_disclosures``.

    A reference that misses a party only by case (``Mollie`` for ``mollie``) counts as a use of that
    party: the wrong reference is reported (REC-001, PRC-005), the party is not reported as unused too.
    """
    used = set(ctx.activities_by_party) | authority_party_ids(ctx.activities)
    for entry in ctx.processor_activities:
        used.update(ident for ident, _, _ in party_refs(entry))
        used.update(entry.sub_processors or ())
    for party in ctx.parties:
        used.update(ident for ident in party.sub_processors or () if ident != party.id)
    defined = ctx.party_by_id
    undefined = [ident for ident in used if ident not in defined]
    if undefined:
        folded = {ident.casefold(): ident for ident in defined}
        used.update(folded[f] for f in (ident.casefold() for ident in undefined) if f in folded)
    return used


def references_incomplete(ctx: RuleContext) -> bool:
    """True when an activity, processor activity or party failed to load, or a file that did not load may
    hold one: its references are unknown, so no party can be called unused."""
    return any(kind in _REFERRING_KINDS for kind, _ in ctx.broken) or ctx.may_be_unloaded(*_REFERRING_KINDS)


def suggestion(ident: str, folded: dict[str, str]) -> str:
    """``"Did you mean 'Mollie'? "`` when ``ident`` matches a party id but for case, else ``""``.

    ``folded`` maps ``casefold()``-ed ids to ids; build it once per check.
    """
    match = folded.get(ident.casefold())
    return f"Did you mean '{match}'? " if match is not None and match != ident else ""
