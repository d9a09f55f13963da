"""REC-006 joint-controller-without-contact: a joint controller has no contact details.

## What it does
Reports each party with ``role: joint-controller`` whose ``contact`` is missing or gives neither an
e-mail address, a telephone number, a postal address nor a URL.

## Why is this bad?
Art. 30(1)(a) requires the record to contain the name and contact details of the controller "and,
where applicable, the joint controller". Data subjects may exercise their rights against each joint
controller (Art. 26(3)).

## Example
```yaml
parties:
  - id: franchise-hq
    name: Franchise HQ BV
    role: joint-controller
    arrangement: contracts/jc-franchise.pdf
```

## Use instead
```yaml
parties:
  - id: franchise-hq
    name: Franchise HQ BV
    role: joint-controller
    arrangement: contracts/jc-franchise.pdf
    contact:
      email: privacy@franchise.example
      address: Stationsplein 1, 3511 ED Utrecht
```

## References
- Art. 30(1)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        if party.role is not PartyRole.JOINT_CONTROLLER:
            continue
        if party.contact is None:
            yield ctx.finding(party)
        elif not party.contact.has_details:
            yield ctx.finding(party, "/contact")


RULE = Rule(
    code="REC-006",
    name="joint-controller-without-contact",
    summary="A joint controller has no contact details.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "a"),),
    message="{entity}: joint controller without contact details",
    hint="Add 'contact:' with at least an e-mail address, telephone number, postal address or URL.",
    check=check,
    doc=__doc__ or "",
)
