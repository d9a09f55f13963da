"""DPIA-002 high-risk-criteria-without-dpia: an activity meets two WP248 criteria without a DPIA or screening.

## What it does
Counts the WP248 criteria an activity meets: those ropa derives from the register (sensitive data:
special-category or criminal-offence data as :mod:`ropa.law` reads them; vulnerable subjects: data-subject
categories marked ``vulnerable`` or with a DPV IRI of a vulnerable group, employees or patients;
``large_scale``; ``systematic_monitoring`` or ``public_area_monitoring``; automated
decisions with a legal or similarly significant effect; profiling as evaluation or scoring) plus those
listed in ``dpia_criteria``. With two or more, or when the activity's own screening concluded that a
DPIA is required (``dpia.required: true``), it reports the activity when it has no ``dpia.reference``
and no documented screening (``required: false`` with a ``screening`` text). Activities under Art. 35(3)
are DPIA-001's, and in the ``nl`` profile those on the AP list are NL-004's.

## Why is this bad?
The WP29 guidelines (WP248 rev.01), endorsed by the EDPB, say that processing meeting two criteria will
in most cases require a DPIA (Art. 35(1)). A controller that decides otherwise must be able to show why
(Art. 5(2)).

## Example
```yaml
data_subjects:
  - id: pupils
    name: Pupils
    vulnerable: child
activities:
  - id: learning-app
    name: Learning app
    large_scale: true
    data_subjects: [pupils]
```

## Use instead
```yaml
data_subjects:
  - id: pupils
    name: Pupils
    vulnerable: child
activities:
  - id: learning-app
    name: Learning app
    large_scale: true
    data_subjects: [pupils]
    dpia:
      required: false
      screening: Only first names and progress scores, kept on the school's own server; see memo 2025-07
      date: 2025-07-01
```

## References
- Art. 35(1), 35(4) GDPR
- WP29, Guidelines on DPIA, WP248 rev.01 (4 October 2017), endorsed by the EDPB
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.dpia._common import reported_by_dpia002


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        reason = reported_by_dpia002(ctx, activity)
        if reason:
            yield ctx.finding(activity, "/dpia" if activity.dpia else "", reason=reason)


RULE = Rule(
    code="DPIA-002",
    name="high-risk-criteria-without-dpia",
    summary="An activity meets two WP248 criteria (or its screening requires a DPIA) and references no DPIA.",
    severity=Severity.WARNING,
    legal_refs=(ref("35", 1), ref("35", 4)),
    message="{entity}: {reason}, but there is no DPIA reference and no documented 'not required' screening",
    hint=(
        "Carry out a DPIA and record 'dpia: {{reference: ...}}', or record the screening: "
        "'dpia: {{required: false, screening: <why not>}}'."
    ),
    check=check,
    doc=__doc__ or "",
)
