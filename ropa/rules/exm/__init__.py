"""Rules EXM-xxx of the catalogue: the Art. 30(5) exemption."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.exm import exemption_ruleset_not_in_force, ineligible_exemption_claim

RULES: tuple[Rule, ...] = (ineligible_exemption_claim.RULE, exemption_ruleset_not_in_force.RULE)
