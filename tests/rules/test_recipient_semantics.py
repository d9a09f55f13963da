"""Edge cases of the REC and PRC rules: broken references, the unused-party split between REC-003 and
PRC-005, case-only misspellings, and a large register."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import ropa
from ropa.config import Config
from ropa.diagnostics import Diagnostic
from ropa.models import Register

from .conftest import FIXTURE_TODAY

ORG = "organisation:\n  name: Example BV\n  country: NL\n"


def findings(code: str, text: str | Register, today: dt.date = FIXTURE_TODAY) -> list[Diagnostic]:
    source = text if isinstance(text, Register) else ropa.loads(text)
    report = ropa.validate(source, Config(select=[code], profile=["eu"]), today=today)
    return [d for d in report if d.code == code]


def codes(text: str, select: list[str]) -> list[str]:
    report = ropa.validate(ropa.loads(text), Config(select=select, profile=["eu"]), today=FIXTURE_TODAY)
    return sorted(d.code for d in report)


BROKEN_PARTY = "  - id: broken\n    name: Broken\n    role: processor\n    country: UK\n"


def test_references_to_a_party_that_failed_to_load_are_not_reported() -> None:
    text = (
        f"{ORG}parties:\n{BROKEN_PARTY}"
        "  - id: platform\n    name: Platform\n    role: processor\n"
        "    agreement: {reference: DPA, signed: true}\n    sub_processors: [broken]\n"
        "activities:\n  - id: a\n    name: A\n    recipients: [broken, platform]\n"
        "    transfers:\n      - {country: US, recipient: broken, mechanism: scc, scc_module: 2, tia: T}\n"
        "processor_activities:\n  - id: p\n    sub_processors: [broken]\n    transfers:\n"
        "      - {country: US, recipient: broken, mechanism: scc, scc_module: 3, tia: T}\n"
    )
    assert codes(text, ["REC", "PRC", "TRF-004", "TRF-006"]) == ["STR-005"]


@pytest.mark.parametrize("code", ["REC-003", "PRC-005"])
def test_no_party_is_called_unused_while_a_referring_entity_failed_to_load(code: str) -> None:
    parties = (
        "parties:\n  - id: processor\n    name: P\n    role: processor\n    agreement: {reference: DPA}\n"
        "    sub_processors: []\n  - id: controller\n    name: C\n    role: controller\n"
    )
    broken_activity = (
        "activities:\n  - id: a\n    name: A\n    recipients: [processor, controller]\n    status: x\n"
    )
    assert findings(code, f"{ORG}{parties}{broken_activity}") == []
    assert len(findings(code, f"{ORG}{parties}")) == 1


def test_unused_processors_are_prc_005_and_other_parties_rec_003() -> None:
    text = (
        f"{ORG}parties:\n"
        "  - id: proc\n    name: P\n    role: processor\n"
        "  - id: ctrl\n    name: C\n    role: controller\n"
        "  - id: none\n    name: N\n"
    )
    assert [d.location.entity for d in findings("PRC-005", text)] == ["party proc"]
    assert [d.location.entity for d in findings("REC-003", text)] == ["party ctrl", "party none"]


def test_a_case_only_misspelling_is_one_finding_not_two() -> None:
    text = (
        f"{ORG}parties:\n  - id: mollie\n    name: Mollie\n    role: processor\n"
        "activities:\n  - id: a\n    name: A\n    recipients: [Mollie]\n"
    )
    (undefined,) = findings("REC-001", text)
    assert undefined.hint is not None
    assert undefined.hint.startswith("Did you mean 'mollie'?")
    assert findings("PRC-005", text) == []  # mollie is not also "unused"


def test_an_undefined_recipient_is_reported_once_per_activity() -> None:
    text = (
        f"{ORG}activities:\n"
        "  - id: a\n    name: A\n    recipients: [x, x, {party: x}]\n"
        "    transfers:\n      - {country: US, recipient: x, mechanism: scc}\n"
        "  - id: b\n    name: B\n    recipients: [x]\n"
    )
    found = findings("REC-001", text)
    assert [(d.location.entity, d.location.pointer) for d in found] == [
        ("activity a", "/activities/0/recipients/0/party"),
        ("activity b", "/activities/1/recipients/0/party"),
    ]


def test_a_non_eea_recipient_is_matched_by_importer_or_country() -> None:
    parties = "parties:\n  - id: us\n    name: US Inc.\n    role: processor\n    country: US\n"
    base = f"{ORG}{parties}activities:\n  - id: a\n    name: A\n    recipients: [us]\n"
    assert len(findings("REC-004", base)) == 1
    assert len(findings("REC-004", base + "    transfers: []\n")) == 1
    assert findings("REC-004", base + "    transfers:\n      - {recipient: us}\n") == []
    assert findings("REC-004", base + "    transfers:\n      - {country: US}\n") == []
    assert len(findings("REC-004", base + "    transfers:\n      - {country: CA}\n")) == 1


@pytest.mark.parametrize(
    ("agreement", "problem"),
    [
        ("{reference: DPA, signed: false}", "recorded as not signed"),
        ("{reference: DPA}", "not recorded as signed"),
        ("{reference: DPA, signed: true, date: 2026-06-02}", "dated 2026-06-02"),
        ("{reference: DPA, signed: false, date: 2026-06-02}", "recorded as not signed"),
    ],
)
def test_an_agreement_gets_one_finding_naming_its_first_problem(agreement: str, problem: str) -> None:
    text = f"{ORG}parties:\n  - id: p\n    name: P\n    role: processor\n    agreement: {agreement}\n"
    (finding,) = findings("PRC-002", text)
    assert problem in finding.message


def test_a_processor_agreement_without_reference_is_only_prc_001() -> None:
    text = f"{ORG}parties:\n  - id: p\n    name: P\n    role: processor\n    agreement: {{signed: false}}\n"
    assert codes(text, ["PRC-001", "PRC-002"]) == ["PRC-001"]


def test_review_and_agreement_dates_follow_the_check_date() -> None:
    text = (
        f"{ORG}parties:\n  - id: p\n    name: P\n    role: processor\n"
        "    agreement: {reference: DPA, signed: true, date: 2026-07-01, review_date: 2027-07-01}\n"
    )
    assert len(findings("PRC-002", text, today=dt.date(2026, 6, 30))) == 1
    assert findings("PRC-002", text, today=dt.date(2026, 7, 1)) == []
    assert findings("PRC-003", text, today=dt.date(2027, 7, 1)) == []
    assert len(findings("PRC-003", text, today=dt.date(2027, 7, 2))) == 1


# --- a large register -----------------------------------------------------------------------------

N = 5_000


def _large_register() -> Register:
    """``N`` processors in chains: each processor p<i> uses p<i+1> as sub-processor, every tenth lists an
    undefined sub-processor, and every activity a<i> uses p<i> for even ``i``."""
    parties: list[dict[str, Any]] = []
    for i in range(N):
        subs = [f"p{i + 1}"] if i + 1 < N and i % 3 != 0 else []
        if i % 10 == 0:
            subs.append(f"ghost{i}")
        party: dict[str, Any] = {"id": f"p{i}", "name": f"P{i}", "role": "processor", "sub_processors": subs}
        if i % 7 != 0:
            party["agreement"] = {"reference": f"DPA {i}", "signed": True}
        parties.append(party)
    parties.append({"id": "jc", "name": "JC", "role": "joint-controller"})
    activities = [
        {"id": f"a{i}", "name": f"A{i}", "recipients": [f"p{i}", f"missing{i}" if i % 100 == 0 else f"p{i}"]}
        for i in range(0, N, 2)
    ]
    return Register.model_validate({"parties": parties, "activities": activities})


def test_a_register_of_5000_parties_gets_exactly_the_expected_findings() -> None:
    report = ropa.validate(
        _large_register(), Config(select=["REC", "PRC"], profile=["eu"]), today=FIXTURE_TODAY
    )
    counts: dict[str, int] = {}
    for d in report:
        counts[d.code] = counts.get(d.code, 0) + 1
    # p<i> (odd i) is used when p<i-1> lists it, i.e. when (i - 1) % 3 != 0; p<0> is used by a0. The
    # joint controller receives nothing, and is not reported as unused: it is recorded for who it is.
    unused = sum(1 for i in range(1, N, 2) if (i - 1) % 3 == 0)
    assert counts == {
        "REC-001": len(range(0, N, 100)),
        "REC-005": 1,
        "REC-006": 1,
        "PRC-001": len(range(0, N, 7)),
        "PRC-005": len(range(0, N, 10)) + unused,
    }
