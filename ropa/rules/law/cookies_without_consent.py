"""LAW-013 cookies-without-consent: analytics, tracking or advertising cookies rest on no consent (ePrivacy).

## What it does
For a controller established in the European Economic Area (a Dutch controller only when the ``nl``
profile is off: otherwise NL-005 applies the Telecommunicatiewet), reports each activity whose
``cookies`` include ``analytics``, ``tracking`` or ``advertising`` (cookies, SDKs, pixels and similar
technologies that store or read information on the user's device) when

- a purpose relies on ``6-1-f`` (legitimate interests) for what the cookies do: a purpose of kind
  analytics, advertising, marketing or profiling, or of no stated kind (a 6-1-f purpose of another kind,
  such as security, is left alone); or
- no purpose relies on consent (``6-1-a``), including when the purposes state no basis at all.

``functional`` cookies (strictly necessary for the service the user asked for) and
``low-impact-analytics`` are not reported: the first need no consent anywhere, the second are exempt in
some Member States and not in others, which ropa does not decide. The finding's hint names the national
provision of the controller's country where ``ropa/data/eprivacy.json`` has it (Germany: § 25(1) TDDDG;
France: art. 82 of the loi Informatique et Libertés; Ireland: Reg. 5(3) S.I. 336/2011). A public
authority's 6-1-f purpose is LAW-008's (one problem, one finding), unless the activity suppresses LAW-008.

## Why is this bad?
Art. 5(3) of the ePrivacy Directive, as every Member State implements it, allows storing information on a
user's device, or reading it, only with the user's consent, unless it is strictly necessary for the
service the user explicitly requested or for transmitting a communication. Consent has the GDPR meaning
(Art. 4(11), 7); legitimate interests cannot replace it, whatever the basis of the later processing. The
rule covers apps' analytics SDKs as much as web cookies (EDPB Guidelines 2/2023 on the technical scope of
Art. 5(3)).

## Example
```yaml
organisation:
  name: Lernfuchs GmbH
  country: DE
activities:
  - id: app-analytics
    name: App analytics and crash reports
    cookies: [analytics]
    purposes:
      - description: Measure reach and improve the app
        kind: analytics
        lawful_basis: 6-1-f
        legitimate_interest: Reach and efficiency of the app
```

## Use instead
```yaml
organisation:
  name: Lernfuchs GmbH
  country: DE
activities:
  - id: app-analytics
    name: App analytics and crash reports
    cookies: [analytics]
    purposes:
      - description: Measure reach and improve the app
        kind: analytics
        lawful_basis: 6-1-a
        consent:
          records: Consent log of the in-app consent dialogue
          withdrawal: Privacy settings in the app
```

## References
- Art. 5(3) Directive 2002/58/EC (ePrivacy Directive), as amended by Directive 2009/136/EC, and its
  national implementations (``ropa/data/eprivacy.json``)
- Art. 4(11), 6(1)(a), 7 GDPR
- EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of the ePrivacy Directive
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa._data import load_data
from ropa.diagnostics import Severity
from ropa.law import is_eea
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.law._cookies import consent_gap
from ropa.rules.law._public_authority import reported_by_law008


def _provision(country: str) -> str:
    """The Directive's article, with the national provision of ``country`` where the data file has it."""
    data = load_data("eprivacy")
    national = data["provisions"].get(country)
    return "; ".join([data["directive"], national]) if national else str(data["directive"])


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    country = org.country if org is not None else None
    if country is None or not is_eea(country) or (country == "NL" and "nl" in ctx.profiles):
        return  # outside the EEA, or country unknown; in the Netherlands NL-005 applies its Act
    law = _provision(country)
    for activity in ctx.activities:
        gap = consent_gap(activity)
        if gap is None or (gap.legitimate_interests and reported_by_law008(ctx, activity)):
            continue
        yield ctx.finding(activity, gap.path, problem=gap.problem, law=law)


RULE = Rule(
    code="LAW-013",
    name="cookies-without-consent",
    summary="Analytics, tracking or advertising cookies rest on legitimate interests, or on no consent.",
    severity=Severity.WARNING,
    legal_refs=(ref("5", 3, instrument="Directive 2002/58/EC"), ref("6", 1, "a"), ref("7")),
    message="{entity}: {problem}",
    hint="Ask consent before these cookies or similar technologies store or read anything on the user's "
    "device ({law}) and record the purpose with 'lawful_basis: 6-1-a'.",
    check=check,
    doc=__doc__ or "",
)
