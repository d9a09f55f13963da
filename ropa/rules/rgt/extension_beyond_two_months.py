"""RGT-002 extension-beyond-two-months: the extension for complex requests is longer than two months.

## What it does
Reads ``organisation.request_handling.extension`` (an ISO 8601 duration) and compares it with the two
further months of Art. 12(3), for every possible start date: longer for every start date (``P3M``,
``P70D``) is an **error**; longer for some (``P60D``, which exceeds two months from 1 January of a common
year) is a **warning**. A value that is not an ISO 8601 duration is a warning with the ISO form in the
hint.

## Why is this bad?
Art. 12(3) allows the one-month period to be "extended by two further months where necessary, taking into
account the complexity and number of the requests", and no more.

## Example
```yaml
organisation:
  name: Example BV
  request_handling:
    response_deadline: P1M
    extension: P3M
```

## Use instead
```yaml
organisation:
  name: Example BV
  request_handling:
    response_deadline: P1M
    extension: P2M
```

## References
- Art. 12(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.durations import at_most, longer, months, parse_duration
from ropa.models import is_iso_duration
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.rgt._common import counterexample, invalid_hint, long_date

_PATH = "/request_handling/extension"
_FIX = "Set 'extension: P2M' at most, and tell the requester within the first month why it is needed."


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    handling = organisation.request_handling if organisation else None
    if organisation is None or handling is None or handling.extension is None:
        return
    value = handling.extension
    if not is_iso_duration(value):
        yield ctx.finding(
            organisation,
            _PATH,
            severity=Severity.WARNING,
            value=value,
            problem="is not an ISO 8601 duration",
            fix=invalid_hint(value, "P2M"),
        )
        return
    extension, limit = parse_duration(value), months(2)
    if at_most(extension, limit):
        return
    if longer(extension, limit):
        yield ctx.finding(organisation, _PATH, value=value, problem="is longer than two months", fix=_FIX)
        return
    example = counterexample(extension, limit)
    detail = f" (from {long_date(example[0])})" if example else ""
    yield ctx.finding(
        organisation,
        _PATH,
        severity=Severity.WARNING,
        value=value,
        problem=f"can be longer than two months{detail}",
        fix=_FIX,
    )


RULE = Rule(
    code="RGT-002",
    name="extension-beyond-two-months",
    summary="The extension of the response time for complex requests is longer than two months.",
    severity=Severity.ERROR,
    legal_refs=(ref("12", 3),),
    message="{entity}: extension '{value}' {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
)
