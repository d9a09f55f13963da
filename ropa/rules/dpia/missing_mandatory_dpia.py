"""DPIA-001 missing-mandatory-dpia: an activity falls under Art. 35(3) and references no DPIA.

## What it does
Reports each controller activity that falls under one of the three cases of Art. 35(3) and has no
``dpia.reference``:

- (a) ``automated_decisions`` that exist with ``effect: legal`` or ``similarly-significant``;
- (b) ``large_scale: true`` with special-category or criminal-offence data, in any way the register says
  so (``special``, ``criminal: true``, a DPV IRI under an Art. 9(1) concept or ``pd:Criminal``,
  ``special_categories: true``, an ``art9`` condition or an ``art10`` block; see :mod:`ropa.law`);
- (c) ``large_scale: true`` with ``public_area_monitoring: true``.

A screening that says no DPIA is required does not help: in these cases the DPIA is mandatory.

## Why is this bad?
Art. 35(1) and (3) require a data protection impact assessment before such processing starts. Processing
without it can be fined under Art. 83(4)(a).

## Example
```yaml
data_categories:
  - id: health
    name: Health data
    special: health
activities:
  - id: patient-files
    name: Patient files
    large_scale: true
    data_categories: [health]
```

## Use instead
```yaml
data_categories:
  - id: health
    name: Health data
    special: health
activities:
  - id: patient-files
    name: Patient files
    large_scale: true
    data_categories: [health]
    dpia:
      required: true
      reference: DPIA-2025-03 (privacy/dpia/patient-files.pdf)
      date: 2025-03-14
      outcome: risks-mitigated
```

## References
- Art. 35(1), 35(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.dpia._common import reported_by_dpia001


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        cases = reported_by_dpia001(ctx, activity)
        if cases:
            yield ctx.finding(activity, "/dpia" if activity.dpia else "", cases="; ".join(cases))


RULE = Rule(
    code="DPIA-001",
    name="missing-mandatory-dpia",
    summary="An activity falls under an Art. 35(3) case and references no DPIA.",
    severity=Severity.ERROR,
    legal_refs=(ref("35", 1), ref("35", 3)),
    message="{entity}: a DPIA is mandatory under Art. 35(3){cases}, but none is referenced",
    hint="Carry out the DPIA before the processing; record where it is kept in 'dpia: {{reference: ...}}'.",
    check=check,
    doc=__doc__ or "",
)
