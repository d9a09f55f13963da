"""Rules GOV-xxx of the catalogue: governance and record hygiene (Art. 5(2), 24, 30(3)–(4))."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.gov import (
    controller_activity_on_behalf_of_another,
    missing_breach_register,
    missing_register_metadata,
    overdue_review,
    unsupported_schema_version,
)

RULES: tuple[Rule, ...] = (
    overdue_review.RULE,
    missing_register_metadata.RULE,
    missing_breach_register.RULE,
    controller_activity_on_behalf_of_another.RULE,
    unsupported_schema_version.RULE,
)
