"""Column headings ropa recognises in foreign registers, in English, Dutch, French and German.

The headings live in ``ropa/data/import_headings.json``, each listed under the template or published
register it was read in (the ICO template, Dutch municipal registers, a German municipal VVT, the CNIL
models, ...); ``docs/import.md`` shows them with their sources. Headings are compared after
:func:`normalise`: case, accents, punctuation and parenthesised remarks such as ``(if applicable)`` or
``(s)`` do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ropa._data import load_data

__all__ = [
    "FIELDS",
    "FIELD_SYNONYMS",
    "KEEP",
    "heading_sources",
    "normalise",
    "normalise_full",
    "render_sources",
    "render_table",
]

KEEP = "unmapped"
"""The target of a column that is kept verbatim in the activity's ``unmapped`` on purpose."""


@cache
def _data() -> dict[str, Any]:
    return load_data("import_headings")


def _fields() -> dict[str, str]:
    fields: dict[str, str] = {name: str(entry["meaning"]) for name, entry in _data()["fields"].items()}
    fields["ignore"] = "leave the column out (only by an explicit mapping file)"
    return fields


def _synonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, entry in _data()["fields"].items():
        headings: list[str] = []
        for texts in entry["headings"].values():
            for text in texts:
                if text not in headings:
                    headings.append(text)
        if headings:
            out[name] = tuple(headings)
    return out


FIELDS: dict[str, str] = _fields()
"""Import fields: what a column can be mapped to (also the values of a mapping file)."""

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = _synonyms()
"""Known headings per import field (written as in their source; compared after :func:`normalise`)."""


def heading_sources() -> dict[str, dict[str, Any]]:
    """The templates and registers the headings were read in: key → title, url, read."""
    sources: dict[str, dict[str, Any]] = _data()["sources"]
    return sources


_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z#]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise(text: str) -> str:
    """Lower case, no accents, no parenthesised remarks, words separated by one space.

    ``"Finalité(s)"`` → ``"finalite"``; ``"Retention schedule (if possible)"`` → ``"retention schedule"``;
    ``"Categorieën van betrokkenen"`` → ``"categorieen van betrokkenen"``.
    """
    return _NON_WORD.sub(" ", _PARENTHESES.sub(" ", _fold(text))).strip()


def normalise_full(text: str) -> str:
    """Like :func:`normalise` but keeping the words inside parentheses."""
    return _NON_WORD.sub(" ", _fold(text)).strip()


def render_table() -> str:
    """The Markdown table of import fields and their known headings (kept in ``docs/import.md``)."""
    lines = ["| field | meaning | headings recognised (source) |", "|---|---|---|"]
    for field, meaning in FIELDS.items():
        entry = _data()["fields"].get(field)
        parts: list[str] = []
        if entry:
            for source, texts in entry["headings"].items():
                shown = " · ".join(t.replace("|", "\\|") for t in texts)
                parts.append(f"{shown} ({source})")
        lines.append(f"| `{field}` | {meaning} | {'; '.join(parts) if parts else '(mapping file only)'} |")
    return "\n".join(lines) + "\n"


def render_sources() -> str:
    """The Markdown list of the sources of the headings (kept in ``docs/import.md``)."""
    lines = []
    for key, source in heading_sources().items():
        where = f" <{source['url']}>" if source.get("url") else ""
        read = f", read {source['read']}" if source.get("read") else ""
        lines.append(f"- `{key}`: {source['title']}{where}{read}")
    return "\n".join(lines) + "\n"
