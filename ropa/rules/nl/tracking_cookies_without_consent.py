"""NL-005 tracking-cookies-without-consent: analytics, tracking or advertising cookies rest on no consent.

## What it does
Reports each activity whose ``cookies`` include ``analytics``, ``tracking`` or ``advertising`` (cookies,
pixels and similar technologies that store or read information on the user's device, e-mail tracking
pixels included) when

- a purpose relies on ``6-1-f`` (legitimate interests) for what the cookies do: a purpose of kind
  analytics, advertising, marketing or profiling, or of no stated kind (a 6-1-f purpose of another kind,
  such as security or fraud prevention, is left alone); or
- no purpose relies on consent (``6-1-a``), including when the purposes state no lawful basis at all or
  there are none: the finding does not wait for LAW-001 or ACT-001 to be fixed.

Cookies that Art. 11.7a(3) Telecommunicatiewet exempts from consent are not reported: ``functional``
(strictly necessary for the service the user asked for) and ``low-impact-analytics`` (analytics that only
measure the quality or effectiveness of the service, with little or no impact on privacy, e.g. without
sharing data with the analytics provider for its own purposes).

## Why is this bad?
Art. 11.7a(1) of the Dutch Telecommunicatiewet requires consent for storing or reading information on a
user's device, unless Art. 11.7a(3) exempts it: (a) for the transmission of a communication, (b) strictly
necessary for the service the user asked for, or, with little or no impact on privacy, to measure the
quality or effectiveness of the service. Legitimate interests cannot replace consent, and the consent must
meet the GDPR standard (Art. 4(11), 7). E-mail tracking pixels are covered too (EDPB Guidelines 2/2023 on
the technical scope of Art. 5(3) of the ePrivacy Directive).

## Example
```yaml
activities:
  - id: web-analytics
    name: Web analytics
    cookies: [analytics]
    purposes:
      - description: Measure which pages visitors use
        kind: analytics
        lawful_basis: 6-1-f
        legitimate_interest: Improving the webshop
```

## Use instead
```yaml
activities:
  - id: web-analytics
    name: Web analytics
    cookies: [analytics]
    purposes:
      - description: Measure which pages visitors use
        kind: analytics
        lawful_basis: 6-1-a
        consent:
          records: Consent log of the cookie banner
          withdrawal: Cookie settings link in the footer
```

## References
- Art. 11.7a(1), 11.7a(3) Telecommunicatiewet (as amended by the Act of 4 February 2015, Kamerstukken
  33 902, which added the exemption for analytics with little or no impact on privacy)
- Art. 4(11), 6(1)(a), 7 GDPR
- EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of the ePrivacy Directive
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.law._cookies import consent_gap


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        gap = consent_gap(activity)
        if gap is not None:
            yield ctx.finding(activity, gap.path, problem=gap.problem)


RULE = Rule(
    code="NL-005",
    name="tracking-cookies-without-consent",
    summary="Analytics, tracking or advertising cookies rest on legitimate interests, or on no consent.",
    severity=Severity.WARNING,
    legal_refs=(ref("11.7a", 1, instrument="Telecommunicatiewet"), ref("6", 1, "a"), ref("7")),
    message="{entity}: {problem}",
    hint=(
        "Ask consent before placing these cookies (Art. 11.7a Telecommunicatiewet) and record the purpose "
        "with 'lawful_basis: 6-1-a'."
    ),
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
