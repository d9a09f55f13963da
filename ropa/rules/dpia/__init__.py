"""Rules DPIA-xxx of the catalogue: data protection impact assessment (Art. 35–36)."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.dpia import (
    high_residual_risk_without_prior_consultation,
    high_risk_criteria_without_dpia,
    missing_dpia_screening,
    missing_mandatory_dpia,
    stale_dpia,
)

RULES: tuple[Rule, ...] = (
    missing_mandatory_dpia.RULE,
    high_risk_criteria_without_dpia.RULE,
    missing_dpia_screening.RULE,
    high_residual_risk_without_prior_consultation.RULE,
    stale_dpia.RULE,
)
