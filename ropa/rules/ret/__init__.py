"""Rules RET-xxx of the catalogue: retention (Art. 5(1)(e), 30(1)(f))."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.ret import (
    data_category_without_retention,
    endless_retention_without_justification,
    incomplete_statutory_retention,
    indeterminate_retention_without_criteria,
    invalid_retention_duration,
    missing_retention_period,
    retention_below_statutory_minimum,
    until_event_without_fallback,
)

RULES: tuple[Rule, ...] = (
    missing_retention_period.RULE,
    endless_retention_without_justification.RULE,
    invalid_retention_duration.RULE,
    incomplete_statutory_retention.RULE,
    until_event_without_fallback.RULE,
    data_category_without_retention.RULE,
    retention_below_statutory_minimum.RULE,
    indeterminate_retention_without_criteria.RULE,
)
