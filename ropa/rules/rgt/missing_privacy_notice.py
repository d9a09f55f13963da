"""RGT-004 missing-privacy-notice: an activity collecting data from data subjects names no privacy notice.

## What it does
Reports each controller activity that collects data from the data subjects themselves (a source of kind
``data-subject``, or no ``sources`` stated) when neither the activity (``privacy_notice`` or
``notice.url``) nor the organisation (``privacy_notice_url``) says where the data subjects are informed.

## Why is this bad?
Art. 13 requires the controller to give the data subject the information it lists at the time the data
are obtained; Art. 14 when the data come from elsewhere. The register is where an auditor looks first to
find out where that happens.

## Example
```yaml
organisation:
  name: Example BV
activities:
  - id: newsletter
    name: Newsletter
    sources:
      - kind: data-subject
```

## Use instead
```yaml
organisation:
  name: Example BV
  privacy_notice_url: https://example.nl/privacy
activities:
  - id: newsletter
    name: Newsletter
    sources:
      - kind: data-subject
```

## References
- Art. 13(1), 14(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, DataSourceKind, ProcessingRole
from ropa.rules._base import Finding, Rule, RuleContext, ref


def _collects_from_subject(activity: Activity) -> bool:
    if not activity.sources:
        return True  # not stated: the usual case is collection from the data subject
    return any(source.kind is DataSourceKind.DATA_SUBJECT for source in activity.sources)


def _has_notice(activity: Activity) -> bool:
    if activity.privacy_notice and activity.privacy_notice.strip():
        return True
    return activity.notice is not None and bool(activity.notice.url and activity.notice.url.strip())


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    if (
        organisation is not None
        and organisation.privacy_notice_url
        and organisation.privacy_notice_url.strip()
    ):
        return
    for activity in ctx.activities:
        if activity.role is not ProcessingRole.CONTROLLER or _has_notice(activity):
            continue
        if _collects_from_subject(activity):
            yield ctx.finding(activity)


RULE = Rule(
    code="RGT-004",
    name="missing-privacy-notice",
    summary="An activity collecting data from data subjects names no privacy notice.",
    severity=Severity.INFO,
    legal_refs=(ref("13", 1), ref("14", 1)),
    message="{entity}: collects data from data subjects, but no privacy notice is referenced",
    hint=(
        "Add 'privacy_notice_url:' to the organisation, or 'privacy_notice:' to the activity when it has a "
        "notice of its own."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
