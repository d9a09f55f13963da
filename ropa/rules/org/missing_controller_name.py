"""ORG-001 missing-controller-name: the record does not name the controller.

## What it does
Reports an ``organisation`` block without a ``name`` (or with only blanks), and a register that has no
``organisation`` block at all. A register without an organisation block is reported once, on the
``register`` block when there is one; ORG-002 then stays silent, since the one fix (adding the block)
covers both. An organisation block that failed structural loading is not reported again.

## Why is this bad?
Art. 30(1)(a) requires the record to contain the name and contact details of the controller. Without the
legal name, the record does not say whose record it is.

## Example
```yaml
organisation:
  country: NL
  contact:
    email: privacy@example.nl
```

## Use instead
```yaml
organisation:
  name: Example BV
  country: NL
  contact:
    email: privacy@example.nl
```

## References
- Art. 30(1)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None:
        if not ctx.is_broken("organisation", ""):
            yield ctx.finding(ctx.register.meta, problem="there is no 'organisation' block")
        return
    if not (org.name and org.name.strip()):
        yield ctx.finding(org, problem="the controller's legal name is missing")


RULE = Rule(
    code="ORG-001",
    name="missing-controller-name",
    summary="The controller's legal name is not recorded.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "a"),),
    message="{entity}: {problem}",
    hint="Set 'name:' in the 'organisation:' block to the controller's legal name (add the block if it is "
    "missing).",
    check=check,
    doc=__doc__ or "",
)
