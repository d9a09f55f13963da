"""Rules EXM-xxx of the catalogue."""

from __future__ import annotations

from ropa.rules._base import Rule

RULES: tuple[Rule, ...] = ()
