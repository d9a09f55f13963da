"""PRC-006 notice-role-mismatch: the privacy notice gives a party another role than the register.

## What it does
Reports each party whose ``notice_role`` (the role the privacy notice gives it) differs from its
``role`` in the register, e.g. a notice that calls a company a processor while the register records it
as an independent controller. Parties without a ``role`` are REC-002's.

## Why is this bad?
Data subjects must be told who the recipients of their data are (Art. 13(1)(e)), and the role decides
who answers for the processing. When the notice and the record disagree, one of them is wrong: either
the data subjects are misinformed, or the record (and the contracts it points to) is.

## Example
```yaml
parties:
  - id: review-platform
    name: WebwinkelKeur
    role: controller
    notice_role: processor
```

## Use instead
```yaml
parties:
  - id: review-platform
    name: WebwinkelKeur
    role: controller
    notice_role: controller
```

## References
- Art. 13(1)(e) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        if party.role is None or party.notice_role is None or party.notice_role is party.role:
            continue
        yield ctx.finding(party, "/notice_role", notice_role=party.notice_role.value, role=party.role.value)


RULE = Rule(
    code="PRC-006",
    name="notice-role-mismatch",
    summary="The privacy notice names a party in another role than the register records.",
    severity=Severity.WARNING,
    legal_refs=(ref("13", 1, "e"),),
    message="{entity}: the privacy notice calls it {notice_role}, the register records it as {role}",
    hint="Establish the party's actual role, then correct the register's 'role:' or the privacy notice.",
    check=check,
    doc=__doc__ or "",
)
