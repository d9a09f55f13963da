"""SPC-002 invalid-art9-condition: an Art. 9(2) condition is listed twice, or stated without any Art. 9 data.

## What it does
Codes outside ``9-2-a`` ... ``9-2-j`` never reach the rules: the loader rejects them when the register is
read (``STR-005 invalid-value``, with the list of valid codes). This rule reports Art. 9(2) entries that
are valid codes but cannot serve as the activity's condition:

- the same condition is listed twice in ``art9`` (the second entry is reported; with two ``law``
  references it is unclear which applies);
- ``art9`` states conditions, but the activity uses no special-category data and does not declare
  ``special_categories: true``. This case is reported as **info**: either a special data category is
  missing from the activity, or the condition is left over. It is not reported when a data category of
  the activity failed to load, or when the activity's only sensitive data are criminal-offence data that
  lack an Art. 10 authorisation (SPC-005 reports that, and says Art. 9(2) does not cover them).

## Why is this bad?
Art. 9(2) lists ten conditions, (a) to (j); each lifts the prohibition of Art. 9(1) for special-category
data only. A condition recorded twice, or recorded for data the activity does not process, makes the
record ambiguous about which condition the processing really rests on.

## Example
```yaml
data_categories:
  - id: diet
    name: Dietary requirements
    special: health
activities:
  - id: catering
    name: Event catering
    data_categories:
      - diet
    art9:
      - condition: 9-2-a
      - condition: 9-2-a
```

## Use instead
```yaml
data_categories:
  - id: diet
    name: Dietary requirements
    special: health
activities:
  - id: catering
    name: Event catering
    data_categories:
      - diet
    art9:
      - condition: 9-2-a
```

## References
- Art. 9(2) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import criminal_refs, special_refs
from ropa.models import SpecialCondition
from ropa.rules._base import Finding, Rule, RuleContext, ref


def _subject(conditions: list[SpecialCondition]) -> str:
    codes = ", ".join(c.value for c in conditions)
    return f"Art. 9(2) condition{'s' if len(conditions) > 1 else ''} {codes}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        if not activity.art9:
            continue
        seen: set[SpecialCondition] = set()
        for index, basis in enumerate(activity.art9):
            if basis.condition in seen:
                yield ctx.finding(
                    activity,
                    f"/art9/{index}",
                    subject=f"Art. 9(2) condition {basis.condition.value}",
                    problem="is listed twice",
                    fix="Keep one entry per condition, with the one law reference that applies.",
                )
            seen.add(basis.condition)
        categories = ctx.category_by_id
        if activity.special_categories is True or special_refs(activity, categories):
            continue
        if ctx.has_broken_category(activity):
            continue  # the category that failed to load may be the special one
        art10 = activity.art10
        criminal = bool(criminal_refs(activity, categories))
        if criminal and (art10 is None or not (art10.authorisation or "").strip()):
            continue  # SPC-005: criminal data stated under Art. 9 instead of Art. 10
        conditions = list(dict.fromkeys(b.condition for b in activity.art9))
        verb = "are" if len(conditions) > 1 else "is"
        if criminal:
            fix = "Criminal-offence data need the Art. 10 authorisation only: remove 'art9:'."
        else:
            fix = (
                "Add the special data category to 'data_categories:' (or set 'special_categories: true'), "
                "or remove 'art9:' if no Art. 9(1) data are processed."
            )
        yield ctx.finding(
            activity,
            "/art9",
            severity=Severity.INFO,
            subject=_subject(conditions),
            problem=f"{verb} stated, but the activity uses no special-category data",
            fix=fix,
        )


RULE = Rule(
    code="SPC-002",
    name="invalid-art9-condition",
    summary="An Art. 9(2) condition is listed twice, or stated for an activity without Art. 9 data.",
    severity=Severity.ERROR,
    legal_refs=(ref("9", 2),),
    message="{entity}: {subject} {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
)
