"""SPC-003 art9-condition-without-law: an Art. 9(2) condition that rests on law names no law.

## What it does
Reports each ``art9`` entry whose condition is ``9-2-b``, ``9-2-g``, ``9-2-h``, ``9-2-i`` or ``9-2-j``
and that has no ``law``: the Union or Member-State law (for ``9-2-b`` also a collective agreement, for
``9-2-h`` also a contract with a health professional) the condition rests on. A condition listed twice is
checked once (the repetition is SPC-002's).

## Why is this bad?
These five conditions apply only "on the basis of Union or Member State law" (or, for (b), a collective
agreement; for (h), a contract with a health professional under Art. 9(3)). Without the reference the
record cannot show that the condition exists for this processing. In the Netherlands, the UAVG
implements most of them (Art. 22–30 UAVG).

## Example
```yaml
activities:
  - id: sick-leave
    name: Sick-leave administration
    art9:
      - condition: 9-2-b
```

## Use instead
```yaml
activities:
  - id: sick-leave
    name: Sick-leave administration
    art9:
      - condition: 9-2-b
        law: Art. 30(1)(b) UAVG; Art. 7:629 BW (continued payment of wages)
```

## References
- Art. 9(2)(b), 9(2)(g)–(j), 9(3) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import SpecialCondition
from ropa.models.vocab import SPECIAL_CONDITIONS_NEEDING_LAW
from ropa.rules._base import Finding, Rule, RuleContext, ref

WHAT_LAW: dict[SpecialCondition, str] = {
    SpecialCondition.EMPLOYMENT_LAW: (
        "the employment, social security or social protection law, or the collective agreement"
    ),
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: "the law that sets out the substantial public interest",
    SpecialCondition.HEALTH_CARE: "the law, or the contract with a health professional (Art. 9(3))",
    SpecialCondition.PUBLIC_HEALTH: "the law on the public interest in public health",
    SpecialCondition.ARCHIVING_RESEARCH: "the law that provides the Art. 89(1) safeguards",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        seen: set[SpecialCondition] = set()
        for index, basis in enumerate(activity.art9 or ()):
            if basis.condition in seen:
                continue
            seen.add(basis.condition)
            if basis.condition not in SPECIAL_CONDITIONS_NEEDING_LAW or (basis.law or "").strip():
                continue
            yield ctx.finding(
                activity,
                f"/art9/{index}",
                condition=basis.condition.value,
                what=WHAT_LAW[basis.condition],
            )


RULE = Rule(
    code="SPC-003",
    name="art9-condition-without-law",
    summary="An Art. 9(2)(b), (g), (h), (i) or (j) condition names no Union or Member-State law.",
    severity=Severity.WARNING,
    legal_refs=(
        ref("9", 2, "b"),
        ref("9", 2, "g"),
        ref("9", 2, "h"),
        ref("9", 2, "i"),
        ref("9", 2, "j"),
        ref("9", 3),
    ),
    message="{entity}: Art. 9(2) condition {condition} names no law",
    hint="Add 'law:' to the condition, citing {what}.",
    check=check,
    doc=__doc__ or "",
)
