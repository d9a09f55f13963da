"""What NL-005 and LAW-013 share: cookies that need consent, and the purposes that fail to rest on it.

Not a rule module. Art. 5(3) of the ePrivacy Directive (2002/58/EC), as each Member State implements it,
requires consent for storing or reading information on a user's device unless it is strictly necessary;
legitimate interests cannot replace that consent. NL-005 applies the Dutch implementation (Art. 11.7a
Telecommunicatiewet, which also exempts analytics with little or no impact on privacy); LAW-013 applies
the Directive elsewhere in the EEA.
"""

from __future__ import annotations

from dataclasses import dataclass

from ropa.law import is_consent_based, lawful_basis
from ropa.models import Activity, CookieKind, LawfulBasis, PurposeKind

__all__ = ["CONSENT_COOKIES", "ConsentGap", "consent_gap"]

CONSENT_COOKIES = (CookieKind.ANALYTICS, CookieKind.TRACKING, CookieKind.ADVERTISING)
"""The kinds that need consent everywhere; ``functional`` never does, and ``low-impact-analytics`` does
not where national law exempts it (Art. 11.7a(3) Telecommunicatiewet)."""

_COOKIE_PURPOSES = (
    None,
    PurposeKind.ANALYTICS,
    PurposeKind.ADVERTISING,
    PurposeKind.MARKETING,
    PurposeKind.PROFILING,
)
"""Purposes that say what the cookies do (or say nothing): a 6-1-f purpose of another kind, such as
security or fraud prevention, is not read as the basis of the cookies."""


@dataclass(frozen=True, slots=True)
class ConsentGap:
    """Where and how an activity's cookies fail to rest on consent.

    Attributes:
        path: JSON Pointer below the activity (the 6-1-f purpose's basis, or ``/cookies``).
        problem: the English fragment of the message (``uses analytics cookies, but ...``).
        legitimate_interests: True when a purpose for the cookies relies on 6-1-f.
    """

    path: str
    problem: str
    legitimate_interests: bool


def consent_gap(activity: Activity) -> ConsentGap | None:
    """How the activity's analytics, tracking or advertising cookies fail to rest on consent, or ``None``:
    a purpose for them relies on legitimate interests, or no purpose relies on consent (including when
    none states a basis at all)."""
    cookies = [c.value for c in CONSENT_COOKIES if c in (activity.cookies or ())]
    if not cookies:
        return None
    purposes = activity.purposes or ()
    kinds = ", ".join(cookies)
    interests = [
        index
        for index, purpose in enumerate(purposes)
        if lawful_basis(purpose) is LawfulBasis.LEGITIMATE_INTERESTS and purpose.kind in _COOKIE_PURPOSES
    ]
    if interests:
        return ConsentGap(
            f"/purposes/{interests[0]}/lawful_basis",
            f"uses {kinds} cookies on the basis of legitimate interests",
            legitimate_interests=True,
        )
    if any(is_consent_based(p) for p in purposes):
        return None
    stated = any(lawful_basis(p) is not None for p in purposes)
    how = "no purpose relies on consent" if stated else "no purpose records consent (or any basis)"
    return ConsentGap("/cookies", f"uses {kinds} cookies, but {how}", legitimate_interests=False)
