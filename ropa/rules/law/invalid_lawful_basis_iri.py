"""LAW-002 invalid-lawful-basis-iri: a purpose's DPV legal-basis IRI is no Art. 6(1) basis or contradicts it.

## What it does
A ``lawful_basis`` that is not one of the codes ``6-1-a`` ... ``6-1-f`` never reaches the rules: the
model rejects it and the loader reports it as ``STR-005`` (the activity is then left out, so no rule
reports it twice). What does get through is a purpose's optional ``dpv`` IRI. This rule reads that IRI
when it names a GDPR legal basis, in the DPV 2.x namespace ``https://w3id.org/dpv/legal/eu/gdpr#``
(also ``http://``, the DPV 1.x ``https://w3id.org/dpv/dpv-gdpr#`` and the prefixes ``eu-gdpr:`` and
``dpv-gdpr:``) or as a core DPV legal-basis class (``https://w3id.org/dpv#Contract``, ``dpv:Consent``,
``dpv:LegitimateInterest`` ...), and reports the purpose when the IRI

- is an Art. 9(2) condition (``A9-2-a`` ...) or a Chapter V transfer basis (``A45-3``, ``A46-2-c``,
  ``A49-1-b`` ...): not an Art. 6(1) lawful basis at all;
- starts with ``A6-`` but is none of the Art. 6(1)(a)–(f) terms of DPV 2.3 (``A6-1-a`` ... ``A6-1-f``
  and their variants such as ``A6-1-b-contract-performance`` or ``A6-1-f-third-party``);
- names an Art. 6(1) basis that differs from the purpose's ``lawful_basis``.

A DPV IRI that names a valid basis while ``lawful_basis`` is missing is left to LAW-001. Other IRIs
(DPV purposes such as ``dpv:Marketing``, rights such as ``eu-gdpr:A15``) are not legal bases and are
ignored.

## Why is this bad?
Art. 6(1) lists exactly six lawful bases. An IRI that names an Art. 9 condition or a transfer tool in
place of the lawful basis, or one that contradicts the stated basis, makes the record say two different
things about why the processing is lawful, and exports to DPV carry the contradiction along.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
    purposes:
      - description: Deliver the ordered products
        lawful_basis: 6-1-f
        dpv: https://w3id.org/dpv/legal/eu/gdpr#A6-1-b-contract-performance
```

## Use instead
```yaml
activities:
  - id: orders
    name: Order handling
    purposes:
      - description: Deliver the ordered products
        lawful_basis: 6-1-b
        dpv: https://w3id.org/dpv/legal/eu/gdpr#A6-1-b-contract-performance
```

## References
- Art. 6(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

__all__ = ["RULE", "check", "classify"]

_GDPR_NAMESPACES = (
    "https://w3id.org/dpv/legal/eu/gdpr#",
    "http://w3id.org/dpv/legal/eu/gdpr#",
    "https://w3id.org/dpv/dpv-gdpr#",
    "http://w3id.org/dpv/dpv-gdpr#",
    "eu-gdpr:",
    "dpv-gdpr:",
)
_DPV_NAMESPACES = ("https://w3id.org/dpv#", "http://w3id.org/dpv#", "dpv:")

_A = LawfulBasis.CONSENT
_B = LawfulBasis.CONTRACT
_C = LawfulBasis.LEGAL_OBLIGATION
_D = LawfulBasis.VITAL_INTERESTS
_E = LawfulBasis.PUBLIC_TASK
_F = LawfulBasis.LEGITIMATE_INTERESTS
_GDPR_TERMS: dict[str, LawfulBasis] = {
    "A6-1-a": _A,
    "A6-1-a-explicit-consent": _A,
    "A6-1-a-non-explicit-consent": _A,
    "Consent": _A,
    "A6-1-b": _B,
    "A6-1-b-contract-performance": _B,
    "A6-1-b-enter-into-contract": _B,
    "A6-1-c": _C,
    "A6-1-d": _D,
    "A6-1-d-data-subject": _D,
    "A6-1-d-natural-person": _D,
    "A6-1-e": _E,
    "A6-1-e-official-authority": _E,
    "A6-1-e-public-interest": _E,
    "A6-1-f": _F,
    "A6-1-f-controller": _F,
    "A6-1-f-third-party": _F,
}
"""The Art. 6(1) terms of the DPV 2.3 GDPR extension (``legal_basis.csv``) and the basis each names."""

_DPV_TERMS: dict[str, LawfulBasis] = {
    "Consent": _A,
    "ExpressedConsent": _A,
    "ExplicitlyExpressedConsent": _A,
    "Contract": _B,
    "ContractPerformance": _B,
    "EnterIntoContract": _B,
    "LegalObligation": _C,
    "VitalInterest": _D,
    "VitalInterestOfDataSubject": _D,
    "VitalInterestOfNaturalPerson": _D,
    "PublicInterest": _E,
    "OfficialAuthorityOfController": _E,
    "LegitimateInterest": _F,
    "LegitimateInterestOfController": _F,
    "LegitimateInterestOfThirdParty": _F,
    "LegitimateInterestOfDataSubject": _F,
}
"""Core DPV legal-basis classes that correspond to one Art. 6(1) basis."""


def _term(iri: str, namespaces: tuple[str, ...]) -> str | None:
    for namespace in namespaces:
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return None


def classify(iri: str) -> LawfulBasis | str | None:
    """What a DPV IRI says about the Art. 6(1) basis.

    Returns:
        The :class:`LawfulBasis` it names; or, for a GDPR legal-basis IRI that is not an Art. 6(1) basis,
        a description of what it is instead; or ``None`` when the IRI is not a legal basis at all.
    """
    iri = iri.strip()
    term = _term(iri, _GDPR_NAMESPACES)
    if term is not None:
        if term in _GDPR_TERMS:
            return _GDPR_TERMS[term]
        if term.startswith("A9-2"):
            return "an Art. 9(2) condition, not an Art. 6(1) lawful basis"
        if term.startswith(("A45", "A46", "A49")):
            return "a Chapter V transfer basis, not an Art. 6(1) lawful basis"
        if term.startswith("A6-"):
            return "not one of the Art. 6(1)(a)–(f) lawful bases"
        return None
    term = _term(iri, _DPV_NAMESPACES)
    return _DPV_TERMS.get(term) if term is not None else None


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        for index, purpose in enumerate(activity.purposes or ()):
            if not purpose.dpv:
                continue
            found = classify(purpose.dpv)
            if found is None:
                continue
            if isinstance(found, LawfulBasis):
                if purpose.lawful_basis is None or purpose.lawful_basis is found:
                    continue
                problem = f"names basis {found.value}, but 'lawful_basis' is {purpose.lawful_basis.value}"
            else:
                problem = f"is {found}"
            yield ctx.finding(
                activity,
                f"/purposes/{index}/dpv",
                purpose=excerpt(purpose.description),
                iri=purpose.dpv.strip(),
                problem=problem,
            )


RULE = Rule(
    code="LAW-002",
    name="invalid-lawful-basis-iri",
    summary="A purpose's DPV legal-basis IRI is not an Art. 6(1) basis, or contradicts 'lawful_basis'.",
    severity=Severity.ERROR,
    legal_refs=(ref("6", 1),),
    message="{entity}: purpose '{purpose}': DPV IRI '{iri}' {problem}",
    hint="State the basis as 'lawful_basis: 6-1-a' ... '6-1-f' and make the DPV IRI agree with it "
    "(eu-gdpr:A6-1-a ... A6-1-f); Art. 9(2) conditions belong under 'art9:', transfer bases under "
    "'transfers:'.",
    check=check,
    doc=__doc__ or "",
)
