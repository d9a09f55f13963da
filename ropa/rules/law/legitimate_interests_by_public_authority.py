"""LAW-008 legitimate-interests-by-public-authority: a public authority relies on legitimate interests.

## What it does
Reports each purpose with ``lawful_basis: 6-1-f`` when ``organisation.public_authority`` is true.

## Why is this bad?
The second subparagraph of Art. 6(1) excludes point (f) for "processing carried out by public authorities
in the performance of their tasks"; their processing rests on a legal obligation (c) or a public task (e)
laid down by law. Processing that is genuinely outside the authority's public tasks (Recital 47) may be
an exception: suppress the finding for that activity with the justification. LAW-004 and LAW-005 do not
ask for the interest or the balancing test of a purpose reported here (one finding per problem: the fix
is another basis); once LAW-008 is suppressed for an activity, they apply to it as to anyone.

## Example
```yaml
organisation:
  name: Gemeente Voorbeeld
  public_authority: true
activities:
  - id: parking-permits
    name: Parking permits
    purposes:
      - description: Issue and check residents' parking permits
        lawful_basis: 6-1-f
```

## Use instead
```yaml
organisation:
  name: Gemeente Voorbeeld
  public_authority: true
activities:
  - id: parking-permits
    name: Parking permits
    purposes:
      - description: Issue and check residents' parking permits
        lawful_basis: 6-1-e
        law: Parkeerverordening Gemeente Voorbeeld; Art. 225 Gemeentewet
```

## References
- Art. 6(1) second subparagraph GDPR; Recital 47
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis, legitimate_interests_excluded
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref
from ropa.rules.law._public_authority import CODE, NAME


def check(ctx: RuleContext) -> Iterator[Finding]:
    if not legitimate_interests_excluded(ctx.register.organisation):
        return
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if lawful_basis(purpose) is LawfulBasis.LEGITIMATE_INTERESTS:
                yield ctx.finding(
                    activity, f"/purposes/{index}/lawful_basis", purpose=excerpt(purpose.description)
                )


RULE = Rule(
    code=CODE,
    name=NAME,
    summary="A public authority relies on legitimate interests (6-1-f).",
    severity=Severity.ERROR,
    legal_refs=(ref("6", 1),),
    message="{entity}: purpose '{purpose}' relies on legitimate interests, which a public authority cannot "
    "use for its tasks",
    hint="Base the purpose on 6-1-c or 6-1-e with the law that lays down the task; if the processing is "
    "outside the authority's public tasks, suppress this finding with that justification.",
    check=check,
    doc=__doc__ or "",
)
