"""SPC-006 inconsistent-special-categories-flag: an activity says it has no special data, but uses some.

## What it does
Reports each activity that declares ``special_categories: false`` while one of its data categories is
special-category data (``special`` set, or a DPV IRI that is or falls under an Art. 9(1) concept).
SPC-001 stays silent for such an activity until the contradiction is resolved.

## Why is this bad?
The register contradicts itself about Art. 9 data, and everything that depends on the answer does too:
the Art. 9(2) condition (SPC-001), the Art. 30(5) exemption, the DPIA and security assessments. A
reader cannot tell which statement is true.

## Example
```yaml
data_categories:
  - id: fingerprint
    name: Fingerprint template
    special: biometric
activities:
  - id: time-clock
    name: Time clock
    special_categories: false
    data_categories:
      - fingerprint
```

## Use instead
```yaml
data_categories:
  - id: fingerprint
    name: Fingerprint template
    special: biometric
activities:
  - id: time-clock
    name: Time clock
    special_categories: true
    data_categories:
      - fingerprint
    art9:
      - condition: 9-2-a
    purposes:
      - description: Record working hours
        lawful_basis: 6-1-a
        consent:
          explicit: true
          withdrawal: Ask HR for a badge instead
```

## References
- Art. 9(1), 30(1)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import describe_special, special_refs
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.special_categories is not False:
            continue
        refs = special_refs(activity, ctx.category_by_id)
        if refs:
            yield ctx.finding(activity, "/special_categories", what=describe_special(refs))


RULE = Rule(
    code="SPC-006",
    name="inconsistent-special-categories-flag",
    summary="An activity declares 'special_categories: false' but uses special-category data.",
    severity=Severity.ERROR,
    legal_refs=(ref("9", 1), ref("30", 1, "c")),
    message="{entity}: declares 'special_categories: false' but uses special-category data ({what})",
    hint=(
        "Set 'special_categories: true' and record the Art. 9(2) condition, or correct the data category "
        "if it holds no Art. 9(1) data."
    ),
    check=check,
    doc=__doc__ or "",
)
