"""NL-001 national-id-without-statutory-basis: a BSN is processed without the law that allows it.

## What it does
Reports each controller activity that uses a data category marked ``national_id: true`` (the Dutch
*burgerservicenummer* or another statutory identification number) when none of its purposes has lawful
basis ``6-1-c`` or ``6-1-e`` with the ``law`` that requires or allows the number.

## Why is this bad?
Art. 87 GDPR lets Member States set the conditions for processing a national identification number. In
the Netherlands, Art. 46 UAVG allows it only to carry out the law that prescribes the number (or for
purposes set by general administrative order). A webshop or employer that records a BSN without naming
that law, such as the Wet op de loonbelasting 1964 for payroll, has no visible basis for it.

## Example
```yaml
data_categories:
  - id: bsn
    name: Citizen service number (BSN)
    national_id: true
activities:
  - id: payroll
    name: Payroll
    data_categories: [bsn]
    purposes:
      - description: Pay salaries
        lawful_basis: 6-1-b
```

## Use instead
```yaml
data_categories:
  - id: bsn
    name: Citizen service number (BSN)
    national_id: true
activities:
  - id: payroll
    name: Payroll
    data_categories: [bsn]
    purposes:
      - description: Pay salaries
        lawful_basis: 6-1-b
      - description: File the wage tax return with the employee's BSN
        lawful_basis: 6-1-c
        law: Art. 28 Wet op de loonbelasting 1964
```

## References
- Art. 87 GDPR
- Art. 46 Uitvoeringswet AVG (UAVG)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, LawfulBasis, ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, ref

_STATUTORY = (LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK)


def _has_statutory_basis(activity: Activity) -> bool:
    return any(p.lawful_basis in _STATUTORY and p.law and p.law.strip() for p in activity.purposes or ())


def check(ctx: RuleContext) -> Iterator[Finding]:
    index = ctx.category_by_id
    for activity in ctx.activities:
        if activity.role is not ProcessingRole.CONTROLLER:
            continue
        positions = [
            (position, category_id)
            for position, category_id in enumerate(activity.data_categories or ())
            if (category := index.get(category_id)) is not None and category.national_id
        ]
        if positions and not _has_statutory_basis(activity):
            yield ctx.finding(
                activity,
                f"/data_categories/{positions[0][0]}",
                categories=", ".join(category_id for _, category_id in positions),
            )


RULE = Rule(
    code="NL-001",
    name="national-id-without-statutory-basis",
    summary="A national identification number (BSN) is processed without a purpose naming the law for it.",
    severity=Severity.ERROR,
    legal_refs=(ref("87"), ref("46", instrument="UAVG")),
    message="{entity}: processes a national identification number ({categories}) without a statutory basis",
    hint=(
        "Add the purpose that requires the number, with 'lawful_basis: 6-1-c' (or 6-1-e) and the 'law:' that "
        "prescribes it (Art. 46 UAVG); otherwise stop recording the number."
    ),
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
