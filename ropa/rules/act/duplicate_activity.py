"""ACT-006 duplicate-activity: two activities share an id or a name.

## What it does
Reports every activity whose ``id`` was already used by an earlier activity (in file order), and every
activity whose ``name`` (trimmed, case-folded, inner whitespace collapsed) was already used. The first
occurrence is not reported; an activity that repeats both the id and the name of an earlier one is
reported once, for the id. The loader lets duplicate activities through so that this rule can report
them with both places.

## Why is this bad?
Activities are referenced by id (suppressions, exports, privacy-notice comparisons); a duplicate id makes
those references ambiguous. Two activities with the same name are either a copy-paste slip or one
processing recorded twice with diverging content, and a reader of the record cannot tell which is right.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
  - id: orders
    name: Order handling (returns)
```

## Use instead
```yaml
activities:
  - id: orders
    name: Order handling
  - id: returns
    name: Order handling (returns)
```

## References
- Art. 5(2), 30(1) GDPR (a record whose entries can be told apart)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def _where(activity: Activity) -> str:
    origin = activity.origin
    where = f" ({origin.file} {origin.pointer})" if origin is not None and origin.file is not None else ""
    return f"the earlier activity '{activity.name.strip()}'{where}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    by_id: dict[str, Activity] = {}
    by_name: dict[str, Activity] = {}
    for activity in ctx.activities:
        name_key = " ".join(activity.name.casefold().split())
        first_id = by_id.get(activity.id)
        first_name = by_name.get(name_key) if name_key else None
        if first_id is not None:
            yield ctx.finding(activity, "/id", what="id", value=activity.id, first=_where(first_id))
        elif first_name is not None:
            yield ctx.finding(
                activity, "/name", what="name", value=activity.name.strip(), first=_where(first_name)
            )
        by_id.setdefault(activity.id, activity)
        if name_key:
            by_name.setdefault(name_key, activity)


RULE = Rule(
    code="ACT-006",
    name="duplicate-activity",
    summary="Two activities share an id or a name.",
    severity=Severity.ERROR,
    legal_refs=(ref("5", 2), ref("30", 1)),
    message="{entity}: {what} '{value}' is already used by {first}",
    hint="Give every activity its own id and name; merge the two entries if they describe one processing.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1),),
)
