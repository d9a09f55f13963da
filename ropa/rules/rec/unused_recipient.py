"""REC-003 unused-recipient: a party is used by no activity.

## What it does
Reports each party that nothing in the register refers to: no activity names it as recipient, transfer
importer or authority (``authority_disclosures``), no processor activity names it as importer or
sub-processor, and no party lists it as sub-processor. Not reported:

- processors: an unused processor is PRC-005's;
- joint controllers: a joint controller is recorded for who decides on the processing (Art. 26,
  30(1)(a)), whether or not data are disclosed to it;
- anything, while an activity, processor activity or party failed to load: its references are unknown.

A public authority that may receive data in a particular inquiry under Union or Member-State law is not a
recipient (Art. 4(9)): for an unused authority the hint is to name it under ``authority_disclosures`` of
the activities concerned, never under ``recipients``.

## Why is this bad?
The list of parties should describe the recipients of the processing (Art. 30(1)(d)). A party that no
activity discloses data to is either left over from processing that stopped, or the activity that uses
it does not list it, which is the larger gap.

## Example
```yaml
parties:
  - id: old-printer
    name: Print & Post BV
    role: controller
activities:
  - id: newsletter
    name: Newsletter
    recipients: []
```

## Use instead
```yaml
parties:
  - id: old-printer
    name: Print & Post BV
    role: controller
activities:
  - id: newsletter
    name: Newsletter
    recipients:
      - old-printer
```

## References
- Art. 4(9), 30(1)(d) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.rec._refs import references_incomplete, used_party_ids

_NOT_CHECKED = (PartyRole.PROCESSOR, PartyRole.JOINT_CONTROLLER)
_AUTHORITY_FIX = (
    "If the authority may receive data in a particular inquiry, name it under 'authority_disclosures:' of "
    "the activities concerned (Art. 4(9): it is not a recipient); otherwise remove it."
)
_FIX = "Add the party to the 'recipients:' of the activities that disclose data to it, or remove it."


def check(ctx: RuleContext) -> Iterator[Finding]:
    if references_incomplete(ctx):
        return
    used = used_party_ids(ctx)
    for party in ctx.parties:
        if party.role in _NOT_CHECKED or party.id in used:
            continue
        fix = _AUTHORITY_FIX if party.role is PartyRole.PUBLIC_AUTHORITY else _FIX
        yield ctx.finding(party, fix=fix)


RULE = Rule(
    code="REC-003",
    name="unused-recipient",
    summary="A party (other than a processor or joint controller) is used by no activity.",
    severity=Severity.INFO,
    legal_refs=(ref("4", 9), ref("30", 1, "d")),
    message="{entity}: is used by no activity",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
)
