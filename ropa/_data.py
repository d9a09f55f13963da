"""Access to the versioned legal data files shipped in ``ropa/data/``.

Each file is JSON with a ``source``, a ``retrieved`` date and, where it goes stale, a ``shelf_life`` in
ISO 8601. Files are read lazily and cached.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["country_codes", "eea_countries", "load_data"]


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
