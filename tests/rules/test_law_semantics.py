"""Edge cases of the LAW rules: DPV IRIs, invalid codes, the Art. 8 age table, Art. 6(4) exceptions."""

from __future__ import annotations

import pytest

from ropa._data import eea_countries, load_data
from ropa.diagnostics import Diagnostic
from ropa.law import classify_basis_iri as classify
from ropa.models import LawfulBasis
from ropa.rules.law.child_consent_without_age_verification import ConsentAge, digital_consent_age

from .conftest import run_rule


def findings(code: str, text: str) -> list[Diagnostic]:
    return [d for d in run_rule(code, text) if d.code == code]


def purpose(lines: str, org: str = "") -> str:
    body = "".join(f"        {line}\n" for line in lines.splitlines())
    return f"{org}activities:\n  - id: a\n    name: A\n    purposes:\n      - description: Do X\n{body}"


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("https://w3id.org/dpv/legal/eu/gdpr#A6-1-b", LawfulBasis.CONTRACT),
        ("http://w3id.org/dpv/legal/eu/gdpr#A6-1-f-third-party", LawfulBasis.LEGITIMATE_INTERESTS),
        ("https://w3id.org/dpv/dpv-gdpr#A6-1-a", LawfulBasis.CONSENT),
        ("eu-gdpr:A6-1-e-public-interest", LawfulBasis.PUBLIC_TASK),
        ("eu-gdpr:Consent", LawfulBasis.CONSENT),
        ("dpv:LegalObligation", LawfulBasis.LEGAL_OBLIGATION),
        ("https://w3id.org/dpv#VitalInterestOfDataSubject", LawfulBasis.VITAL_INTERESTS),
        (" https://w3id.org/dpv#Contract ", LawfulBasis.CONTRACT),
        ("https://w3id.org/dpv#Marketing", None),
        ("https://w3id.org/dpv/legal/eu/gdpr#A15", None),
        ("https://w3id.org/dpv/legal/eu/gdpr#BalancingTest", None),
        ("https://example.org/A6-1-b", None),
    ],
)
def test_classify_known_iris(iri: str, expected: LawfulBasis | None) -> None:
    assert classify(iri) == expected


@pytest.mark.parametrize(
    ("iri", "words"),
    [
        ("eu-gdpr:A9-2-h", "Art. 9(2)"),
        ("https://w3id.org/dpv/legal/eu/gdpr#A46-2-c", "Chapter V"),
        ("https://w3id.org/dpv/legal/eu/gdpr#A49-2", "Chapter V"),
        ("https://w3id.org/dpv/legal/eu/gdpr#A6-1-b-contractual", "Art. 6(1)(a)–(f)"),
    ],
)
def test_classify_legal_basis_iris_that_are_not_art6(iri: str, words: str) -> None:
    found = classify(iri)
    assert isinstance(found, str)
    assert words in found


def test_a_dpv_iri_that_names_a_basis_states_it() -> None:
    text = purpose("dpv: https://w3id.org/dpv/legal/eu/gdpr#A6-1-b")
    assert findings("LAW-002", text) == []
    assert findings("LAW-001", text) == []  # the IRI is the lawful basis (ropa.law.lawful_basis)
    assert len(findings("LAW-001", purpose("dpv: https://w3id.org/dpv#Marketing"))) == 1


def test_law002_agreeing_variant_is_fine() -> None:
    assert findings("LAW-002", purpose("lawful_basis: 6-1-d\ndpv: eu-gdpr:A6-1-d-natural-person")) == []


