"""TRF-011 stale-adequacy-data: ropa's adequacy data do not cover the check date.

## What it does
Reports once, on the first transfer of the register, when ropa's adequacy data (``ropa/data/adequacy.json``)
do not describe the law on the check date (``--today``):

- the check date is after the data's retrieval date plus their shelf life (``shelf_life``, six months;
  or ``data_max_age_months`` when that option is set): decisions adopted, renewed or struck down since are
  unknown to ropa;
- the check date is before the retrieval date: decisions that had ended by then are no longer listed, so
  a check "as of" an earlier date may miss them.

Registers without transfers are not reported: they do not depend on the data.

## Why is this bad?
Adequacy decisions change: they are reviewed at least every four years and may be amended, suspended or
repealed (Art. 45(3)–(5)); the UK decision was renewed until 27 December 2031, Brazil's adopted in
January 2026, and the EU-US Data Privacy Framework has been challenged in court. TRF-003 and TRF-004 are
only as good as the data behind them.

## Example
```yaml
activities:
  - id: support
    name: Customer support
    transfers:
      - country: CH
        mechanism: adequacy
```

## Use instead
```yaml
activities:
  - id: support
    name: Customer support
    transfers: []
```

## Options
```toml
[tool.ropa.options]
data_max_age_months = 6   # overrides the data file's own shelf life
```

## Known limitations
The finding is about ropa, not about the register: the fix is to update ropa, or to check the
transfers that rely on adequacy against the Commission's current list yourself. The *Use instead*
example avoids it only because a register without transfers does not depend on the data.

## References
- Art. 45(3), 45(4), 45(5) GDPR
- European Commission, list of adequacy decisions
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import adequacy
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    first = next(transfers(ctx), None)
    if first is None:
        return
    data = adequacy()
    expires = data.expires(ctx.options.data_max_age_months)
    retrieved = data.retrieved.isoformat()
    if ctx.today > expires:
        reason = f"are past their shelf life, which ended on {expires.isoformat()}"
        fix = (
            "Update ropa for current adequacy data, or check the transfers that rely on adequacy against "
            "the Commission's current list of adequacy decisions."
        )
    elif ctx.today < data.retrieved:
        reason = (
            f"postdate the check date {ctx.today.isoformat()}: decisions that ended before {retrieved} "
            "are not listed"
        )
        fix = (
            f"For a check as of {ctx.today.isoformat()}, verify the transfers that rely on adequacy "
            "against the decisions in force on that date."
        )
    else:
        return
    yield ctx.finding(first.owner, first.path, retrieved=retrieved, reason=reason, fix=fix)


RULE = Rule(
    code="TRF-011",
    name="stale-adequacy-data",
    summary="ropa's adequacy data are older than their shelf life, or newer than the check date.",
    severity=Severity.INFO,
    legal_refs=(ref("45", 3), ref("45", 4), ref("45", 5)),
    message="{entity}: transfers are checked against adequacy data retrieved {retrieved}, which {reason}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
