"""LAW-003 missing-basis-law: a legal-obligation or public-task basis does not cite the law it rests on.

## What it does
Reports each purpose with ``lawful_basis: 6-1-c`` (legal obligation) or ``6-1-e`` (public task or
official authority) whose ``law`` is missing or blank.

## Why is this bad?
Art. 6(3) requires the basis for processing under Art. 6(1)(c) and (e) to be laid down by Union or
Member-State law. "Legal obligation" without the law says nothing that can be checked: which obligation,
and does it really require these data?

## Example
```yaml
activities:
  - id: bookkeeping
    name: Bookkeeping
    purposes:
      - description: Keep invoices for the tax authorities
        lawful_basis: 6-1-c
```

## Use instead
```yaml
activities:
  - id: bookkeeping
    name: Bookkeeping
    purposes:
      - description: Keep invoices for the tax authorities
        lawful_basis: 6-1-c
        law: Art. 52 Algemene wet inzake rijksbelastingen (AWR)
```

## References
- Art. 6(1)(c), 6(1)(e), 6(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

_NEEDS_LAW = {LawfulBasis.LEGAL_OBLIGATION: "6-1-c", LawfulBasis.PUBLIC_TASK: "6-1-e"}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            basis = lawful_basis(purpose)
            if basis not in _NEEDS_LAW or (purpose.law and purpose.law.strip()):
                continue
            yield ctx.finding(
                activity,
                f"/purposes/{index}/lawful_basis",
                purpose=excerpt(purpose.description),
                basis=_NEEDS_LAW[basis],
            )


RULE = Rule(
    code="LAW-003",
    name="missing-basis-law",
    summary="A 6-1-c or 6-1-e basis does not cite the Union or Member-State law.",
    severity=Severity.WARNING,
    legal_refs=(ref("6", 3),),
    message="{entity}: purpose '{purpose}' relies on {basis} but cites no law",
    hint="Add 'law:' to the purpose with the Union or Member-State provision, e.g. 'Art. 52 AWR'.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
