"""Rules NL-xxx of the catalogue: the Dutch national profile (``nl``)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.nl import (
    bookkeeping_retention_without_statutory_reference,
    child_consent_age_below_16,
    dpia_list_processing_without_dpia,
    national_id_without_statutory_basis,
    tracking_cookies_without_consent,
)

RULES: tuple[Rule, ...] = (
    national_id_without_statutory_basis.RULE,
    child_consent_age_below_16.RULE,
    bookkeeping_retention_without_statutory_reference.RULE,
    dpia_list_processing_without_dpia.RULE,
    tracking_cookies_without_consent.RULE,
)
