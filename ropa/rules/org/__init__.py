"""Rules ORG-xxx of the catalogue: the organisation block (Art. 30(1)(a), 30(2)(a), 27, 37)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.org import (
    country_not_stated,
    dpo_conflict_of_interest,
    dpo_likely_mandatory,
    missing_controller_contact,
    missing_controller_name,
    missing_dpo_contact,
    missing_dpo_or_privacy_contact,
    missing_eu_representative,
    missing_served_controller_details,
)

RULES: tuple[Rule, ...] = (
    missing_controller_name.RULE,
    missing_controller_contact.RULE,
    missing_dpo_contact.RULE,
    dpo_likely_mandatory.RULE,
    missing_dpo_or_privacy_contact.RULE,
    missing_eu_representative.RULE,
    missing_served_controller_details.RULE,
    country_not_stated.RULE,
    dpo_conflict_of_interest.RULE,
)
