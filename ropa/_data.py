"""Access to the versioned legal data files shipped in ``ropa/data/``.

Each file is JSON with a ``source``, a ``retrieved`` date and, where it goes stale, a ``shelf_life`` in
ISO 8601. Files are read lazily and cached.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["country_codes", "eea_countries", "load_data", "suggest_country"]


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed data file ``ropa/data/<name>.json``."""
    text = resources.files("ropa.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code."""
    return frozenset(load_data("countries")["codes"])


@cache
def eea_countries() -> frozenset[str]:
    """The EU-27 plus Iceland, Liechtenstein and Norway."""
    return frozenset(load_data("countries")["eea"])


def suggest_country(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code ``text`` most likely means: ``US`` for ``USA`` or ``us``, ``GB`` for
    ``UK``, ``GR`` for ``EL``; ``None`` when nothing fits.

    >>> suggest_country("USA"), suggest_country("nl"), suggest_country("uk"), suggest_country("XX")
    ('US', 'NL', 'GB', None)
    """
    code = text.strip().upper()
    data = load_data("country_alpha3")
    found = data["aliases"].get(code) or data["alpha3"].get(code)
    if found is None and code in country_codes():
        found = code
    return found if found != text else None
