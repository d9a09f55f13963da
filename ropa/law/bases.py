"""Lawful bases (Art. 6(1)) and consent (Art. 6(1)(a), 7, 9(2)(a)).

A public authority cannot rely on legitimate interests (Art. 6(1)(f)) for processing in the performance of
its tasks (Art. 6(1), second subparagraph).

A purpose's lawful basis is its ``lawful_basis`` code, or, when that is not stated, the basis its DPV IRI
(``dpv:``) names (``eu-gdpr:A6-1-b``, ``dpv:Contract``); the IRIs are listed in
``ropa/data/dpv_gdpr.json``. Processing is based on consent when a purpose relies on Art. 6(1)(a) or the
activity relies on explicit consent under Art. 9(2)(a); Art. 7 (demonstrating consent, withdrawing it as
easily as giving it) applies to both.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ropa.law._dpv import gdpr_reading
from ropa.models import Activity, LawfulBasis, Organisation, Purpose, SpecialCondition

__all__ = [
    "classify_basis_iri",
    "consent_purposes",
    "explicit_consent_conditions",
    "is_consent_based",
    "lawful_basis",
    "legitimate_interests_excluded",
    "withdrawal_recorded",
]


@cache
def _iris() -> dict[str, Any]:
    data: dict[str, Any] = gdpr_reading()["lawful_basis_iris"]
    return data


def _term(iri: str, namespaces: list[str]) -> str | None:
    for namespace in namespaces:
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return None


def classify_basis_iri(iri: str) -> LawfulBasis | str | None:
    """What a DPV IRI says about the Art. 6(1) basis.

    Returns:
        The :class:`LawfulBasis` it names; or, for a GDPR legal-basis IRI that is not an Art. 6(1) basis,
        what it is instead (``an Art. 9(2) condition, ...``); or ``None`` when the IRI is no legal basis.
    """
    table = _iris()
    text = iri.strip()
    term = _term(text, table["gdpr_namespaces"])
    if term is not None:
        if term in table["gdpr_terms"]:
            return LawfulBasis(table["gdpr_terms"][term])
        for entry in table["not_art6"]:
            if term.startswith(entry["prefix"]):
                return str(entry["what"])
        return None
    term = _term(text, table["dpv_namespaces"])
    if term is not None and term in table["dpv_terms"]:
        return LawfulBasis(table["dpv_terms"][term])
    return None


def lawful_basis(purpose: Purpose) -> LawfulBasis | None:
    """The purpose's Art. 6(1) basis: ``lawful_basis``, else the basis its DPV IRI names, else ``None``."""
    if purpose.lawful_basis is not None:
        return purpose.lawful_basis
    if purpose.dpv:
        found = classify_basis_iri(purpose.dpv)
        if isinstance(found, LawfulBasis):
            return found
    return None


def legitimate_interests_excluded(organisation: Organisation | None) -> bool:
    """True when the controller is a public authority, which cannot rely on Art. 6(1)(f) for processing
    in the performance of its tasks (Art. 6(1), second subparagraph). Processing outside those tasks
    (Recital 47) is the exception the register states for an activity (LAW-008 is then suppressed)."""
    return organisation is not None and bool(organisation.public_authority)


def is_consent_based(purpose: Purpose) -> bool:
    """True when the purpose relies on consent under Art. 6(1)(a)."""
    return lawful_basis(purpose) is LawfulBasis.CONSENT


def consent_purposes(activity: Activity) -> Iterator[tuple[int, Purpose]]:
    """``(index, purpose)`` of the activity's purposes that rely on Art. 6(1)(a) consent."""
    for index, purpose in enumerate(activity.purposes or ()):
        if is_consent_based(purpose):
            yield index, purpose


def explicit_consent_conditions(activity: Activity) -> list[int]:
    """The positions in ``art9`` of the Art. 9(2)(a) explicit-consent conditions."""
    return [i for i, b in enumerate(activity.art9 or ()) if b.condition is SpecialCondition.EXPLICIT_CONSENT]


def withdrawal_recorded(activity: Activity) -> bool:
    """True when some purpose of the activity records how consent is withdrawn (Art. 7(3))."""
    return any(
        p.consent is not None and bool(p.consent.withdrawal and p.consent.withdrawal.strip())
        for p in activity.purposes or ()
    )
