"""REC-003 unused-recipient: a party is used by no activity.

## What it does
Reports each party that is not a processor and that nothing in the register refers to: no activity
names it as recipient or transfer importer, no processor activity names it as importer or
sub-processor, and no party lists it as sub-processor. Unused processors are reported by PRC-005
instead. Nothing is reported while an activity, processor activity or party failed to load: its
references are unknown.

## Why is this bad?
The list of parties should describe the recipients of the processing (Art. 30(1)(d)). A party that no
activity discloses data to is either left over from processing that stopped, or the activity that uses
it does not list it as a recipient, which is the larger gap.

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
- Art. 30(1)(d) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.rec._refs import references_incomplete, used_party_ids


def check(ctx: RuleContext) -> Iterator[Finding]:
    if references_incomplete(ctx):
        return
    used = used_party_ids(ctx)
    for party in ctx.parties:
        if party.role is not PartyRole.PROCESSOR and party.id not in used:
            yield ctx.finding(party)


RULE = Rule(
    code="REC-003",
    name="unused-recipient",
    summary="A party (other than a processor) is used by no activity.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1, "d"),),
    message="{entity}: is used by no activity",
    hint="Add the party to the 'recipients:' of the activities that disclose data to it, or remove it.",
    check=check,
    doc=__doc__ or "",
)
