"""LAW-010 child-consent-without-age-verification: children consent without age checks or parental consent.

## What it does
Reports each purpose that relies on consent under Art. 6(1)(a) in an activity whose data subjects include
children (a category with ``vulnerable: child``, or a DPV IRI under ``dpv:Child``; see :mod:`ropa.law`),
when ``consent.age_verification`` (how the child's age is checked, or how
parental consent is obtained) is missing or blank. The message gives the Art. 8(1) age for the
organisation's ``country`` from the data file ``ropa/data/art8_ages.json`` (16 when the country is not
stated or not in the table; values the file marks as not verified are flagged as such).

The register has no flag for "information society service offered directly to a child"; the rule
assumes consent-based processing of children's data in the record is such a service. Suppress the
finding with a justification where it is not.

## Why is this bad?
Under Art. 8(1) consent for an information society service offered directly to a child is valid only
from the age the Member State sets (16 by default, 13 at the lowest; 16 in the Netherlands under Art. 5
UAVG); below it, the holder of parental responsibility must give or authorise consent, and Art. 8(2)
requires reasonable efforts to verify this.

## Example
```yaml
organisation:
  name: Example Games BV
  country: NL
data_subjects:
  - id: players
    name: Players
    vulnerable: child
activities:
  - id: game-accounts
    name: Game accounts
    data_subjects: [players]
    purposes:
      - description: Send game news by e-mail to players who ask for it
        lawful_basis: 6-1-a
        consent:
          withdrawal: Unsubscribe link in every e-mail
```

## Use instead
```yaml
organisation:
  name: Example Games BV
  country: NL
data_subjects:
  - id: players
    name: Players
    vulnerable: child
activities:
  - id: game-accounts
    name: Game accounts
    data_subjects: [players]
    purposes:
      - description: Send game news by e-mail to players who ask for it
        lawful_basis: 6-1-a
        consent:
          withdrawal: Unsubscribe link in every e-mail
          age_verification: Date of birth at sign-up; under 16 a parent confirms by e-mail
          minimum_age: 16
```

## References
- Art. 8(1)–(2) GDPR
- NL: Art. 5 UAVG
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ropa._data import load_data
from ropa.diagnostics import Severity
from ropa.law import consent_purposes, is_child
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

__all__ = ["RULE", "ConsentAge", "check", "digital_consent_age"]


@dataclass(frozen=True, slots=True)
class ConsentAge:
    """The Art. 8(1) age that applies, and where it comes from."""

    age: int
    country: str | None
    """The ISO code it was looked up for; ``None`` when the GDPR default applies."""
    verified: bool
    """False when the data file marks the value as not verified against the national law."""


def digital_consent_age(country: str | None) -> ConsentAge:
    """The Art. 8(1) age of digital consent for ``country`` (ISO 3166-1 alpha-2), from the data file."""
    data = load_data("art8_ages")
    entry = data["ages"].get(country) if country else None
    if entry is None:
        return ConsentAge(int(data["default"]), None, True)
    return ConsentAge(int(entry["age"]), country, bool(entry.get("verified", False)))


def _describe(age: ConsentAge) -> str:
    if age.country is None:
        return f"{age.age}, the GDPR default"
    return f"{age.age} in {age.country}" + ("" if age.verified else ", a value not yet verified")


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    threshold: str | None = None
    for activity in ctx.activities:
        if not any(is_child(s) for s in ctx.subjects_of(activity)):
            continue
        for index, purpose in consent_purposes(activity):
            consent = purpose.consent
            if consent is not None and consent.age_verification and consent.age_verification.strip():
                continue
            if threshold is None:
                threshold = _describe(digital_consent_age(org.country if org is not None else None))
            path = f"/purposes/{index}/" + ("consent" if consent is not None else "lawful_basis")
            yield ctx.finding(activity, path, purpose=excerpt(purpose.description), age=threshold)


RULE = Rule(
    code="LAW-010",
    name="child-consent-without-age-verification",
    summary="Consent-based processing of children's data records no age verification or parental consent.",
    severity=Severity.WARNING,
    legal_refs=(ref("8", 1), ref("8", 2), ref("5", instrument="UAVG")),
    message="{entity}: purpose '{purpose}' relies on consent from children but records no age check or "
    "parental consent (Art. 8 age: {age})",
    hint="Add 'consent: {{age_verification: ...}}' saying how age is checked and how a parent consents for "
    "children under the Art. 8 age ({age}).",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
)
