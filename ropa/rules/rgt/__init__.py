"""Rules RGT-xxx of the catalogue: data-subject rights and transparency (Art. 12–22)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.rgt import (
    automated_decision_without_safeguards,
    extension_beyond_two_months,
    missing_privacy_notice,
    notice_register_mismatch,
    response_deadline_beyond_one_month,
)

RULES: tuple[Rule, ...] = (
    response_deadline_beyond_one_month.RULE,
    extension_beyond_two_months.RULE,
    automated_decision_without_safeguards.RULE,
    missing_privacy_notice.RULE,
    notice_register_mismatch.RULE,
)
