"""Rules SPC-xxx of the catalogue: special categories of data and criminal-offence data (Art. 9–10)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.spc import (
    art9_condition_without_law,
    art9_consent_not_explicit,
    criminal_data_without_art10_authorisation,
    inconsistent_special_categories_flag,
    invalid_art9_condition,
    special_category_without_art9_condition,
)

RULES: tuple[Rule, ...] = (
    special_category_without_art9_condition.RULE,
    invalid_art9_condition.RULE,
    art9_condition_without_law.RULE,
    art9_consent_not_explicit.RULE,
    criminal_data_without_art10_authorisation.RULE,
    inconsistent_special_categories_flag.RULE,
)
