"""ORG-005 missing-dpo-or-privacy-contact: neither a DPO statement nor a privacy contact is recorded.

## What it does
Reports an ``organisation`` block that has no ``dpo`` block (neither a designated DPO nor the explicit
``dpo: {designated: false}``) and no ``privacy_contact`` with a name or contact details. When a DPO is
likely mandatory, ORG-004 reports the organisation instead and this rule stays silent.

## Why is this bad?
Art. 37(4) lets most organisations do without a DPO, but the record should then say so explicitly, and
someone must answer privacy questions: the Dutch supervisory authority asks for the controller's contact
details even without a DPO. An absent ``dpo`` block leaves open whether it was considered at all.

## Example
```yaml
organisation:
  name: Example BV
  contact:
    email: info@example.nl
```

## Use instead
```yaml
organisation:
  name: Example BV
  contact:
    email: info@example.nl
  dpo:
    designated: false
    reason: Art. 37(1) does not apply; no core large-scale monitoring or special data
  privacy_contact:
    name: Office manager
    email: privacy@example.nl
```

## References
- Art. 37(4) GDPR
- Autoriteit Persoonsgegevens, recommendation 2 for registers (28 November 2018)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.org._dpo import dpo_triggers


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or org.dpo is not None:
        return
    contact = org.privacy_contact
    if contact is not None and (contact.has_details or (contact.name and contact.name.strip())):
        return
    if dpo_triggers(ctx):  # ORG-004 reports this organisation: a DPO, not a contact, is the fix
        return
    yield ctx.finding(org)


RULE = Rule(
    code="ORG-005",
    name="missing-dpo-or-privacy-contact",
    summary="Neither a DPO statement nor a privacy contact is recorded.",
    severity=Severity.INFO,
    legal_refs=(ref("37", 4),),
    message="{entity}: no 'dpo' statement and no privacy contact",
    hint="Add 'dpo: {{designated: false, reason: ...}}' and a 'privacy_contact:' with a name and e-mail, "
    "or record the designated DPO.",
    check=check,
    doc=__doc__ or "",
)
