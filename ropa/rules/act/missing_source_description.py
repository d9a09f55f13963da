"""ACT-007 missing-source-description: data from a third party or a public source have no stated source.

## What it does
Reports each entry of an activity's ``sources`` whose ``kind`` is ``third-party`` or ``public`` and that
has no ``description`` (or only blanks).

Sources of kind ``controller`` (the organisation's own records, kept for another activity) and
``generated`` (data the organisation derives itself, such as a score computed from the data subject's
answers) are not reported: such data are not *obtained* from anyone, so Art. 14 asks for no source; what
the data subject must be told about them is the further processing (Art. 13(3), 14(4)) or the logic of the
profiling (Art. 13(2)(f), 15(1)(h)), which other rules cover.

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

# Sources from which data are obtained from someone other than the data subject (Art. 14).
_OBTAINED = frozenset({DataSourceKind.THIRD_PARTY, DataSourceKind.PUBLIC})


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, source in enumerate(activity.sources or ()):
            if source.kind not in _OBTAINED:
                continue
            if source.description and source.description.strip():
                continue
            yield ctx.finding(activity, f"/sources/{index}", kind=source.kind.value)


RULE = Rule(
    code="ACT-007",
    name="missing-source-description",
    summary="A third-party or public source of the data has no description.",
    severity=Severity.WARNING,
    legal_refs=(ref("14", 2, "f"),),
    message="{entity}: the '{kind}' source of the data is not described",
    hint="Add 'description:' to the source, naming where the data come from (which party, register or "
    "public source).",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
