"""GOV-003 missing-breach-register: the organisation does not say where personal-data breaches are documented.

## What it does
Reports the ``organisation`` block when it has no ``breach_register``.

## Why is this bad?
Art. 33(5) requires the controller to document every personal-data breach, its effects and the remedial
action taken, whether or not it was notified. The ICO's documentation template has columns for it; the
register is the natural place to say where that documentation lives.

## Example
```yaml
organisation:
  name: Example BV
```

## Use instead
```yaml
organisation:
  name: Example BV
  breach_register: SharePoint > Privacy > Datalekkenregister.xlsx
```

## References
- Art. 33(5) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    if organisation is not None and not (
        organisation.breach_register and organisation.breach_register.strip()
    ):
        yield ctx.finding(organisation)


RULE = Rule(
    code="GOV-003",
    name="missing-breach-register",
    summary="The organisation records no link to its register of personal-data breaches.",
    severity=Severity.INFO,
    legal_refs=(ref("33", 5),),
    message="{entity}: no breach register recorded",
    hint="Add 'breach_register:' with where personal-data breaches are documented (Art. 33(5)).",
    check=check,
    doc=__doc__ or "",
)
