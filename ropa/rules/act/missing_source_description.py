"""ACT-007 missing-source-description: data not collected from the data subject have no stated source.

## What it does
Reports each entry of an activity's ``sources`` whose ``kind`` is anything but ``data-subject``
(``third-party``, ``public``, ``controller``, ``generated``) and that has no ``description`` (or only
blanks).

## Why is this bad?
When data are not obtained from the data subject, Art. 14(2)(f) requires telling them "from which source
the personal data originate, and if applicable, whether it came from publicly accessible sources"; the
ICO template records it in its "source of the personal data" column. A bare ``third-party`` does not say
which source.

## Example
```yaml
activities:
  - id: credit-check
    name: Credit check
    sources:
      - kind: third-party
```

## Use instead
```yaml
activities:
  - id: credit-check
    name: Credit check
    sources:
      - kind: third-party
        description: Credit reports from Example Credit Bureau BV
```

## References
- Art. 14(2)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import DataSourceKind
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, source in enumerate(activity.sources or ()):
            if source.kind is DataSourceKind.DATA_SUBJECT:
                continue
            if source.description and source.description.strip():
                continue
            yield ctx.finding(activity, f"/sources/{index}", kind=source.kind.value)


RULE = Rule(
    code="ACT-007",
    name="missing-source-description",
    summary="A source other than the data subject has no description.",
    severity=Severity.WARNING,
    legal_refs=(ref("14", 2, "f"),),
    message="{entity}: the '{kind}' source of the data is not described",
    hint="Add 'description:' to the source, naming where the data come from (which party, register or "
    "public source).",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
