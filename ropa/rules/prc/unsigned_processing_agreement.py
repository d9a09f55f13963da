"""PRC-002 unsigned-processing-agreement: a processing agreement is unsigned, or dated in the future.

## What it does
Reports each party whose ``agreement`` has a ``reference`` but is not recorded as signed
(``signed`` missing or false), or whose ``date`` lies after the check date. A processor's agreement
without a reference is PRC-001's and is not reported again.

## Why is this bad?
The Art. 28(3) contract must be in force: signed or accepted, in writing (Art. 28(9)). A draft, an
unsigned version, or an agreement that only takes effect later does not yet govern the processing that
the record describes.

## Example
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement:
      reference: DPA Mailer v3 (draft)
      signed: false
```

## Use instead
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement:
      reference: DPA Mailer v3
      signed: true
      date: 2025-09-01
```

## References
- Art. 28(3), 28(9) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import PartyRole
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for party in ctx.parties:
        agreement = party.agreement
        if agreement is None:
            continue
        if not (agreement.reference or "").strip() and party.role is PartyRole.PROCESSOR:
            continue  # PRC-001
        if agreement.signed is False:
            yield ctx.finding(party, "/agreement/signed", problem="is recorded as not signed")
        elif agreement.signed is None:
            yield ctx.finding(party, "/agreement", problem="is not recorded as signed")
        elif agreement.date is not None and agreement.date > ctx.today:
            yield ctx.finding(
                party,
                "/agreement/date",
                problem=f"is dated {agreement.date.isoformat()}, after {ctx.today.isoformat()}",
            )


RULE = Rule(
    code="PRC-002",
    name="unsigned-processing-agreement",
    summary="A recorded processing agreement is not signed, or its date lies in the future.",
    severity=Severity.WARNING,
    legal_refs=(ref("28", 3), ref("28", 9)),
    message="{entity}: the processing agreement {problem}",
    hint="Have the agreement signed or accepted, then record 'signed: true' and the 'date:' it took effect.",
    check=check,
    doc=__doc__ or "",
)
