"""TRF-010 intra-eea-transfer: a transfer is recorded to a country inside the EEA.

## What it does
Reports each transfer whose ``country`` is a member of the European Economic Area (the EU-27, Iceland,
Liechtenstein and Norway) and that names no international organisation.

## Why is this bad?
Chapter V applies to transfers to third countries and international organisations (Art. 44). Data sent
to an EEA country is disclosed to a recipient, not transferred: recording it as a transfer inflates
Art. 30(1)(e) and invites mechanisms, assessments and notices that are not needed. The other transfer
rules leave such entries alone.

## Example
```yaml
activities:
  - id: fulfilment
    name: Order fulfilment
    transfers:
      - country: DE
        mechanism: scc
```

## Use instead
```yaml
parties:
  - id: warehouse
    name: Lager GmbH
    role: processor
    country: DE
activities:
  - id: fulfilment
    name: Order fulfilment
    recipients:
      - warehouse
    transfers: []
```

## References
- Art. 44 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import is_intra_eea, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        if is_intra_eea(site.transfer):
            yield ctx.finding(site.owner, f"{site.path}/country", country=site.transfer.country)


RULE = Rule(
    code="TRF-010",
    name="intra-eea-transfer",
    summary="A transfer is recorded to a country inside the EEA, which is no Chapter V transfer.",
    severity=Severity.INFO,
    legal_refs=(ref("44"),),
    message="{entity}: transfer to {country} stays inside the EEA",
    hint="List the party under 'recipients:' and remove the transfer: Chapter V covers third countries only.",
    check=check,
    doc=__doc__ or "",
)
