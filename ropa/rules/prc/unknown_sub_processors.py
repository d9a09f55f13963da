"""PRC-004 unknown-sub-processors: a processor's sub-processors are not recorded.

## What it does
Reports each party with ``role: processor``, and each processor activity (the organisation acting as
processor), whose ``sub_processors`` is not stated. ``sub_processors: []`` states that there are none
and is not reported.

## Why is this bad?
A processor may engage another processor only with the controller's prior written authorisation, and
must pass its Art. 28(3) obligations on (Art. 28(2), (4)). Knowing the sub-processors is how the
controller keeps track of where the data go, including transfers further down the chain.

## Example
```yaml
parties:
  - id: webshop-platform
    name: Shop Platform B.V.
    role: processor
    agreement:
      reference: DPA Shop Platform
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
    sub_processors: []
```

## References
- Art. 28(2), 28(4) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        if party.role is PartyRole.PROCESSOR and party.sub_processors is None:
            yield ctx.finding(party)
    for entry in ctx.processor_activities:
        if entry.sub_processors is None:
            yield ctx.finding(entry)


RULE = Rule(
    code="PRC-004",
    name="unknown-sub-processors",
    summary="A processor's sub-processors are not recorded.",
    severity=Severity.INFO,
    legal_refs=(ref("28", 2), ref("28", 4)),
    message="{entity}: sub-processors are not recorded",
    hint=(
        "List the sub-processors' party ids under 'sub_processors:', or write 'sub_processors: []' if "
        "there are none."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
