"""Rules TRF-xxx of the catalogue: transfers to third countries and international organisations
(Art. 44–49, 30(1)(e))."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.trf import (
    adequacy_outside_scope,
    adequacy_without_decision,
    derogation_for_regular_transfer,
    intra_eea_transfer,
    scc_module_mismatch,
    stale_adequacy_data,
    stale_dpf_check,
    transfer_without_destination,
    transfer_without_mechanism,
    transfer_without_tia,
    transfers_not_stated,
    undocumented_compelling_interests_transfer,
)

RULES: tuple[Rule, ...] = (
    transfer_without_destination.RULE,
    transfer_without_mechanism.RULE,
    adequacy_without_decision.RULE,
    adequacy_outside_scope.RULE,
    stale_dpf_check.RULE,
    scc_module_mismatch.RULE,
    transfer_without_tia.RULE,
    derogation_for_regular_transfer.RULE,
    undocumented_compelling_interests_transfer.RULE,
    intra_eea_transfer.RULE,
    stale_adequacy_data.RULE,
    transfers_not_stated.RULE,
)
