"""PRC-001 processor-without-agreement: a processor has no Art. 28 contract reference.

## What it does
Reports each party with ``role: processor`` that has no ``agreement``, or whose ``agreement`` has no
``reference`` (where the contract is kept, or its identifier).

## Why is this bad?
Processing by a processor must be governed by a contract or other legal act with the content of
Art. 28(3), in writing, including in electronic form (Art. 28(9)). The record should show which contract
covers each processor; in Dutch practice, the *verwerkersovereenkomst*.

## Example
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
```

## Use instead
```yaml
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement:
      reference: DPA Mailer v3 (contracts/mailer-dpa.pdf)
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
        if party.role is not PartyRole.PROCESSOR:
            continue
        agreement = party.agreement
        if agreement is None:
            yield ctx.finding(party)
        elif not (agreement.reference or "").strip():
            yield ctx.finding(party, "/agreement")


RULE = Rule(
    code="PRC-001",
    name="processor-without-agreement",
    summary="A processor has no reference to an Art. 28 contract (data processing agreement).",
    severity=Severity.ERROR,
    legal_refs=(ref("28", 3), ref("28", 9)),
    message="{entity}: processor without a reference to its Art. 28 contract",
    hint="Add 'agreement: {{reference: ...}}' with where the data processing agreement is kept.",
    check=check,
    doc=__doc__ or "",
)
