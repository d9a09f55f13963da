"""SPC-004 art9-consent-not-explicit: Art. 9(2)(a) is relied on, but consent is not recorded as explicit.

## What it does
For each activity whose ``art9`` includes ``9-2-a`` (explicit consent):

- reports each purpose with ``lawful_basis: 6-1-a`` whose ``consent`` block does not say
  ``explicit: true``;
- when no purpose is based on consent, reports the ``9-2-a`` entry if no purpose's ``consent`` block
  says ``explicit: true``.

The rule works per activity: a consent purpose of the same activity that does not touch the special
data is reported too; split such purposes into their own activity. Activities with ``role: processor``
are not checked: obtaining consent is the controller's task.

## Why is this bad?
Art. 9(2)(a) requires *explicit* consent, a higher standard than the consent of Art. 6(1)(a): an express
statement (a signed form, a separate tick-box with a clear text). Ordinary consent does not lift the
prohibition of Art. 9(1), and the controller must be able to demonstrate the explicit consent (Art. 7(1)).

## Example
```yaml
activities:
  - id: allergy-profile
    name: Allergy profile in the web shop
    art9:
      - condition: 9-2-a
    purposes:
      - description: Show products free of the customer's allergens
        lawful_basis: 6-1-a
        consent:
          withdrawal: Account settings, 'Allergies' page
```

## Use instead
```yaml
activities:
  - id: allergy-profile
    name: Allergy profile in the web shop
    art9:
      - condition: 9-2-a
    purposes:
      - description: Show products free of the customer's allergens
        lawful_basis: 6-1-a
        consent:
          explicit: true
          withdrawal: Account settings, 'Allergies' page
```

## References
- Art. 9(2)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import consent_purposes, explicit_consent_conditions
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        conditions = explicit_consent_conditions(activity)
        if not conditions:
            continue
        art9_index = conditions[0]
        purposes = list(enumerate(activity.purposes or ()))
        consent_based = list(consent_purposes(activity))
        if not consent_based:
            if not any(p.consent is not None and p.consent.explicit is True for _, p in purposes):
                yield ctx.finding(
                    activity, f"/art9/{art9_index}", problem="no purpose records explicit consent"
                )
            continue
        for index, purpose in consent_based:
            consent = purpose.consent
            if consent is not None and consent.explicit is True:
                continue
            label = excerpt(purpose.description)
            if consent is None:
                problem = f"purpose '{label}' records no consent details"
                path = f"/purposes/{index}"
            elif consent.explicit is False:
                problem = f"the consent of purpose '{label}' is recorded as not explicit"
                path = f"/purposes/{index}/consent/explicit"
            else:
                problem = f"the consent of purpose '{label}' is not recorded as explicit"
                path = f"/purposes/{index}/consent"
            yield ctx.finding(activity, path, problem=problem)


RULE = Rule(
    code="SPC-004",
    name="art9-consent-not-explicit",
    summary="Art. 9(2)(a) is relied on, but the consent is not recorded as explicit.",
    severity=Severity.ERROR,
    legal_refs=(ref("9", 2, "a"),),
    message="{entity}: relies on explicit consent (Art. 9(2)(a)), but {problem}",
    hint=(
        "Obtain explicit consent (an express statement for the special data) and record 'consent: "
        "{{explicit: true}}' on the purpose; otherwise rely on another Art. 9(2) condition."
    ),
    check=check,
    doc=__doc__ or "",
)
