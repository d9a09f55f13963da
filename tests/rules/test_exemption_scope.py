"""Art. 30(5): an activity validly exempted from the record is not reported for what its entry lacks, while
what the register shows to be contrary to the law is still reported."""

from __future__ import annotations

import pytest

from ropa.rules import ALL_RULES

from ._semantics import codes

ALL = [rule.code for rule in ALL_RULES]
GAP_RULES = {rule.code for rule in ALL_RULES if rule.record_gap}

REGISTER = """\
organisation:
  name: Atelier Klein BV
  country: NL
  employees: {employees}
activities:
  - id: receptie
    name: Receptie
    exemption_claimed: true
    frequency: {frequency}
    sources: [{{kind: third-party}}]
    purposes:
      - description: Relaties uitnodigen voor de receptie
        lawful_basis: 6-1-f
      - description: Relaties na de receptie bedanken
        lawful_basis: 6-1-f
        legitimate_interest: Goede relaties met klanten
      - description: Nieuwsbrief over de receptie
        lawful_basis: 6-1-a
      - description: Gastenlijst bewaren voor de fiscus
        lawful_basis: 6-1-c
      - description: Gasten later e-mailmarketing sturen
        kind: marketing
        lawful_basis: 6-1-b
    retention:
      - kind: criteria
      - duration: P1Y
        description: wettelijke termijn
      - kind: endless
"""

GAPS = {"ACT-007", "LAW-003", "LAW-004", "LAW-005", "LAW-006", "LAW-007", "REC-007", "RET-004", "RET-008"}
GAPS |= {"SEC-001", "TRF-012"}
AGAINST_THE_LAW = {"LAW-009", "RET-002"}
"""6-1-b for marketing (Art. 6(1)(b)); data kept without end and without justification (Art. 5(1)(e))."""


def _found(employees: int | str, frequency: str) -> set[str]:
    return set(codes(REGISTER.format(employees=employees, frequency=frequency), ALL))


def test_the_register_has_the_gaps_this_test_is_about() -> None:
    assert GAPS <= GAP_RULES
    assert AGAINST_THE_LAW.isdisjoint(GAP_RULES)


def test_a_validly_exempt_activity_gets_no_finding_for_what_its_entry_lacks() -> None:
    found = _found(12, "occasional")
    assert found.isdisjoint(GAP_RULES), found & GAP_RULES
    assert found >= AGAINST_THE_LAW  # the derogation lifts the duty to record, not the rest of the GDPR


@pytest.mark.parametrize(
    ("employees", "frequency"),
    [(12, "regular"), (300, "occasional"), ("null", "occasional")],
    ids=["not-occasional", "250-or-more", "headcount-not-stated"],
)
def test_an_activity_whose_exemption_is_not_shown_valid_is_checked_in_full(
    employees: int | str, frequency: str
) -> None:
    found = _found(employees, frequency)
    assert found >= GAPS | AGAINST_THE_LAW, (GAPS | AGAINST_THE_LAW) - found


def test_the_record_gap_rules_report_an_absence_and_the_others_what_the_register_shows() -> None:
    assert {"ACT-001", "LAW-001", "REC-007", "TRF-012", "RET-001", "SEC-001", "NL-003"} <= GAP_RULES
    assert GAP_RULES.isdisjoint({"EXM-001", "LAW-008", "RET-002", "SPC-001", "TRF-002", "REC-004", "NL-001"})
