"""What kind of personal data a category holds, and who its data subjects are.

Every signal the register carries counts, and every rule asks here:

- special-category data (Art. 9(1)): ``special:`` on the data category, or a DPV IRI in ``dpv:`` that is,
  or falls under, one of the Art. 9(1) concepts (``pd:Health``, ``pd:HealthRecord``, ``pd:MedicalHealth``
  and every other sub-concept);
- criminal-offence data (Art. 10): ``criminal: true``, or a DPV IRI under ``pd:Criminal``;
- a national identification number (Art. 87): ``national_id: true`` (DPV 2.3 has no concept for it:
  ``pd:OfficialID`` also covers passports and other documents, so it is not read as one);
- children and vulnerable data subjects: ``vulnerable:`` on the data-subject category, or a DPV IRI under
  ``dpv:Child`` (children) or a vulnerable concept (WP248 rev.01 criterion 7).

At the level of an activity, ``special_categories: true`` or an ``art9`` condition also says that
special-category data are processed, and an ``art10`` block that criminal-offence data are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ropa.law._dpv import concept, gdpr_reading, hierarchy, nearest
from ropa.models import Activity, DataCategory, DataSubjectCategory, SpecialCategory, VulnerableGroup

__all__ = [
    "CategoryRef",
    "Special",
    "criminal_refs",
    "describe_special",
    "is_child",
    "is_criminal",
    "is_national_id",
    "is_vulnerable",
    "national_id_refs",
    "processes_criminal",
    "processes_special",
    "special_category",
    "special_refs",
]


@dataclass(frozen=True, slots=True)
class Special:
    """The Art. 9(1) reading of a data category.

    Attributes:
        category: the Art. 9(1) category, or ``None`` when the register says only that it is special
            (``dpv:SpecialCategoryPersonalData``).
        source: what says so: ``special: health`` or ``dpv: pd:HealthRecord``.
    """

    category: SpecialCategory | None
    source: str

    @property
    def kind(self) -> str:
        """``health``, or ``special-category data`` when the category is not named."""
        return self.category.value if self.category is not None else "special-category data"


def special_category(category: DataCategory) -> Special | None:
    """The Art. 9(1) reading of ``category``: its ``special`` field, else its DPV IRI, else ``None``."""
    if category.special is not None:
        return Special(category.special, f"special: {category.special.value}")
    return _special_of_iri(category.dpv)


@lru_cache(maxsize=4096)  # keyed by the register's own IRIs: bounded
def _special_of_iri(iri: str | None) -> Special | None:
    name = concept(iri)
    if name is None:
        return None
    reading = gdpr_reading()
    mapped = nearest(name, reading["art9"])
    if mapped is not None:
        return Special(SpecialCategory(reading["art9"][mapped]), f"dpv: {name}")
    if name in hierarchy().special or nearest(name, frozenset(reading["art9_unnamed"])) is not None:
        return Special(None, f"dpv: {name}")
    return None


def is_criminal(category: DataCategory) -> bool:
    """True for data relating to criminal convictions and offences (Art. 10)."""
    return bool(category.criminal) or _under(category.dpv, "art10")


@lru_cache(maxsize=4096)
def _under(iri: str | None, key: str) -> bool:
    """True when the DPV IRI is, or falls under, a concept of ``dpv_gdpr.json``'s list ``key``."""
    name = concept(iri)
    return name is not None and nearest(name, frozenset(gdpr_reading()[key])) is not None


def is_national_id(category: DataCategory) -> bool:
    """True for a national identification number or other identifier of general application (Art. 87)."""
    return bool(category.national_id)


def is_child(subject: DataSubjectCategory) -> bool:
    """True when the data subjects are children (Art. 8, Recital 38)."""
    return subject.vulnerable is VulnerableGroup.CHILD or _under(subject.dpv, "children")


def is_vulnerable(subject: DataSubjectCategory) -> bool:
    """True when the data subjects are vulnerable (WP248 rev.01 criterion 7)."""
    return subject.vulnerable is not None or _under(subject.dpv, "vulnerable")


@dataclass(frozen=True, slots=True)
class CategoryRef:
    """A data category an activity references, with the JSON Pointer of the reference below the activity.

    Attributes:
        path: ``/data_categories/<n>``.
        category: the data category.
        kind: the Art. 9(1) category (``health``), ``special-category data``, ``criminal`` or
            ``national id``.
        source: what marks it (``special: health``, ``dpv: pd:HealthRecord``, ``criminal: true``).
    """

    path: str
    category: DataCategory
    kind: str
    source: str


def _references(
    activity: Activity, categories: Mapping[str, DataCategory]
) -> Iterator[tuple[str, DataCategory]]:
    seen: set[str] = set()
    for position, ident in enumerate(activity.data_categories or ()):
        category = categories.get(ident)
        if category is not None and ident not in seen:
            seen.add(ident)
            yield f"/data_categories/{position}", category


def special_refs(activity: Activity, categories: Mapping[str, DataCategory]) -> list[CategoryRef]:
    """The special-category data categories the activity references, in order, each once."""
    out = []
    for path, category in _references(activity, categories):
        special = special_category(category)
        if special is not None:
            out.append(CategoryRef(path, category, special.kind, special.source))
    return out


def criminal_refs(activity: Activity, categories: Mapping[str, DataCategory]) -> list[CategoryRef]:
    """The criminal-offence data categories (Art. 10) the activity references, in order, each once."""
    return [
        CategoryRef(
            path, category, "criminal", "criminal: true" if category.criminal else f"dpv: {category.dpv}"
        )
        for path, category in _references(activity, categories)
        if is_criminal(category)
    ]


def national_id_refs(activity: Activity, categories: Mapping[str, DataCategory]) -> list[CategoryRef]:
    """The national-identification-number categories (Art. 87) the activity references."""
    return [
        CategoryRef(path, category, "national id", "national_id: true")
        for path, category in _references(activity, categories)
        if is_national_id(category)
    ]


def processes_special(activity: Activity, categories: Mapping[str, DataCategory]) -> bool:
    """True when the register says, in any way, that the activity processes special-category data: a
    special data category, ``special_categories: true``, or an Art. 9(2) condition."""
    if activity.special_categories or activity.art9:
        return True
    return bool(special_refs(activity, categories))


def processes_criminal(activity: Activity, categories: Mapping[str, DataCategory]) -> bool:
    """True when the register says the activity processes criminal-offence data: such a data category, or
    an ``art10`` block."""
    return activity.art10 is not None or bool(criminal_refs(activity, categories))


def describe_special(refs: Sequence[CategoryRef], limit: int = 3) -> str:
    """``health in 'patient-notes', biometric in 'fingerprints'`` (at most ``limit``, then how many more)."""
    parts = [f"{ref.kind} in '{ref.category.id}'" for ref in refs[:limit]]
    if len(refs) > limit:
        parts.append(f"{len(refs) - limit} more")
    return ", ".join(parts)
