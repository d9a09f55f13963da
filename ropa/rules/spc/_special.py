"""Shared helpers of the SPC rules: which data categories of an activity are Art. 9 or Art. 10 data.

Not a rule module. A data category is special-category data when its ``special`` field names an
Art. 9(1) category, or when its ``dpv`` IRI is one of the eight DPV ``pd:`` concepts that ropa maps to
those categories (``https://w3id.org/dpv/pd#Health``, ``pd:Health``, ...). Sub-concepts of the DPV
hierarchy (``pd:MedicalHealth``) are not followed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ropa.models import Activity, DataCategory
from ropa.models.vocab import DPV_IRIS, SpecialCategory
from ropa.rules._base import RuleContext

__all__ = ["Ref", "criminal_refs", "describe", "has_broken_category", "special_of", "special_refs"]

_PD_PREFIXES = ("https://w3id.org/dpv/pd#", "http://w3id.org/dpv/pd#", "pd:")
_SPECIAL_BY_PD_NAME: dict[str, SpecialCategory] = {
    iri.rsplit("#", 1)[1]: term for term, iri in DPV_IRIS.items() if isinstance(term, SpecialCategory)
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A data category an activity references, with the JSON Pointer of the reference."""

    path: str
    category: DataCategory
    kind: str
    """The Art. 9(1) category (``health``), or ``criminal``."""


def special_of(category: DataCategory) -> SpecialCategory | None:
    """The Art. 9(1) category of ``category``: its ``special`` field, else its DPV IRI, else ``None``."""
    if category.special is not None:
        return category.special
    dpv = (category.dpv or "").strip()
    for prefix in _PD_PREFIXES:
        if dpv.startswith(prefix):
            return _SPECIAL_BY_PD_NAME.get(dpv[len(prefix) :])
    return None


def _refs(ctx: RuleContext, activity: Activity) -> list[tuple[str, DataCategory]]:
    index = ctx.category_by_id
    out = []
    seen: set[str] = set()
    for position, cid in enumerate(activity.data_categories or ()):
        category = index.get(cid)
        if category is not None and cid not in seen:
            seen.add(cid)
            out.append((f"/data_categories/{position}", category))
    return out


def special_refs(ctx: RuleContext, activity: Activity) -> list[Ref]:
    """The special-category data categories the activity references, in order (each once)."""
    out = []
    for path, category in _refs(ctx, activity):
        kind = special_of(category)
        if kind is not None:
            out.append(Ref(path, category, kind.value))
    return out


def criminal_refs(ctx: RuleContext, activity: Activity) -> list[Ref]:
    """The criminal-conviction and offence data categories the activity references (Art. 10)."""
    return [Ref(path, category, "criminal") for path, category in _refs(ctx, activity) if category.criminal]


def has_broken_category(ctx: RuleContext, activity: Activity) -> bool:
    """True when a data category the activity references failed to load: what it holds is unknown."""
    return any(ctx.is_broken("data_categories", cid) for cid in activity.data_categories or ())


def describe(refs: list[Ref], limit: int = 3) -> str:
    """``health in 'patient-notes', biometric in 'fingerprints'`` (at most ``limit``, then ``...``)."""
    parts = [f"{ref.kind} in '{ref.category.id}'" for ref in refs[:limit]]
    if len(refs) > limit:
        parts.append(f"{len(refs) - limit} more")
    return ", ".join(parts)
