"""The security measures that apply to an activity: referenced or inherited, plus its own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ropa._data import load_data
from ropa.models import Activity, MeasureKind, ProcessorActivity, SecurityMeasure, SpecificMeasure
from ropa.rules._base import RuleContext

__all__ = ["Effective", "art32_points", "effective_measures", "vague_phrase"]


@cache
def _vocabulary() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    data = load_data("security_vocabulary")
    vague = tuple(re.compile(p, re.IGNORECASE) for phrases in data["vague"].values() for p in phrases)
    words = sorted({w for terms in data["concrete"].values() for w in terms}, key=len, reverse=True)
    concrete = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
    return vague, concrete


def vague_phrase(description: str) -> str | None:
    """The vague phrase (``passende maatregelen``, ``appropriate measures``) when a measure's description
    says only that and names no concrete control (``ropa/data/security_vocabulary.json``), else ``None``."""
    vague, concrete = _vocabulary()
    for pattern in vague:
        match = pattern.search(description)
        if match is not None:
            return None if concrete.search(description) else " ".join(match.group(0).split())
    return None


_POINT = re.compile(r"([a-d])\)?\s*$", re.IGNORECASE)


def art32_points(tags: Iterable[str] | None) -> set[str]:
    """The Art. 32(1) points (``a``–``d``) a list of tags names: ``a``, ``(a)`` and ``32(1)(a)`` all count."""
    out = set()
    for tag in tags or ():
        match = _POINT.search(tag.strip())
        if match:
            out.add(match.group(1).lower())
    return out


@dataclass(frozen=True)
class Effective:
    """The measures that apply to one activity.

    Attributes:
        shared: organisation-level measures, referenced by id or (when the activity lists none) inherited.
        specific: the activity's own measures.
        inherited: True when ``shared`` is the whole organisation-level list, inherited.
        unresolved: True when the activity references a measure id that is not defined.
    """

    shared: tuple[SecurityMeasure, ...]
    specific: tuple[SpecificMeasure, ...]
    inherited: bool
    unresolved: bool

    @property
    def measures(self) -> tuple[SecurityMeasure | SpecificMeasure, ...]:
        """Every measure that applies."""
        return (*self.shared, *self.specific)

    @property
    def empty(self) -> bool:
        """True when no measure applies."""
        return not self.shared and not self.specific

    @property
    def points(self) -> set[str]:
        """The Art. 32(1) points the measures address."""
        return art32_points(tag for m in self.measures for tag in m.art32 or ())

    @property
    def only_organisational(self) -> bool:
        """True when there are measures and every one is of kind ``organisational``."""
        kinds = [m.kind for m in self.measures]
        return bool(kinds) and all(k is MeasureKind.ORGANISATIONAL for k in kinds)


def effective_measures(ctx: RuleContext, activity: Activity | ProcessorActivity) -> Effective:
    """The measures of ``activity``: an activity that references no organisation-level measure (the key
    absent or ``[]``) inherits all of them; one that references some gets exactly those."""
    specific = tuple(activity.specific_measures or ())
    if not activity.security_measures:
        return Effective(tuple(ctx.register.security_measures or ()), specific, True, False)
    index = ctx.measure_by_id
    found = tuple(index[m] for m in activity.security_measures if m in index)
    return Effective(found, specific, False, len(found) != len(activity.security_measures))
