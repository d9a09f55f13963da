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

A DPV IRI that names a valid basis while ``lawful_basis`` is missing states that basis: LAW-001 and the
other rules read it as the purpose's basis (:func:`ropa.law.lawful_basis`). The IRIs ropa knows are in
``ropa/data/dpv_gdpr.json``. Other IRIs
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
from ropa.law import classify_basis_iri
from ropa.models import LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref

__all__ = ["RULE", "check", "classify"]

classify = classify_basis_iri
"""What a DPV IRI says about the Art. 6(1) basis (:func:`ropa.law.classify_basis_iri`)."""


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
