"""Dutch profile: the rules run only in the nl profile, and use the data files."""

from __future__ import annotations

import pytest

from ropa._data import load_data
from ropa.diagnostics import Severity

from ._semantics import codes, findings

NL_RULES = ["NL-001", "NL-002", "NL-003", "NL-004", "NL-005"]

TEXT = """
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: bsn
    name: BSN
    national_id: true
activities:
  - id: a
    name: A
    data_categories: [bsn]
    cookies: [tracking]
    nl_dpia_categories: [12]
    purposes:
      - description: Games
        lawful_basis: 6-1-a
        consent:
          minimum_age: 13
"""


def test_nl_rules_need_the_nl_profile() -> None:
    assert codes(TEXT, NL_RULES, profile=["eu"]) == []
    assert sorted(codes(TEXT, NL_RULES, profile=["eu", "nl"])) == ["NL-001", "NL-002", "NL-004"]


def test_ap_list_names_the_category() -> None:
    found = [d for d in findings(TEXT, ["NL-004"]) if d.code == "NL-004"]
    assert "12 Locatiegegevens (location data)" in found[0].message


def test_cookies_with_legitimate_interest_for_security_are_left_alone() -> None:
    text = TEXT.replace(
        "lawful_basis: 6-1-a",
        "lawful_basis: 6-1-a\n      - description: Bot detection\n"
        "        kind: security\n        lawful_basis: 6-1-f",
    )
    assert codes(text, ["NL-005"]) == []


def test_statutory_retention_data_file() -> None:
    data = load_data("statutory_retention")
    assert data["retrieved"] == "2026-11-25"
    (entry,) = data["entries"]["NL"]
    assert entry["duration"] == "P7Y"
    assert entry["legal_reference"] == "Art. 52(4) AWR; Art. 2:10(3) BW"
    assert entry["anchor"]["value"] == "end-of-financial-year"
    assert entry["anchor"]["verified"] is False


BSN_REGISTER = """\
organisation: {{name: Webwinkel Voorbeeld, country: NL}}
data_categories: [{{id: bsn, name: BSN, national_id: true}}]
activities:
  - id: klanten
    name: Klanten
    data_categories: [bsn]
    purposes:
      - {{description: Facturen, lawful_basis: 6-1-c, law: "{law}"}}
"""


@pytest.mark.parametrize(
    ("law", "severity"),
    [
        ("art. 35a Wet op de omzetbelasting 1968", Severity.ERROR),  # prescribes the VAT number
        ("Art. 52 lid 4 AWR; art. 2:10 BW", Severity.ERROR),  # bookkeeping: no number at all
        ("AWR", Severity.INFO),  # other AWR provisions may involve the BSN: a person checks
        ("Art. 52 AWR; Wet op de bijzondere regeling", Severity.INFO),  # one part unknown
        ("Wet op de omzetbelasting 1968; Wet op de loonbelasting 1964", None),  # the wage tax act permits
        # blind round 2026-12 (staffing-agency-nl): the Waadi asks for an ID copy, not the BSN (AP)
        ("art. 7c Wet allocatie arbeidskrachten door intermediairs (Waadi)", Severity.ERROR),
        ("art. 7c Waadi; Wet op de loonbelasting 1964", None),  # once employed, the wage tax act permits
    ],
)
def test_nl001_a_law_known_not_to_permit_the_bsn_is_an_error_an_unknown_law_an_info(
    law: str, severity: Severity | None
) -> None:
    found = findings(BSN_REGISTER.format(law=law), ["NL-001"])
    assert [d.severity for d in found] == ([severity] if severity else [])
