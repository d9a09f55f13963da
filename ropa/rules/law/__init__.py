"""Rules LAW-xxx of the catalogue: lawful basis (Art. 6–8)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.law import missing_lawful_basis

RULES: tuple[Rule, ...] = (missing_lawful_basis.RULE,)
