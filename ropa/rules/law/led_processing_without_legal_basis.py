"""LAW-012 led-processing-without-legal-basis: processing under the Law Enforcement Directive names no law.

## What it does
Reports each purpose of an activity with ``regime: led`` (processing by a competent authority for the
prevention, investigation, detection or prosecution of criminal offences, under Directive (EU) 2016/680
as implemented nationally: the Dutch Wet politiegegevens, the German BDSG Part 3) whose ``law`` is
missing or blank. An LED activity without any purpose is ACT-001's.

The severity is **error**, where LAW-003 (a 6-1-c or 6-1-e purpose without its law) is a warning: under
the Directive a law is the only possible basis, so a purpose without one shows no legal basis at all, like
a GDPR purpose without any (LAW-001).

## Why is this bad?
Processing under the Directive is lawful only if and to the extent that it is necessary for a task
carried out by a competent authority for those purposes and is based on Union or Member-State law, which
specifies at least the objectives, the personal data and the purposes (Art. 8(1), (2) of the Directive).
Art. 6 GDPR does not apply, so no consent, contract or legitimate interest can stand in for that law.
The record of the competent authority must indicate the legal basis of each processing operation
(Art. 24(1)(g) of the Directive).

## Example
```yaml
activities:
  - id: truancy-reports
    name: Reports of truancy
    regime: led
    purposes:
      - description: Investigate breaches of the compulsory education act and draw up official reports
```

## Use instead
```yaml
activities:
  - id: truancy-reports
    name: Reports of truancy
    regime: led
    purposes:
      - description: Investigate breaches of the compulsory education act and draw up official reports
        law: Art. 8 Wet politiegegevens; Besluit politiegegevens buitengewoon opsporingsambtenaren
```

## References
- Art. 8(1), 8(2) and 24(1)(g) Directive (EU) 2016/680 (Law Enforcement Directive)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import is_led
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, led_ref

_REFS = (led_ref("8"), led_ref("24", 1, "g"))


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if not is_led(activity):
            continue
        for index, purpose in enumerate(activity.purposes or ()):
            if purpose.law and purpose.law.strip():
                continue
            yield ctx.finding(activity, f"/purposes/{index}", purpose=excerpt(purpose.description))


RULE = Rule(
    code="LAW-012",
    name="led-processing-without-legal-basis",
    summary="A purpose processed under the Law Enforcement Directive names no law it is based on.",
    severity=Severity.ERROR,
    legal_refs=_REFS,
    message="{entity}: purpose '{purpose}' is processing under the Law Enforcement Directive but names no "
    "law it is based on",
    hint="Add 'law:' to the purpose with the Union or Member-State law that lays down the task and the "
    "processing (Art. 8 Directive (EU) 2016/680), e.g. 'Art. 8 Wet politiegegevens'.",
    check=check,
    doc=__doc__ or "",
    led=_REFS,
)
