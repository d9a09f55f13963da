"""TRF-005 stale-dpf-check: a party's Data Privacy Framework certification was not checked recently.

## What it does
Reports each party recorded as DPF-certified (``dpf: {certified: true}``) whose ``dpf.checked`` date is
missing, or lies more than ``dpf_max_age_months`` months (default 12) before the check date.

## Why is this bad?
Adequacy for the United States covers only organisations on the DPF list (Implementing Decision (EU)
2023/1795). Organisations must re-certify every year and can be removed from the list; a transfer relying
on an old check may have lost its basis.

## Example
```yaml
parties:
  - id: analytics
    name: Analytics Inc.
    role: processor
    country: US
    dpf:
      certified: true
      checked: 2024-01-10
```

## Use instead
```yaml
parties:
  - id: analytics
    name: Analytics Inc.
    role: processor
    country: US
    dpf:
      certified: true
      checked: 2026-04-20
```

## Options
```toml
[tool.ropa.options]
dpf_max_age_months = 12
```

## References
- Art. 45(1) GDPR
- Art. 1 Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import LegalRef, Severity
from ropa.law import add_months
from ropa.rules._base import Finding, Rule, RuleContext, count, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    months = ctx.options.dpf_max_age_months
    oldest = add_months(ctx.today, -months)
    for party in ctx.parties:
        dpf = party.dpf
        if dpf is None or not dpf.certified:
            continue
        if dpf.checked is None:
            yield ctx.finding(party, "/dpf", problem="has no check date ('dpf.checked')")
        elif dpf.checked < oldest:
            yield ctx.finding(
                party,
                "/dpf/checked",
                problem=f"was last checked on {dpf.checked.isoformat()}, more than "
                f"{count(months, 'month', 'months')} ago",
            )


RULE = Rule(
    code="TRF-005",
    name="stale-dpf-check",
    summary="A party's DPF certification has no recent check date.",
    severity=Severity.WARNING,
    legal_refs=(ref("45", 1), LegalRef("1", instrument="Implementing Decision (EU) 2023/1795")),
    message="{entity}: DPF certification {problem}",
    hint="Look the party up on dataprivacyframework.gov and record the date in 'dpf.checked'.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
