"""Rules LAW-xxx of the catalogue: lawful basis (Art. 6–8 GDPR; Art. 8 of the Law Enforcement Directive;
Art. 5(3) of the ePrivacy Directive)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.law import (
    child_consent_without_age_verification,
    contract_basis_for_non_contractual_purpose,
    cookies_without_consent,
    invalid_lawful_basis_iri,
    led_processing_without_legal_basis,
    legitimate_interests_by_public_authority,
    missing_basis_law,
    missing_compatibility_assessment,
    missing_consent_records,
    missing_consent_withdrawal,
    missing_lawful_basis,
    missing_legitimate_interest,
    missing_legitimate_interests_assessment,
)

RULES: tuple[Rule, ...] = (
    missing_lawful_basis.RULE,
    invalid_lawful_basis_iri.RULE,
    missing_basis_law.RULE,
    missing_legitimate_interest.RULE,
    missing_legitimate_interests_assessment.RULE,
    missing_consent_withdrawal.RULE,
    missing_consent_records.RULE,
    legitimate_interests_by_public_authority.RULE,
    contract_basis_for_non_contractual_purpose.RULE,
    child_consent_without_age_verification.RULE,
    missing_compatibility_assessment.RULE,
    led_processing_without_legal_basis.RULE,
    cookies_without_consent.RULE,
)
