"""Recognising column headings and finding the header row of a sheet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ropa.importer.synonyms import FIELD_SYNONYMS, normalise, normalise_full

__all__ = ["HeaderMatch", "find_header_row", "match_heading"]

CORE_FIELDS = frozenset(
    {
        "name",
        "purposes",
        "lawful_basis",
        "data_subjects",
        "data_categories",
        "recipients",
        "transfers",
        "retention",
        "security_measures",
    }
)
"""Fields a register table is expected to have at least one of."""

ACTIVITY_FIELDS = frozenset({"id", "name", "purposes", "description", "department"})
"""Fields that say what an activity is: a table without any of them is a value list, not a register."""

EXACT, PREFIX, CONTAINS = 3, 2, 1


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """The field a heading was recognised as, and how (3 exact, 2 prefix, 1 contained phrase)."""

    field: str
    quality: int
    from_mapping: bool = False


@cache
def _exact_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            index.setdefault(normalise(synonym), field)
    return index


@cache
def _phrases() -> tuple[tuple[str, str], ...]:
    """Synonyms usable as a prefix or a contained phrase: several words, or one long word."""
    out = [(key, field) for key, field in _exact_index().items() if key and (" " in key or len(key) >= 8)]
    out.sort(key=lambda item: -len(item[0]))  # longest first: the most specific wins
    return tuple(out)


def match_heading(text: str, mapping: Mapping[str, str] | None = None) -> HeaderMatch | None:
    """The field ``text`` is a heading of, or ``None``.

    ``mapping`` (normalised heading → field) comes first; then the synonyms: an exact match, a heading
    that starts with a known phrase (``Bewaartermijn persoonsgegevens``), or one that contains a known
    phrase of several words (``Welke categorieën van persoonsgegevens?``).
    """
    if mapping:
        key = normalise(text)
        full = normalise_full(text)
        for candidate in (key, full):
            if candidate in mapping:
                return HeaderMatch(mapping[candidate], EXACT, from_mapping=True)
    return _builtin_match(text)


@lru_cache(maxsize=8192)
def _builtin_match(text: str) -> HeaderMatch | None:
    key = normalise(text)
    full = normalise_full(text)
    if not key and not full:
        return None
    index = _exact_index()
    for candidate in (key, full):
        if candidate in index:
            return HeaderMatch(index[candidate], EXACT)
    for phrase, field in _phrases():
        if key.startswith(phrase + " "):
            return HeaderMatch(field, PREFIX)
    padded = f" {key} "
    for phrase, field in _phrases():
        if " " in phrase and f" {phrase} " in padded:
            return HeaderMatch(field, CONTAINS)
    return None


def row_score(
    cells: Sequence[str | None], mapping: Mapping[str, str] | None = None, *, strict: bool = True
) -> tuple[int, bool]:
    """How many distinct fields the cells of a row name, and whether they make a register's header: a core
    field (and, when ``strict``, a field that says what the activity is) or a heading of the mapping."""
    fields: set[str] = set()
    for cell in cells:
        if cell and len(cell) <= 300:
            found = match_heading(cell, mapping)
            if found is not None and found.field != "ignore":
                fields.add(found.field)
    by_mapping = any(mapping and normalise(c or "") in mapping for c in cells)
    core = bool(fields & CORE_FIELDS) and (bool(fields & ACTIVITY_FIELDS) or not strict)
    return len(fields), core or by_mapping


def find_header_row(
    rows: Sequence[Sequence[str | None]],
    *,
    scan: int,
    minimum: int,
    mapping: Mapping[str, str] | None = None,
) -> tuple[int, int] | None:
    """The 0-based index of the row that best looks like a header, and its score; ``None`` when none does.

    Only the first ``scan`` rows are considered. A row needs ``minimum`` recognised distinct fields,
    one of them a core Art. 30 field and one saying what the activity is (name, id, purpose, description,
    department), or a heading of the mapping file. Ties go to the earliest row.
    """
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[:scan]):
        score, core = row_score(row, mapping, strict=minimum > 1)
        if score >= minimum and core and (best is None or score > best[1]):
            best = (index, score)
    return best
