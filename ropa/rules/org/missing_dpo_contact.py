"""ORG-003 missing-dpo-contact: a DPO is designated but the record gives no way to contact them.

## What it does
Reports an ``organisation.dpo`` block that designates a DPO (``designated`` is true, the default) but
whose ``contact`` has no e-mail address, phone number, postal address or web address. A name alone is not
contact details.

## Why is this bad?
When a DPO is designated, Art. 30(1)(a) requires the record to contain the DPO's name and contact details,
and Art. 37(7) requires the controller to publish them and communicate them to the supervisory authority.

## Example
```yaml
organisation:
  name: Example BV
  dpo:
    designated: true
    contact:
      name: J. Jansen
```

## Use instead
```yaml
organisation:
  name: Example BV
  dpo:
    designated: true
    contact:
      name: J. Jansen
      email: dpo@example.nl
```

## References
- Art. 30(1)(a), 37(7) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or org.dpo is None or not org.dpo.designated:
        return
    contact = org.dpo.contact
    if contact is None:
        yield ctx.finding(org, "/dpo")
    elif not contact.has_details:
        yield ctx.finding(org, "/dpo/contact")


RULE = Rule(
    code="ORG-003",
    name="missing-dpo-contact",
    summary="A DPO is designated but has no contact details.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "a"), ref("37", 7)),
    message="{entity}: a DPO is designated but has no contact details",
    hint="Add 'contact:' with the DPO's name and an 'email:', 'phone:', 'address:' or 'url:' under 'dpo:'.",
    check=check,
    doc=__doc__ or "",
)
