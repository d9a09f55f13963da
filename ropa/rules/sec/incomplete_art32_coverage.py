"""SEC-002 incomplete-art32-coverage: no security measure addresses encryption or restoring availability.

## What it does
Looks at the measures that apply to each activity and processor activity (the organisation-level
measures it references or inherits, plus its own ``specific_measures``) and reports when none is tagged
``art32: [a]`` (pseudonymisation and encryption) or none is tagged ``art32: [c]`` (restoring availability
and access in time after an incident, e.g. backups). When activities inherit the organisation-level list
unchanged, the gap is reported once, at that list. Activities that reference undefined measures are
skipped: their coverage is unknown.

## Why is this bad?
Art. 32(1) names four kinds of measures "as appropriate"; (a) and (c) are the two most often missing in
practice, and an incident without backups or encryption is the one supervisory authorities fine. This
is a coverage hint, not a verdict: the tags tell the reader which Art. 32(1) point a measure serves.

## Example
```yaml
security_measures:
  - id: access-policy
    description: Access to customer data only for staff who need it
    kind: organisational
    art32: [b]
activities:
  - id: orders
    name: Order handling
```

## Use instead
```yaml
security_measures:
  - id: access-policy
    description: Access to customer data only for staff who need it
    kind: organisational
    art32: [b]
  - id: encryption
    description: Databases and backups are encrypted at rest
    kind: technical
    art32: [a]
  - id: backups
    description: Daily backups, restore tested every quarter
    kind: technical
    art32: [c, d]
activities:
  - id: orders
    name: Order handling
```

## References
- Art. 32(1)(a)–(d) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, count, led_ref, ref
from ropa.rules.sec._common import Effective, effective_measures

_POINTS = {
    "a": "(a) pseudonymisation or encryption",
    "c": "(c) restoring availability after an incident",
}


def _missing(effective: Effective) -> str | None:
    points = effective.points
    gaps = [text for point, text in _POINTS.items() if point not in points]
    return ", and none for ".join(gaps) if gaps else None


def _path(activity: Activity | ProcessorActivity) -> str:
    if activity.security_measures:
        return "/security_measures"
    return "/specific_measures" if activity.specific_measures else ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    shared = ctx.register.security_measures or ()
    inheriting = 0
    entries: tuple[Activity | ProcessorActivity, ...] = (*ctx.activities, *ctx.processor_activities)
    for activity in entries:
        effective = effective_measures(ctx, activity)
        if effective.empty or effective.unresolved:
            continue  # SEC-001, or coverage unknown
        if effective.inherited and not effective.specific:
            inheriting += 1
            continue
        missing = _missing(effective)
        if missing:
            yield ctx.finding(activity, _path(activity), missing=missing)
    if inheriting and shared:
        missing = _missing(Effective(tuple(shared), (), True, False))
        if missing:
            inherited = count(inheriting, "activity", "activities")
            scope = f"organisation-level security measures (inherited by {inherited})"
            yield Finding(shared[0], "", {"entity": scope, "missing": missing})


RULE = Rule(
    code="SEC-002",
    name="incomplete-art32-coverage",
    summary="No applicable security measure addresses Art. 32(1)(a) encryption or (c) restoring access.",
    severity=Severity.INFO,
    legal_refs=(ref("32", 1),),
    message="{entity}: no security measure is tagged for Art. 32(1){missing}",
    hint=(
        "Record the measures that serve these points and tag them, e.g. 'art32: [a]' for encryption at rest "
        "and in transit, 'art32: [c]' for tested backups."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    processor_record=True,
    led=(led_ref("29", 1),),
)
