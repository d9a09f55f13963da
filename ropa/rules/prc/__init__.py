"""Rules PRC-xxx of the catalogue: processors and their contracts (Art. 28)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.prc import (
    notice_role_mismatch,
    overdue_agreement_review,
    processor_list_mismatch,
    processor_with_own_purposes,
    processor_without_agreement,
    unknown_sub_processors,
    unsigned_processing_agreement,
)

RULES: tuple[Rule, ...] = (
    processor_without_agreement.RULE,
    unsigned_processing_agreement.RULE,
    overdue_agreement_review.RULE,
    unknown_sub_processors.RULE,
    processor_list_mismatch.RULE,
    notice_role_mismatch.RULE,
    processor_with_own_purposes.RULE,
)
