"""What the findings of issue 9 say: one finding per problem, in the words of the register, and at the
severity the law supports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ropa
from ropa.config import Config
from ropa.diagnostics import Severity
from ropa.i18n import untranslated

from ._semantics import codes, findings
from .conftest import FIXTURES, all_fixture_cases, run_rule

ORG = "organisation:\n  name: Example BV\n  country: NL\n"


def test_a_party_without_a_role_is_one_finding_that_lists_its_activities() -> None:
    text = (
        f"{ORG}parties:\n  - id: postnl\n    name: PostNL\n"
        "activities:\n"
        "  - {id: orders, name: Orders, recipients: [postnl, postnl]}\n"
        "  - {id: returns, name: Returns, recipients: [postnl]}\n"
        "  - {id: export, name: Export, transfers: [{country: CH, recipient: postnl, mechanism: adequacy}]}\n"
        "  - {id: claims, name: Claims, recipients: [postnl]}\n"
    )
    (finding,) = findings(text, ["REC-002"])
    assert finding.location.entity == "party postnl"
    assert (
        finding.message
        == "party postnl: has no role; it receives data in activities orders, returns, export and 1 more"
    )


def test_an_unused_authority_is_never_hinted_to_be_a_recipient() -> None:
    (finding,) = findings((FIXTURES / "REC-003" / "fail-authority.yaml").read_text("utf-8"), ["REC-003"])
    assert "authority_disclosures" in finding.hint
    assert "Art. 4(9)" in finding.hint
    assert "'recipients:'" not in finding.hint


def test_an_undefined_authority_is_called_an_authority() -> None:
    disclosure = "{authority: Politie, party: police}"
    text = f"{ORG}activities:\n  - {{id: a, name: A, authority_disclosures: [{disclosure}]}}\n"
    (finding,) = findings(text, ["REC-001"])
    assert finding.message == "activity a: authority 'police' is not a defined party"
    assert finding.location.pointer == "/activities/0/authority_disclosures/0/party"


def test_a_bsn_under_an_unknown_law_is_info_under_a_non_permitting_law_and_no_law_an_error() -> None:
    (wabb,) = findings(
        (FIXTURES / "NL-001" / "fail-wabb-not-a-government-body.yaml").read_text("utf-8"), ["NL-001"]
    )
    assert wabb.severity is Severity.INFO
    (tax,) = findings((FIXTURES / "NL-001" / "fail-tax-law.yaml").read_text("utf-8"), ["NL-001"])
    assert tax.severity is Severity.ERROR
    assert "'Art. 52 AWR'" in tax.message
    (missing, _) = findings((FIXTURES / "NL-001" / "fail.yaml").read_text("utf-8"), ["NL-001"])
    assert missing.severity is Severity.ERROR


def test_an_organisation_level_vague_measure_is_reported_once_however_many_activities_inherit_it() -> None:
    text = (
        f"{ORG}security_measures:\n  - id: generic\n    description: Passende maatregelen worden genomen.\n"
        "activities:\n" + "".join(f"  - {{id: a{i}, name: A{i}}}\n" for i in range(5))
    )
    (finding,) = findings(text, ["SEC-001"])
    assert finding.location.entity == "security measure generic"
    assert "'Passende maatregelen'" in finding.message


def test_a_retention_rule_is_described_as_written() -> None:
    text = (FIXTURES / "RET-005" / "fail-open-event.yaml").read_text("utf-8")
    messages = [d.message for d in findings(text, ["RET-005"])]
    assert messages == [
        "activity customer-profile: retention rule 1 keeps data until 'as long as you are a customer', which "
        "may never come, and has no inactivity fallback or review period",
        "activity customer-profile: retention rule 2 keeps data 2 years after the end of the relationship, "
        "which may never come, and has no inactivity fallback or review period",
    ]


def test_a_processor_with_own_purposes_is_an_error_naming_what_it_does() -> None:
    (finding,) = findings((FIXTURES / "PRC-007" / "fail.yaml").read_text("utf-8"), ["PRC-007"])
    assert finding.severity is Severity.ERROR
    assert "(activities: payments)" in finding.message
    assert "met derden delen" in finding.message
    assert str(finding.legal_refs[0]) == "Art. 28(10) GDPR"


def test_absent_recipients_are_a_warning_and_absent_transfers_an_info() -> None:
    text = f"{ORG}activities:\n  - {{id: a, name: A}}\n"
    assert [(d.code, d.severity) for d in findings(text, ["REC-007", "TRF-012"])] == [
        ("REC-007", Severity.WARNING),
        ("TRF-012", Severity.INFO),
    ]
    stated = f"{ORG}activities:\n  - {{id: a, name: A, recipients: [], transfers: []}}\n"
    assert codes(stated, ["REC-007", "TRF-012"]) == []


def test_authority_disclosures_do_not_make_an_authority_a_recipient() -> None:
    disclosures = "[{authority: FIOD, law: Art. 126nd Sv}]"
    text = f"{ORG}activities:\n  - {{id: a, name: A, transfers: [], authority_disclosures: {disclosures}}}\n"
    assert codes(text, ["REC-007"]) == ["REC-007"]  # the authority is no answer to 'who receives the data'


@pytest.mark.parametrize("case", all_fixture_cases("fail"), ids=lambda c: f"{c[0]}/{c[1].name}")
def test_every_finding_of_every_fail_case_is_said_in_every_language(case: tuple[str, Path]) -> None:
    code, path = case
    report = run_rule(code, path)
    problems = [
        f"{lang}: {why}" for d in report for lang in ("nl", "fr", "de") if (why := untranslated(d, lang))
    ]
    assert problems == []


def test_the_findings_of_march_2021_are_said_in_every_language() -> None:
    text = (
        "organisation: {name: X, country: IE, contact: {email: a@b.example}}\n"
        "activities:\n  - id: a\n    name: A\n    transfers:\n"
        "      - {country: US, mechanism: adequacy}\n      - {country: KR, mechanism: adequacy}\n"
    )
    report = ropa.validate(ropa.loads(text), Config(select=["TRF-003"]), today=dt.date(2021, 3, 15))
    assert len(report) == 2
    assert [why for d in report for lang in ("nl", "fr", "de") if (why := untranslated(d, lang))] == []
