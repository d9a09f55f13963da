"""Rules SEC-xxx of the catalogue: security of processing (Art. 30(1)(g), 32)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.sec import incomplete_art32_coverage, missing_security_measures, organisational_measures_only

RULES: tuple[Rule, ...] = (
    missing_security_measures.RULE,
    incomplete_art32_coverage.RULE,
    organisational_measures_only.RULE,
)
