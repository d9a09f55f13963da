"""Edge cases of the SPC rules: DPV IRIs, the SPC-001/SPC-006 split, categories that failed to load,
one finding per activity, and invalid Art. 9(2) codes (reported by the loader, not by SPC-002)."""

from __future__ import annotations

import pytest

import ropa
from ropa.config import Config
from ropa.diagnostics import Diagnostic, Severity
from ropa.law import special_category
from ropa.models import DataCategory, SpecialCategory

from .conftest import FIXTURE_TODAY

ORG = "organisation:\n  name: Example BV\n  country: NL\n"


def findings(code: str, text: str) -> list[Diagnostic]:
    report = ropa.validate(ropa.loads(text), Config(select=[code], profile=["eu"]), today=FIXTURE_TODAY)
    return [d for d in report if d.code == code]


def codes(text: str, select: list[str]) -> list[str]:
    report = ropa.validate(ropa.loads(text), Config(select=select, profile=["eu"]), today=FIXTURE_TODAY)
    return sorted(d.code for d in report)


@pytest.mark.parametrize(
    ("dpv", "expected"),
    [
        ("https://w3id.org/dpv/pd#Health", SpecialCategory.HEALTH),
        ("http://w3id.org/dpv/pd#Biometric", SpecialCategory.BIOMETRIC),
        ("pd:Sexual", SpecialCategory.SEX_LIFE),
        (" pd:Race ", SpecialCategory.RACIAL_ETHNIC_ORIGIN),
        ("https://w3id.org/dpv/pd#EmailAddress", None),
        ("https://w3id.org/dpv/pd#MedicalHealth", SpecialCategory.HEALTH),
        ("pd:HealthRecord", SpecialCategory.HEALTH),  # a sub-concept of pd:MedicalHealth
        ("https://w3id.org/dpv/pd#Fingerprint", SpecialCategory.BIOMETRIC),
        ("pd:DNACode", SpecialCategory.GENETIC),  # DPV files it under health; Art. 4(13) makes it genetic
        ("dpv-pd:ReligiousBelief", SpecialCategory.RELIGIOUS_BELIEFS),  # the DPV 1.x namespace
        ("pd:Criminal", None),  # Art. 10, not Art. 9
        ("https://example.org/Health", None),
        (None, None),
    ],
)
def test_a_dpv_iri_of_an_art9_category_makes_a_category_special(
    dpv: str | None, expected: SpecialCategory | None
) -> None:
    found = special_category(DataCategory(id="c", name="C", dpv=dpv))
    assert (found.category if found is not None else None) is expected


def test_the_special_field_wins_over_the_dpv_iri() -> None:
    category = DataCategory(id="c", name="C", special=SpecialCategory.GENETIC, dpv="pd:Health")
    found = special_category(category)
    assert found is not None
    assert found.category is SpecialCategory.GENETIC


ACTIVITY_WITH_HEALTH = (
    f"{ORG}data_categories:\n  - id: h\n    name: H\n    special: health\n"
    "  - id: b\n    name: B\n    special: biometric\n"
    "activities:\n  - id: a\n    name: A\n    data_categories: [h, b, h]\n"
)


def test_special_data_without_condition_is_one_finding_per_activity() -> None:
    (finding,) = findings("SPC-001", ACTIVITY_WITH_HEALTH)
    assert finding.location.pointer == "/activities/0/data_categories/0"
    assert "health in 'h', biometric in 'b'" in finding.message


def test_a_contradicting_flag_is_reported_by_spc_006_only() -> None:
    text = ACTIVITY_WITH_HEALTH + "    special_categories: false\n"
    assert codes(text, ["SPC-001", "SPC-006"]) == ["SPC-006"]
    assert codes(text.replace("false", "true"), ["SPC-001", "SPC-006"]) == ["SPC-001"]


def test_an_invalid_art9_code_is_a_structural_error_not_a_rule_finding() -> None:
    text = f"{ORG}activities:\n  - id: a\n    name: A\n    art9:\n      - condition: 9-2-k\n"
    report = ropa.validate(ropa.loads(text), Config(select=["SPC"], profile=["eu"]), today=FIXTURE_TODAY)
    assert [d.code for d in report] == ["STR-005"]
    assert "9-2-a" in (report.diagnostics[0].hint or "")


def test_art9_without_special_data_is_info_and_duplicates_are_errors() -> None:
    text = (
        f"{ORG}activities:\n  - id: a\n    name: A\n    art9:\n"
        "      - condition: 9-2-a\n      - condition: 9-2-a\n"
    )
    found = findings("SPC-002", text)
    assert sorted((d.severity, d.location.pointer) for d in found) == [
        (Severity.ERROR, "/activities/0/art9/1"),
        (Severity.INFO, "/activities/0/art9"),
    ]


def test_art9_is_not_called_unneeded_when_a_category_failed_to_load() -> None:
    text = (
        f"{ORG}data_categories:\n  - id: h\n    name: H\n    special: not-a-category\n"
        "activities:\n  - id: a\n    name: A\n    data_categories: [h]\n    art9:\n      - condition: 9-2-a\n"
    )
    assert codes(text, ["SPC-001", "SPC-002", "SPC-006"]) == ["STR-005"]


def test_criminal_data_under_art9_is_spc_005_only() -> None:
    text = (
        f"{ORG}data_categories:\n  - id: c\n    name: C\n    criminal: true\n"
        "activities:\n  - id: a\n    name: A\n    data_categories: [c]\n    art9:\n      - condition: 9-2-f\n"
    )
    assert codes(text, ["SPC"]) == ["SPC-005"]
    with_art10 = text + "    art10:\n      authorisation: Art. 33 UAVG\n"
    (info,) = findings("SPC-002", with_art10)
    assert info.severity is Severity.INFO
    assert "Art. 10 authorisation only" in (info.hint or "")


def test_a_condition_listed_twice_is_checked_for_law_once() -> None:
    text = (
        f"{ORG}activities:\n  - id: a\n    name: A\n    art9:\n"
        "      - condition: 9-2-b\n      - condition: 9-2-b\n        law: CAO\n"
    )
    assert [d.location.pointer for d in findings("SPC-003", text)] == ["/activities/0/art9/0"]


def test_explicit_consent_on_a_non_consent_purpose_satisfies_9_2_a() -> None:
    text = (
        f"{ORG}activities:\n  - id: a\n    name: A\n    art9:\n      - condition: 9-2-a\n"
        "    purposes:\n      - description: Deliver\n        lawful_basis: 6-1-b\n"
        "        consent: {explicit: true}\n"
    )
    assert findings("SPC-004", text) == []


@pytest.mark.parametrize(
    ("code", "art9"), [("SPC-001", ""), ("SPC-004", "    art9:\n      - condition: 9-2-a\n"), ("SPC-005", "")]
)
def test_activities_done_as_processor_are_not_asked_for_the_controllers_grounds(code: str, art9: str) -> None:
    as_controller = (
        f"{ORG}data_categories:\n  - id: h\n    name: H\n    special: health\n"
        "  - id: c\n    name: C\n    criminal: true\n"
        f"activities:\n  - id: a\n    name: A\n    data_categories: [h, c]\n{art9}"
        "    purposes:\n      - description: Host the records\n        lawful_basis: 6-1-a\n"
    )
    as_processor = as_controller.replace(
        "    name: A\n", "    name: A\n    role: processor\n    on_behalf_of: C BV\n"
    )
    assert len(findings(code, as_controller)) == 1
    assert findings(code, as_processor) == []
