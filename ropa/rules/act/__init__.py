"""Rules ACT-xxx of the catalogue: activity content (Art. 30(1)(b)–(c))."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.act import (
    duplicate_activity,
    generic_purpose,
    inconsistent_activity_end,
    missing_data_categories,
    missing_data_subjects,
    missing_purpose,
    missing_source_description,
    missing_storage_location,
    processor_activity_without_categories,
    undefined_category,
)

RULES: tuple[Rule, ...] = (
    missing_purpose.RULE,
    generic_purpose.RULE,
    missing_data_subjects.RULE,
    missing_data_categories.RULE,
    undefined_category.RULE,
    duplicate_activity.RULE,
    missing_source_description.RULE,
    missing_storage_location.RULE,
    inconsistent_activity_end.RULE,
    processor_activity_without_categories.RULE,
)
