"""LAW-001 missing-lawful-basis: a purpose of an activity has no Art. 6(1) lawful basis.

## What it does
Reports each purpose of an activity that states no lawful basis: no ``lawful_basis`` code and no DPV IRI
in ``dpv`` that names an Art. 6(1) basis (``eu-gdpr:A6-1-b``, ``dpv:Contract``; see
:func:`ropa.law.lawful_basis`). Activities under the Law Enforcement Directive (``regime: led``) are not
checked: Art. 6 GDPR does not apply to them, their basis is the law of Art. 8 of the Directive.

## Why is this bad?
Processing is lawful only on one of the six bases of Art. 6(1). The basis is not an Art. 30 item, but
every supervisory-authority template asks for it, and the controller must be able to demonstrate it
(Art. 5(2)).

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
```

## Use instead
```yaml
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter to subscribers
        lawful_basis: 6-1-a
```

## References
- Art. 5(1)(a), 5(2), 6(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if lawful_basis(purpose) is None:
                yield ctx.finding(activity, f"/purposes/{index}", purpose=excerpt(purpose.description))


RULE = Rule(
    code="LAW-001",
    name="missing-lawful-basis",
    summary="A purpose has no Art. 6(1) lawful basis.",
    severity=Severity.ERROR,
    legal_refs=(ref("5", 1, "a"), ref("5", 2), ref("6", 1)),
    message="{entity}: purpose '{purpose}' has no lawful basis",
    hint="Add 'lawful_basis:' with one of 6-1-a (consent) ... 6-1-f (legitimate interests) to the purpose.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
