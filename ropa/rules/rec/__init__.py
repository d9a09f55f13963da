"""Rules REC-xxx of the catalogue: recipients and joint controllers (Art. 4(9), 26, 30(1)(d))."""

from __future__ import annotations

from ropa.rules._base import Rule
from ropa.rules.rec import (
    joint_controller_without_arrangement,
    joint_controller_without_contact,
    non_eea_recipient_without_transfer,
    recipient_without_role,
    recipients_not_stated,
    undefined_recipient,
    unused_recipient,
)

RULES: tuple[Rule, ...] = (
    undefined_recipient.RULE,
    recipient_without_role.RULE,
    unused_recipient.RULE,
    non_eea_recipient_without_transfer.RULE,
    joint_controller_without_arrangement.RULE,
    joint_controller_without_contact.RULE,
    recipients_not_stated.RULE,
)