@pytest.mark.parametrize("code", ["6-1-g", "consent", "A6-1-a", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"])
def test_invalid_lawful_basis_codes_are_structural_not_law002(code: str) -> None:
    report = run_rule("LAW-002", purpose(f"lawful_basis: '{code}'"))
    assert [d.code for d in report] == ["STR-005"]


def test_law003_only_for_legal_obligation_and_public_task() -> None:
    for basis in ("6-1-a", "6-1-b", "6-1-d", "6-1-f"):
        assert findings("LAW-003", purpose(f"lawful_basis: {basis}")) == []


def test_law006_and_law007_ignore_consent_blocks_on_other_bases() -> None:
    text = purpose("lawful_basis: 6-1-b\nconsent: {explicit: false}")
    assert findings("LAW-006", text) == []
    assert findings("LAW-007", text) == []


def test_law006_and_law007_report_a_missing_consent_block_separately() -> None:
    text = purpose("lawful_basis: 6-1-a")
    assert [d.location.pointer for d in findings("LAW-006", text)] == [
        "/activities/0/purposes/0/lawful_basis"
    ]
    assert [d.location.pointer for d in findings("LAW-007", text)] == [
        "/activities/0/purposes/0/lawful_basis"
    ]


def test_law008_needs_a_public_authority() -> None:
    assert findings("LAW-008", purpose("lawful_basis: 6-1-f")) == []
    org = "organisation:\n  name: X\n  public_authority: false\n"
    assert findings("LAW-008", purpose("lawful_basis: 6-1-f", org)) == []


def test_law009_purpose_without_kind_is_not_reported() -> None:
    assert findings("LAW-009", purpose("lawful_basis: 6-1-b")) == []


def test_art8_table_covers_exactly_the_eea_with_provenance() -> None:
    data = load_data("art8_ages")
    for key in ("name", "version", "source", "retrieved", "shelf_life", "note"):
        assert data[key]
    assert data["default"] == 16
    assert set(data["ages"]) == set(eea_countries())
    for code, entry in data["ages"].items():
        assert 13 <= entry["age"] <= 16, code
        assert isinstance(entry["verified"], bool), code
        if not entry["verified"]:
            assert entry["note"], code


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("NL", ConsentAge(16, "NL", True)),
        ("BE", ConsentAge(13, "BE", True)),
        ("FR", ConsentAge(15, "FR", True)),
        ("AT", ConsentAge(14, "AT", True)),
        ("HU", ConsentAge(16, "HU", False)),
        ("US", ConsentAge(16, None, True)),
        (None, ConsentAge(16, None, True)),
    ],
)
def test_digital_consent_age_lookup(country: str | None, expected: ConsentAge) -> None:
    assert digital_consent_age(country) == expected


CHILDREN = "data_subjects:\n  - id: kids\n    name: Kids\n    vulnerable: child\n"


def child_purpose(lines: str, org: str = "") -> str:
    body = "".join(f"        {line}\n" for line in lines.splitlines())
    return (
        f"{org}{CHILDREN}activities:\n  - id: a\n    name: A\n    data_subjects: [kids]\n"
        f"    purposes:\n      - description: Do X\n{body}"
    )


def test_law010_message_uses_the_organisation_country() -> None:
    [finding] = findings(
        "LAW-010", child_purpose("lawful_basis: 6-1-a", "organisation:\n  name: X\n  country: BE\n")
    )
    assert "13 in BE" in finding.message


def test_law010_flags_unverified_ages_and_falls_back_to_the_default() -> None:
    [malta] = findings(
        "LAW-010", child_purpose("lawful_basis: 6-1-a", "organisation:\n  name: X\n  country: MT\n")
    )
    assert "not yet verified" in malta.message
    [default] = findings("LAW-010", child_purpose("lawful_basis: 6-1-a"))
    assert "GDPR default" in default.message


def test_law010_needs_consent_and_children() -> None:
    assert findings("LAW-010", child_purpose("lawful_basis: 6-1-b")) == []
    adults = purpose("lawful_basis: 6-1-a")
    assert findings("LAW-010", adults) == []


def test_law010_broken_child_category_is_not_reported_again() -> None:
    text = (
        "data_subjects:\n  - id: kids\n    name: Kids\n    vulnerable: minors\n"
        "activities:\n  - id: a\n    name: A\n    data_subjects: [kids]\n"
        "    purposes:\n      - description: Do X\n        lawful_basis: 6-1-a\n"
    )
    assert [d.code for d in run_rule("LAW-010", text)] == ["STR-005"]


@pytest.mark.parametrize(
    "lines",
    [
        "further_processing: false",
        "lawful_basis: 6-1-a\nfurther_processing: true",
        "lawful_basis: 6-1-c\nlaw: Art. 47 AWR\nfurther_processing: true",
        "lawful_basis: 6-1-f\nfurther_processing: true\ncompatibility_assessment: docs/a.md",
    ],
)
def test_law011_exceptions(lines: str) -> None:
    assert findings("LAW-011", purpose(lines)) == []
