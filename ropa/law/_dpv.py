"""The W3C DPV hierarchy (``ropa/data/dpv.json``) and ropa's GDPR reading of it (``dpv_gdpr.json``).

A DPV IRI in a register is written in full (``https://w3id.org/dpv/pd#Health``), with a prefix
(``pd:Health``) or in the DPV 1.x namespace (``dpv-pd:Health``); all name the concept ``pd:Health``.
DPV 2.2 spellings (``pd:CriminalOffense``) are read as their 2.3 names (``pd:CriminalOffence``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ropa._data import load_data

__all__ = ["Hierarchy", "concept", "gdpr_reading", "hierarchy", "nearest"]


@dataclass(frozen=True)
class Hierarchy:
    """The concepts of the data file, each with its broader concepts, as ``prefix:Term`` names."""

    version: str
    broader: Mapping[str, tuple[str, ...]]
    """``pd:Health`` → ``("pd:MedicalHealth",)``; data-subject concepts are ``dpv:`` names."""
    special: frozenset[str]
    """Concepts DPV types ``dpv:SpecialCategoryPersonalData``."""
    aliases: Mapping[str, str]
    """DPV 2.2 names of pd concepts renamed in 2.3."""
    namespaces: Mapping[str, tuple[str, ...]]

    def ancestors(self, name: str) -> Iterator[tuple[int, str]]:
        """``(distance, concept)`` for ``name`` itself (distance 0) and every broader concept, nearest
        first (breadth first; each concept once)."""
        seen = {name}
        level = [name]
        distance = 0
        while level:
            for item in level:
                yield distance, item
            following: list[str] = []
            for item in level:
                for parent in self.broader.get(item, ()):
                    if parent not in seen:
                        seen.add(parent)
                        following.append(parent)
            level = following
            distance += 1


@cache
def hierarchy() -> Hierarchy:
    """The DPV data file, parsed once."""
    data = load_data("dpv")
    broader: dict[str, tuple[str, ...]] = {}
    special: set[str] = set()
    for term, entry in data["pd"].items():
        broader[f"pd:{term}"] = tuple(entry["broader"])
        if entry.get("special_category"):
            special.add(f"pd:{term}")
    for term, entry in data["data_subjects"].items():
        broader[f"dpv:{term}"] = tuple(entry["broader"])
    return Hierarchy(
        version=data["version"],
        broader=broader,
        special=frozenset(special),
        aliases={f"pd:{old}": f"pd:{new}" for old, new in data["pd_aliases"].items()},
        namespaces={prefix: tuple(spaces) for prefix, spaces in data["namespaces"].items()},
    )


@cache
def gdpr_reading() -> dict[str, Any]:
    """ropa's GDPR reading of DPV concepts (``ropa/data/dpv_gdpr.json``)."""
    return load_data("dpv_gdpr")


def concept(iri: str | None) -> str | None:
    """The ``prefix:Term`` name of a DPV IRI in any accepted spelling, or ``None`` for anything else.

    >>> concept("https://w3id.org/dpv/pd#HealthRecord")
    'pd:HealthRecord'
    >>> concept(" pd:CriminalOffense ")
    'pd:CriminalOffence'
    >>> concept("https://example.org/health") is None
    True
    """
    if not iri:
        return None
    text = iri.strip()
    data = hierarchy()
    for prefix in ("pd", "dpv"):
        for namespace in data.namespaces[prefix]:
            if text.startswith(namespace) and len(text) > len(namespace):
                name = f"{prefix}:{text[len(namespace) :]}"
                return data.aliases.get(name, name)
    return None


def nearest(name: str, targets: Mapping[str, Any] | frozenset[str]) -> str | None:
    """The nearest of ``name`` and its broader concepts that is in ``targets`` (ties: the first met)."""
    for _, item in hierarchy().ancestors(name):
        if item in targets:
            return item
    return None
