"""NL-005 tracking-cookies-without-consent: analytics, tracking or advertising cookies rest on no consent.

## What it does
Reports each activity whose ``cookies`` include ``analytics``, ``tracking`` or ``advertising`` when no
purpose has lawful basis ``6-1-a`` (consent), or when a purpose relies on ``6-1-f`` (legitimate
interests) for what the cookies do: a purpose of kind analytics, advertising, marketing or profiling,
or of no stated kind. A 6-1-f purpose of another kind (security, fraud prevention) is left alone. When
a purpose states no lawful basis, or there are no purposes, LAW-001 or ACT-001 report that gap and this
rule only looks for 6-1-f.

## Why is this bad?
Art. 11.7a of the Dutch Telecommunicatiewet requires consent for storing or reading information on a
user's device unless it is strictly necessary; legitimate interests cannot replace it. The consent must
meet the GDPR standard (Art. 4(11), 7).

## Known limitations
Art. 11.7a(3)(b) Telecommunicatiewet exempts analytics cookies with little or no impact on privacy
(e.g. a privacy-friendly analytics set-up). Record such a case with a suppression and its justification.

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
- Art. 11.7a Telecommunicatiewet
- Art. 4(11), 6(1)(a), 7 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import CookieKind, LawfulBasis, PurposeKind
from ropa.rules._base import Finding, Rule, RuleContext, ref

_CONSENT_COOKIES = (CookieKind.ANALYTICS, CookieKind.TRACKING, CookieKind.ADVERTISING)
_COOKIE_PURPOSES = (
    None,
    PurposeKind.ANALYTICS,
    PurposeKind.ADVERTISING,
    PurposeKind.MARKETING,
    PurposeKind.PROFILING,
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        cookies = [c.value for c in _CONSENT_COOKIES if c in (activity.cookies or ())]
        if not cookies:
            continue
        purposes = activity.purposes or ()
        kinds = ", ".join(cookies)
        interests = [
            index
            for index, purpose in enumerate(purposes)
            if purpose.lawful_basis is LawfulBasis.LEGITIMATE_INTERESTS and purpose.kind in _COOKIE_PURPOSES
        ]
        if interests:
            yield ctx.finding(
                activity,
                f"/purposes/{interests[0]}/lawful_basis",
                problem=f"uses {kinds} cookies on the basis of legitimate interests",
            )
        elif (
            purposes
            and all(p.lawful_basis is not None for p in purposes)
            and not any(p.lawful_basis is LawfulBasis.CONSENT for p in purposes)
        ):
            yield ctx.finding(
                activity, "/cookies", problem=f"uses {kinds} cookies without a purpose based on consent"
            )


RULE = Rule(
    code="NL-005",
    name="tracking-cookies-without-consent",
    summary="Analytics, tracking or advertising cookies rest on legitimate interests or on no consent.",
    severity=Severity.WARNING,
    legal_refs=(ref("11.7a", instrument="Telecommunicatiewet"), ref("6", 1, "a")),
    message="{entity}: {problem}",
    hint=(
        "Ask consent before placing these cookies (Art. 11.7a Telecommunicatiewet) and record the purpose "
        "with 'lawful_basis: 6-1-a'."
    ),
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
