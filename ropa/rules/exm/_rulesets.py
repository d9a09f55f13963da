"""The Art. 30(5) exemption rule sets of ``ropa/data/exemption.json``, shared by EXM-001 and EXM-002."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ropa._data import load_data

__all__ = ["Ruleset", "current_ruleset", "rulesets"]


@dataclass(frozen=True, slots=True)
class Ruleset:
    """One version of the Art. 30(5) test."""

    id: str
    threshold: int
    status: str
    """``in-force`` or ``proposal``."""
    in_force_from: dt.date | None
    description: str


@cache
def rulesets() -> Mapping[str, Ruleset]:
    """Every rule set of the data file, by id."""
    out: dict[str, Ruleset] = {}
    for item in load_data("exemption")["rulesets"]:
        start = item.get("in_force_from")
        out[item["id"]] = Ruleset(
            id=item["id"],
            threshold=int(item["threshold"]),
            status=item["status"],
            in_force_from=dt.date.fromisoformat(start) if start else None,
            description=item["description"],
        )
    return out


def current_ruleset(today: dt.date) -> Ruleset | None:
    """The rule set in force on ``today``: the in-force one with the latest start on or before it."""
    best: Ruleset | None = None
    for ruleset in rulesets().values():
        start = ruleset.in_force_from
        if ruleset.status != "in-force" or start is None or start > today:
            continue
        if best is None or (best.in_force_from is not None and start > best.in_force_from):
            best = ruleset
    return best
