"""What LAW-006 and LAW-007 share: where a consent of an activity lacks a detail Art. 7 asks for.

Not a rule module. Consent is that of a purpose under Art. 6(1)(a), or the explicit consent of an
Art. 9(2)(a) condition, whatever the Art. 6 basis (:mod:`ropa.law`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.law import consent_purposes, explicit_consent_conditions
from ropa.models import Activity, Consent
from ropa.rules._base import excerpt

__all__ = ["consent_gaps"]


def _states(consent: Consent | None, detail: str) -> bool:
    text = getattr(consent, detail) if consent is not None else None
    return bool(text and text.strip())


def consent_gaps(activity: Activity, detail: str) -> Iterator[tuple[str, str]]:
    """``(JSON Pointer, what)`` of each consent of ``activity`` whose ``consent.<detail>`` (``withdrawal``,
    ``records``) is missing: every 6-1-a purpose without it, and the first 9-2-a condition when no purpose
    of the activity records it and no 6-1-a purpose was reported (one gap, one finding)."""
    reported = False
    for index, purpose in consent_purposes(activity):
        if _states(purpose.consent, detail):
            continue
        reported = True
        path = f"/purposes/{index}/" + ("consent" if purpose.consent is not None else "lawful_basis")
        yield path, f"purpose '{excerpt(purpose.description)}'"
    conditions = explicit_consent_conditions(activity)
    if not conditions or reported:
        return
    if any(_states(purpose.consent, detail) for purpose in activity.purposes or ()):
        return
    yield f"/art9/{conditions[0]}", "the explicit consent of its Art. 9(2)(a) condition"
