"""SPC-001 special-category-without-art9-condition: Art. 9 data are processed without an Art. 9(2) condition.

## What it does
Reports each activity that processes special-category data, and states no Art. 9(2) condition
(``art9`` missing or empty). An activity processes such data when one of its data categories has
``special`` set, or a DPV IRI that is, or falls under, an Art. 9(1) concept (``pd:Health``,
``https://w3id.org/dpv/pd#HealthRecord``, ``pd:FacialPrint``, every sub-concept of DPV's own hierarchy; see
:mod:`ropa.law`), or when it declares ``special_categories: true``. One finding per activity, at the first
such data category.

An activity that declares ``special_categories: false`` while using special-category data is reported
by SPC-006 only: the register contradicts itself, and which fix applies is not known yet. Entries of the
processor's record are not checked: the Art. 9(2) condition is the controller's to establish. Activities
under the Law Enforcement Directive (``regime: led``) are not checked either: Art. 10 of the Directive,
not Art. 9 GDPR, governs their special-category data.

## Why is this bad?
Processing racial or ethnic origin, political opinions, religious or philosophical beliefs, trade-union
membership, genetic or biometric data, health data or data on sex life or sexual orientation is
prohibited (Art. 9(1)) unless one of the conditions of Art. 9(2)(a)–(j) applies. An Art. 6 lawful basis
alone is not enough.

## Example
```yaml
data_categories:
  - id: sick-leave
    name: Sick-leave notes
    special: health
activities:
  - id: absence
    name: Absence management
    data_categories:
      - sick-leave
```

## Use instead
```yaml
data_categories:
  - id: sick-leave
    name: Sick-leave notes
    special: health
activities:
  - id: absence
    name: Absence management
    data_categories:
      - sick-leave
    art9:
      - condition: 9-2-b
        law: Art. 30(1)(b) UAVG; Sickness Benefits Act
```

## References
- Art. 9(1), 9(2) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import describe_special, special_refs
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if activity.art9 or activity.special_categories is False:
            continue  # a condition is stated, or the contradiction is SPC-006's
        refs = special_refs(activity, ctx.category_by_id)
        if refs:
            yield ctx.finding(activity, refs[0].path, what=describe_special(refs))
        elif activity.special_categories is True:
            yield ctx.finding(activity, "/special_categories", what="declared by 'special_categories: true'")


RULE = Rule(
    code="SPC-001",
    name="special-category-without-art9-condition",
    summary="Special-category data are processed without an Art. 9(2) condition.",
    severity=Severity.ERROR,
    legal_refs=(ref("9", 1), ref("9", 2)),
    message="{entity}: processes special-category data ({what}) without an Art. 9(2) condition",
    hint=(
        "Add 'art9:' with the condition that lifts the prohibition, e.g. '- condition: 9-2-a' (explicit "
        "consent) or '- condition: 9-2-b' with 'law:' (employment law)."
    ),
    check=check,
    doc=__doc__ or "",
)
