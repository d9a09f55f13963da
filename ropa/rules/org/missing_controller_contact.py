"""ORG-002 missing-controller-contact: the controller has neither a postal address nor an e-mail address.

## What it does
Reports an ``organisation`` block whose ``contact`` has neither an ``address`` nor an ``email`` (a phone
number or web address alone is not enough). A register without any organisation block is reported by
ORG-001 only.

## Why is this bad?
Art. 30(1)(a) requires the controller's contact details in the record, and the Dutch supervisory
authority's second recommendation for registers is to include them. A postal address or an e-mail address
is what a supervisory authority or a data subject can actually write to.

## Example
```yaml
organisation:
  name: Example BV
  contact:
    phone: "+31 20 123 4567"
```

## Use instead
```yaml
organisation:
  name: Example BV
  contact:
    phone: "+31 20 123 4567"
    email: privacy@example.nl
```

## References
- Art. 30(1)(a) GDPR
- Autoriteit Persoonsgegevens, recommendation 2 for registers (28 November 2018)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None:
        return
    contact = org.contact
    if contact is None:
        yield ctx.finding(org)
    elif not ((contact.address and contact.address.strip()) or (contact.email and contact.email.strip())):
        yield ctx.finding(org, "/contact")


RULE = Rule(
    code="ORG-002",
    name="missing-controller-contact",
    summary="The controller has neither a postal address nor an e-mail address.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "a"),),
    message="{entity}: the controller has no postal address or e-mail address",
    hint="Add 'contact:' with 'address:' and/or 'email:' to the organisation block.",
    check=check,
    doc=__doc__ or "",
)
