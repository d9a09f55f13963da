"""RGT-001 response-deadline-beyond-one-month: the promised response time to requests can exceed one month.

## What it does
Reads ``organisation.request_handling.response_deadline`` (an ISO 8601 duration) and compares it with
the one month of Art. 12(3), for every possible date of receipt:

- ``P1M``, or a number of days up to 28 (the shortest month; option ``dsr_default_days``), is fine;
- a deadline that is longer for some dates of receipt is a **warning**: ``P30D`` is longer than one
  month for a request received on 1 February of a common year (one month ends on 1 March, 30 days on
  3 March);
- a deadline that is longer for every date of receipt (``P2M``, ``P45D``) is an **error**, whether or not
  an ``extension`` is recorded: the extension of Art. 12(3) is for complex or numerous requests, taken
  case by case and announced within the first month, never a standard deadline;
- a value that is not an ISO 8601 duration is a warning, with the ISO form in the hint.

A register without ``request_handling`` or without a ``response_deadline`` is not reported.

## Why is this bad?
Art. 12(3) requires information on action taken on a request "without undue delay and in any event
within one month of receipt". A month is a calendar month (Reg. 1182/71, Art. 3(2)(c); EDPB Guidelines
01/2022 on the right of access), not 30 days. Only for complex or numerous requests may it be extended by
two further months, and the data subject must be told within the first month.

## Example
```yaml
organisation:
  name: Example BV
  request_handling:
    response_deadline: P30D
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
- Art. 3(2)(c) Regulation (EEC, Euratom) No 1182/71 (periods expressed in months)
- EDPB Guidelines 01/2022 on the right of access, section 6.3
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.durations import at_most, longer, months, parse_duration
from ropa.models import is_iso_duration
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.rgt._common import counterexample, invalid_hint, long_date

_PATH = "/request_handling/response_deadline"
_FIX = "Promise 'response_deadline: P1M' and record the extension for complex requests as 'extension: P2M'."


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    handling = organisation.request_handling if organisation else None
    if organisation is None or handling is None or handling.response_deadline is None:
        return
    value = handling.response_deadline
    if not is_iso_duration(value):
        yield ctx.finding(
            organisation,
            _PATH,
            severity=Severity.WARNING,
            value=value,
            problem="is not an ISO 8601 duration",
            fix=invalid_hint(value, "P1M"),
        )
        return
    deadline, month = parse_duration(value), months(1)
    if deadline.total_months == 0 and deadline.fixed_days <= ctx.options.dsr_default_days:
        return
    if at_most(deadline, month):
        return
    example = counterexample(deadline, month)
    detail = ""
    if example is not None:
        start, end, allowed = example
        detail = (
            f": a request received on {long_date(start)} would be answered by {long_date(end)}, "
            f"one month ends on {long_date(allowed)}"
        )
    if longer(deadline, month):
        yield ctx.finding(
            organisation,
            _PATH,
            severity=Severity.ERROR,
            value=value,
            problem=f"is longer than the one month of Art. 12(3) for every request{detail}",
            fix=_FIX,
        )
    else:
        yield ctx.finding(
            organisation,
            _PATH,
            value=value,
            problem=f"can be longer than the one month of Art. 12(3){detail}",
            fix=_FIX,
        )


RULE = Rule(
    code="RGT-001",
    name="response-deadline-beyond-one-month",
    summary="The promised response time to data-subject requests can be longer than one calendar month.",
    severity=Severity.WARNING,
    legal_refs=(ref("12", 3), ref("3", 2, "c", instrument="Regulation (EEC, Euratom) No 1182/71")),
    message="{entity}: response deadline '{value}' {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
)
