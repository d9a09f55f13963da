"""PRC-005 processor-list-mismatch: a sub-processor is not on the parties list, or a processor is unused.

## What it does
Compares the register's processors (``parties`` with ``role: processor``) with the references to them:

- a ``sub_processors`` entry, of a party or of a processor activity, that is not a defined party;
- a ``sub_processors`` entry whose party has a role other than ``processor``;
- a processor that nothing refers to: no activity names it as recipient or transfer importer, no
  processor activity as importer or sub-processor, and no party as sub-processor. This part is skipped
  while an activity, processor activity or party failed to load.

Each id is reported once per entity. Unknown recipients of activities are REC-001's; unused parties that
are not processors are REC-003's.

## Why is this bad?
The Belgian and Dutch authorities advise keeping a list of processors beside the record: it is where the
Art. 28 contracts (PRC-001) and sub-processor chains (Art. 28(2), (4)) are checked. A sub-processor that
is not on the list escapes those checks; a processor that no activity uses is either left over, or
hides an activity that does not name its recipients (Art. 30(1)(d)).

## Example
```yaml
parties:
  - id: webshop-platform
    name: Shop Platform B.V.
    role: processor
    agreement:
      reference: DPA Shop Platform
    sub_processors:
      - cloud-host
activities:
  - id: orders
    name: Order handling
    recipients:
      - webshop-platform
```

## Use instead
```yaml
parties:
  - id: webshop-platform
    name: Shop Platform B.V.
    role: processor
    agreement:
      reference: DPA Shop Platform
    sub_processors:
      - cloud-host
  - id: cloud-host
    name: Cloud Host GmbH
    role: processor
activities:
  - id: orders
    name: Order handling
    recipients:
      - webshop-platform
```

## References
- Art. 28(2), 30(1)(d) GDPR
- GBA (Belgium), "Wat moet er in het register staan?": keep a list of your processors
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Party, PartyRole, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.rec._refs import references_incomplete, suggestion, used_party_ids


def _sub_processor_findings(
    ctx: RuleContext, entity: Party | ProcessorActivity, folded: dict[str, str]
) -> Iterator[Finding]:
    parties = ctx.party_by_id
    seen: set[str] = set()
    for index, ident in enumerate(entity.sub_processors or ()):
        if ident in seen or (isinstance(entity, Party) and ident == entity.id):
            continue
        seen.add(ident)
        party = parties.get(ident)
        path = f"/sub_processors/{index}"
        if party is None:
            if not ctx.undefined("parties", ident, entity, path):
                continue
            yield ctx.finding(
                entity,
                path,
                problem=f"sub-processor '{ident}' is not a defined party",
                fix=f"{suggestion(ident, folded)}Define '{ident}' under 'parties:' with 'role: processor'.",
            )
        elif party.role is not None and party.role is not PartyRole.PROCESSOR:
            yield ctx.finding(
                entity,
                path,
                problem=f"sub-processor '{ident}' is recorded as {party.role.value}, not as processor",
                fix=f"Correct the role of '{ident}', or remove it from 'sub_processors:'.",
            )


def check(ctx: RuleContext) -> Iterator[Finding]:
    folded = {ident.casefold(): ident for ident in ctx.party_by_id}
    for party in ctx.parties:
        yield from _sub_processor_findings(ctx, party, folded)
    for entry in ctx.processor_activities:
        yield from _sub_processor_findings(ctx, entry, folded)
    if references_incomplete(ctx):
        return
    used = used_party_ids(ctx)
    for party in ctx.parties:
        if party.role is PartyRole.PROCESSOR and party.id not in used:
            yield ctx.finding(
                party,
                problem="processor is used by no activity, processor activity or sub-processor list",
                fix="Add it to the 'recipients:' of the activities it processes data for, or remove it.",
            )


RULE = Rule(
    code="PRC-005",
    name="processor-list-mismatch",
    summary="A sub-processor is not a defined processor, or a processor is referenced by no activity.",
    severity=Severity.ERROR,
    legal_refs=(ref("28", 2), ref("30", 1, "d")),
    message="{entity}: {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
