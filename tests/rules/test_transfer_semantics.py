"""Edge cases of the TRF rules the fixtures do not cover: partial adequacy, decisions in force by date,
the data file's freshness, broken references, option values, and a large register."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import ropa
from ropa.config import Config, RuleOptionsConfig
from ropa.diagnostics import Diagnostic
from ropa.law import Decision, add_duration, add_months, adequacy
from ropa.models import Register

from .conftest import FIXTURE_TODAY, FIXTURES

ORG = "organisation:\n  name: Example BV\n  country: NL\n"


def findings(
    code: str,
    text: str | Register,
    *,
    today: dt.date = FIXTURE_TODAY,
    options: RuleOptionsConfig | None = None,
) -> list[Diagnostic]:
    source = text if isinstance(text, Register) else ropa.loads(text)
    config = Config(select=[code], profile=["eu"], options=options or RuleOptionsConfig())
    return [d for d in ropa.validate(source, config, today=today) if d.code == code]


def one_transfer(transfer: str, parties: str = "") -> str:
    """A register with one activity that has one transfer (``transfer`` is its YAML flow mapping)."""
    return f"{ORG}{parties}activities:\n  - id: a\n    name: A\n    transfers:\n      - {transfer}\n"


US_PARTIES = """\
parties:
  - id: certified
    name: Certified Inc.
    role: processor
    country: US
    dpf: {certified: true, checked: 2026-05-01}
  - id: scoped
    name: Scoped Inc.
    role: processor
    country: US
    adequacy_scope: " dpf "
  - id: plain
    name: Plain Inc.
    role: processor
    country: US
  - id: pipeda
    name: Toronto Ltd.
    role: controller
    country: CA
    adequacy_scope: PIPEDA
"""


# --- partial adequacy (TRF-004) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("transfer", "reported"),
    [
        ("{country: US, recipient: certified, mechanism: adequacy}", False),
        # 'adequacy_scope: DPF' claims coverage without a certification check: not shown covered
        ("{country: US, recipient: scoped, mechanism: adequacy}", True),
        ("{country: US, recipient: plain, mechanism: adequacy}", True),
        ("{country: US, mechanism: adequacy}", True),
        # a PIPEDA scope does not cover a US transfer, and vice versa
        ("{country: US, recipient: pipeda, mechanism: adequacy}", True),
        ("{country: CA, recipient: scoped, mechanism: adequacy}", True),
        ("{country: CA, recipient: pipeda, mechanism: adequacy}", False),
        # full decisions, other mechanisms and EEA destinations are not TRF-004's
        ("{country: CH, mechanism: adequacy}", False),
        ("{country: US, recipient: plain, mechanism: scc, scc_module: 2}", False),
        ("{country: DE, recipient: plain, mechanism: adequacy}", False),
        # no decision at all is TRF-003's, not TRF-004's
        ("{country: AU, recipient: plain, mechanism: adequacy}", False),
    ],
)
def test_partial_adequacy_needs_the_importer_in_scope(transfer: str, reported: bool) -> None:
    assert bool(findings("TRF-004", one_transfer(transfer, US_PARTIES))) is reported


def test_each_partial_decision_has_its_scope_key() -> None:
    keys = {d.country: d.scope_key for d in adequacy().decisions if d.partial}
    assert keys == {"US": "DPF", "CA": "PIPEDA", "JP": "APPI", "KR": "PIPA"}


def test_an_undefined_importer_is_left_to_rec_001() -> None:
    text = one_transfer("{country: US, recipient: nobody, mechanism: adequacy}")
    assert findings("TRF-004", text) == []
    assert [d.location.pointer for d in findings("REC-001", text)] == ["/activities/0/transfers/0/recipient"]


def test_an_importer_that_failed_to_load_is_not_reported_again() -> None:
    broken_party = "parties:\n  - id: broken\n    name: Broken Inc.\n    country: UK\n"
    text = one_transfer(
        "{country: US, recipient: broken, mechanism: scc, scc_module: 2, tia: T}", broken_party
    )
    report = ropa.validate(
        ropa.loads(text), Config(select=["REC", "TRF"], profile=["eu"]), today=FIXTURE_TODAY
    )
    codes = [d.code for d in report]
    assert "STR-005" in codes  # the loader reports the bad country once
    assert not {"REC-001", "TRF-004", "TRF-006"} & set(codes)


# --- decisions in force on --today (TRF-003) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "today", "reported"),
    [
        ("GB", dt.date(2031, 12, 27), False),  # last day of the renewed UK decision
        ("GB", dt.date(2031, 12, 28), True),
        # before the UK decision, the UK was no third country: a member state, then the TCA bridge
        ("GB", dt.date(2021, 6, 27), False),
        ("GB", dt.date(2020, 6, 1), False),
        ("US", dt.date(2022, 1, 1), True),  # after Schrems II, before the DPF
        ("BR", dt.date(2026, 1, 25), True),
        ("BR", dt.date(2026, 1, 26), False),
        ("CH", dt.date(2040, 1, 1), False),  # no end date
    ],
)
def test_adequacy_depends_on_the_check_date(country: str, today: dt.date, reported: bool) -> None:
    text = one_transfer(f"{{country: {country}, mechanism: adequacy}}")
    assert bool(findings("TRF-003", text, today=today)) is reported


def test_an_expired_decision_is_named_in_the_message() -> None:
    text = one_transfer("{country: GB, mechanism: adequacy}")
    (finding,) = findings("TRF-003", text, today=dt.date(2032, 1, 1))
    assert "renewing the adequacy decision for the United Kingdom" in finding.message
    assert "until 2031-12-27" in finding.message


def test_the_message_speaks_of_the_law_of_the_check_date() -> None:
    # a US transfer judged in March 2021: the Privacy Shield had ended; the DPF of 2023 was no law yet
    (us,) = findings(
        "TRF-003", one_transfer("{country: US, mechanism: adequacy}"), today=dt.date(2021, 3, 15)
    )
    assert "2016/1250 (Privacy Shield) applied only until 2020-07-15" in us.message
    assert "2023/1795" not in us.message
    # Korea's decision was adopted on 17 December 2021: in March 2021 none applied, and none is named
    (kr,) = findings(
        "TRF-003", one_transfer("{country: KR, mechanism: adequacy}"), today=dt.date(2021, 3, 15)
    )
    assert "no adequacy decision applied to it on 2021-03-15" in kr.message
    assert "2022/254" not in kr.message


@pytest.mark.parametrize("decision", adequacy().decisions, ids=lambda d: d.decision[:60])
def test_no_trf003_message_names_a_decision_adopted_after_the_check_date(decision: Decision) -> None:
    destination = (
        f"country: {decision.country}"
        if decision.country
        else f"international_organisation: {decision.organisation}"
    )
    text = one_transfer(f"{{{destination}, mechanism: adequacy}}")
    days = [d for d in (decision.start, decision.valid_until) if d is not None]
    for day in [day + dt.timedelta(days=delta) for day in days for delta in (-1, 1)]:
        later = [d.decision for d in adequacy().decisions if d.start is not None and d.start > day]
        for finding in findings("TRF-003", text, today=day):
            assert not [name for name in later if name in finding.message], (day, finding.message)


def test_a_decision_is_named_by_what_it_was_when_adopted() -> None:
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    for decision in adequacy().decisions:
        for day, month, year in re.findall(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})", decision.decision):
            named = dt.date(int(year), months.split("|").index(month) + 1, int(day))
            assert decision.adopted is not None
            assert named <= decision.adopted, decision.decision


def test_international_organisations_are_matched_by_name_or_alias() -> None:
    for name in ("European Patent Organisation", "epo", "European  Patent  Office"):
        text = one_transfer(f"{{international_organisation: {name}, mechanism: adequacy}}")
        assert findings("TRF-003", text) == [], name
    text = one_transfer("{international_organisation: WHO, mechanism: adequacy}")
    assert len(findings("TRF-003", text)) == 1


def test_an_organisation_named_with_an_eea_country_is_still_a_transfer() -> None:
    text = one_transfer("{country: DE, international_organisation: OECD}")
    assert len(findings("TRF-002", text)) == 1
    assert findings("TRF-010", text) == []


# --- freshness of the adequacy data (TRF-011) -------------------------------------------------------


def test_the_data_are_current_from_retrieval_to_the_end_of_their_shelf_life() -> None:
    data = adequacy()
    last = add_duration(data.retrieved, data.shelf_life)
    assert last == dt.date(2027, 5, 25)
    text = one_transfer("{country: CH, mechanism: adequacy}")
    assert findings("TRF-011", text, today=data.retrieved) == []
    assert findings("TRF-011", text, today=last) == []
    (stale,) = findings("TRF-011", text, today=last + dt.timedelta(days=1))
    assert "shelf life" in stale.message
    (early,) = findings("TRF-011", text, today=data.retrieved - dt.timedelta(days=1))
    assert "postdate" in early.message


def test_data_max_age_months_overrides_the_shelf_life() -> None:
    text = one_transfer("{country: CH, mechanism: adequacy}")
    day = dt.date(2026, 12, 26)
    assert findings("TRF-011", text, today=day) == []
    options = RuleOptionsConfig(data_max_age_months=1)
    assert len(findings("TRF-011", text, today=day, options=options)) == 1


def test_stale_data_are_reported_once_on_the_first_transfer() -> None:
    text = (
        f"{ORG}activities:\n"
        "  - id: none\n    name: None\n    transfers: []\n"
        "  - id: a\n    name: A\n    transfers:\n      - {country: CH, mechanism: adequacy}\n"
        "      - {country: JP, mechanism: adequacy}\n"
        "processor_activities:\n  - id: p\n    transfers:\n      - {country: US, mechanism: scc}\n"
    )
    found = findings("TRF-011", text, today=dt.date(2030, 1, 1))
    assert [(d.location.entity, d.location.pointer) for d in found] == [
        ("activity a", "/activities/1/transfers/0")
    ]


def test_processor_activity_transfers_count_for_stale_data() -> None:
    text = f"{ORG}processor_activities:\n  - id: p\n    transfers:\n      - {{country: US, mechanism: scc}}\n"
    found = findings("TRF-011", text, today=dt.date(2030, 1, 1))
    assert [d.location.entity for d in found] == ["processor activity p"]


# --- DPF check age (TRF-005) ----------------------------------------------------------------------


def test_dpf_max_age_months_is_read_from_the_options() -> None:
    party = "    dpf: {certified: true, checked: 2026-01-15}\n"
    text = f"{ORG}parties:\n  - id: p\n    name: P\n    role: processor\n{party}"
    assert findings("TRF-005", text) == []
    assert len(findings("TRF-005", text, options=RuleOptionsConfig(dpf_max_age_months=3))) == 1


def test_month_arithmetic_clamps_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 1, 31), 13) == dt.date(2027, 2, 28)
    assert add_duration(dt.date(2026, 11, 25), "P1Y2M3W4D") == dt.date(2028, 2, 19)
    for bad in ("P", "6M", "PT6H", "P1.5Y"):
        with pytest.raises(ValueError, match="duration"):
            add_duration(dt.date(2026, 1, 1), bad)


# --- SCC modules (TRF-006) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "exporter", "module", "reported"),
    [
        ("processor", "controller", 2, False),
        ("processor", "controller", 1, True),
        ("controller", "controller", 1, False),
        ("joint-controller", "controller", 1, False),
        ("controller", "controller", 4, True),
        ("processor", "processor", 3, False),
        ("processor", "processor", 2, True),
        ("controller", "processor", 4, False),
        ("controller", "processor", 1, True),
        # roles that do not determine a module are not compared
        ("public-authority", "controller", 3, False),
        ("internal", "controller", 4, False),
    ],
)
def test_scc_module_follows_the_roles(role: str, exporter: str, module: int, reported: bool) -> None:
    party = f"parties:\n  - id: imp\n    name: Importer\n    role: {role}\n    country: IN\n"
    activity_role = "    role: processor\n    on_behalf_of: Client BV\n" if exporter == "processor" else ""
    text = (
        f"{ORG}{party}activities:\n  - id: a\n    name: A\n{activity_role}    transfers:\n"
        f"      - {{country: IN, recipient: imp, mechanism: scc, scc_module: {module}, tia: T}}\n"
    )
    assert bool(findings("TRF-006", text)) is reported


def test_scc_sa_and_other_mechanisms_need_no_module() -> None:
    for mechanism in ("scc-sa", "bcr", "46-3-a", "adequacy"):
        text = one_transfer(f"{{country: IN, mechanism: {mechanism}}}")
        assert findings("TRF-006", text) == [], mechanism


# --- EEA destinations are left to TRF-010 ---------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["TRF-002", "TRF-003", "TRF-004", "TRF-006", "TRF-007", "TRF-008", "TRF-009"]
)
def test_eea_destinations_are_reported_only_as_intra_eea(code: str) -> None:
    transfers = [
        "{country: FR}",
        "{country: FR, mechanism: adequacy}",
        "{country: LI, mechanism: scc}",
        "{country: IS, mechanism: 49-1-b, frequency: regular}",
        "{country: NO, mechanism: 49-1-2}",
    ]
    text = f"{ORG}activities:\n  - id: a\n    name: A\n    transfers:\n" + "".join(
        f"      - {t}\n" for t in transfers
    )
    assert findings(code, text) == []
    assert len(findings("TRF-010", text)) == len(transfers)


# --- one root cause, one finding ------------------------------------------------------------------


def test_a_transfer_without_destination_is_only_trf_001() -> None:
    text = one_transfer("{mechanism: adequacy}")
    report = ropa.validate(
        ropa.loads(text), Config(select=["TRF"], profile=["eu"]), today=dt.date(2027, 1, 1)
    )
    assert [d.code for d in report] == ["TRF-001"]


def test_a_transfer_without_mechanism_is_only_trf_002() -> None:
    text = one_transfer("{country: US}")
    report = ropa.validate(
        ropa.loads(text), Config(select=["TRF"], profile=["eu"]), today=dt.date(2027, 1, 1)
    )
    assert [d.code for d in report] == ["TRF-002"]


def test_a_finding_on_a_transfer_can_be_suppressed_on_its_activity() -> None:
    text = (
        f"{ORG}activities:\n  - id: a\n    name: A\n    transfers:\n      - {{country: US}}\n"
        "    suppress:\n      - rule: transfer-without-mechanism\n        justification: Stopped in May\n"
    )
    assert findings("TRF-002", text) == []


# --- a large register -----------------------------------------------------------------------------

N = 5_000


def _large_register() -> Register:
    parties: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    for i in range(N):
        party: dict[str, Any] = {"id": f"p{i}", "name": f"Party {i}", "role": "processor", "country": "US"}
        if i % 2 == 0:
            party["dpf"] = {"certified": True, "checked": "2026-05-01" if i % 4 == 0 else "2024-01-01"}
        parties.append(party)
        transfer: dict[str, Any] = {"country": "US", "recipient": f"p{i}"}
        if i % 5 == 0:
            transfer |= {"mechanism": "scc", "scc_module": 1 if i % 10 == 0 else 2, "tia": "T"}
        elif i % 5 == 1:
            transfer.pop("recipient")
        else:
            transfer["mechanism"] = "adequacy"
        activities.append(
            {"id": f"a{i}", "name": f"Activity {i}", "recipients": [f"p{i}"], "transfers": [transfer]}
        )
    return Register.model_validate({"parties": parties, "activities": activities})


def test_a_register_of_5000_parties_and_activities_gets_exactly_the_expected_findings() -> None:
    register = _large_register()
    config = Config(select=["TRF", "REC-001", "REC-004"], profile=["eu"])
    report = ropa.validate(register, config, today=FIXTURE_TODAY)
    counts: dict[str, int] = {}
    for d in report:
        counts[d.code] = counts.get(d.code, 0) + 1
    uncertified_adequacy = sum(1 for i in range(N) if i % 5 in (2, 3, 4) and i % 2 == 1)
    assert counts == {
        "TRF-002": sum(1 for i in range(N) if i % 5 == 1),
        "TRF-004": uncertified_adequacy,
        "TRF-005": sum(1 for i in range(N) if i % 2 == 0 and i % 4 != 0),
        "TRF-006": sum(1 for i in range(N) if i % 10 == 0),
        "TRF-011": 1,
    }


# --- the law of the check date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "codes"),
    [
        (dt.date(2020, 6, 1), ["TRF-010"]),  # transition period of the Withdrawal Agreement
        (dt.date(2021, 3, 1), ["TRF-010"]),  # bridge of Art. FINPROV.10A TCA
        (dt.date(2021, 6, 28), ["TRF-002"]),  # a third country, with an adequacy decision from this day
    ],
)
def test_a_uk_transfer_is_judged_by_the_law_of_the_check_date(today: dt.date, codes: list[str]) -> None:
    report = ropa.validate(
        ropa.loads(one_transfer("{country: GB}")), Config(select=["TRF"], profile=["eu"]), today=today
    )
    assert [d.code for d in report if d.code != "TRF-011"] == codes


def test_a_bridge_period_is_named_in_the_message() -> None:
    (finding,) = findings("TRF-010", one_transfer("{country: GB, mechanism: scc}"), today=dt.date(2021, 3, 1))
    assert "FINPROV.10A" in finding.message


def test_partial_adequacy_cites_the_decision_of_the_destination() -> None:
    cited = {}
    for country in ("US", "CA", "JP", "KR"):
        (finding,) = findings("TRF-004", one_transfer(f"{{country: {country}, mechanism: adequacy}}"))
        cited[country] = [str(r) for r in finding.legal_refs]
    assert cited == {
        "US": ["Art. 45(1) GDPR", "Art. 1 Commission Implementing Decision (EU) 2023/1795"],
        "CA": ["Art. 45(1) GDPR", "Art. 1 Commission Decision 2002/2/EC"],
        "JP": ["Art. 45(1) GDPR", "Art. 1 Commission Implementing Decision (EU) 2019/419"],
        "KR": ["Art. 45(1) GDPR", "Art. 1 Commission Implementing Decision (EU) 2022/254"],
    }


def test_a_privacy_shield_transfer_is_judged_under_the_privacy_shield() -> None:
    shield = "parties:\n  - id: shielded\n    name: S\n    role: processor\n    country: US\n"
    text = one_transfer("{country: US, recipient: shielded, mechanism: adequacy}", shield)
    (finding,) = findings("TRF-004", text, today=dt.date(2019, 1, 1))
    assert "Privacy Shield" in finding.message
    assert str(finding.legal_refs[1]) == "Art. 1 Commission Implementing Decision (EU) 2016/1250"
    covered = shield + "    adequacy_scope: Privacy Shield\n"
    text = one_transfer("{country: US, recipient: shielded, mechanism: adequacy}", covered)
    assert findings("TRF-004", text, today=dt.date(2019, 1, 1)) == []


@pytest.mark.parametrize("mechanism", ["46-2-e", "46-2-f", "scc", "bcr"])
def test_every_art46_safeguard_of_the_importer_needs_a_tia(mechanism: str) -> None:
    assert len(findings("TRF-007", one_transfer(f"{{country: IN, mechanism: '{mechanism}'}}"))) == 1
    assert findings("TRF-007", one_transfer(f"{{country: IN, mechanism: '{mechanism}', tia: T}}")) == []


# --- TRF-012: when missing transfers are a warning ----------------------------------------------------


def test_trf012_warns_where_the_register_shows_the_data_reach_a_third_country() -> None:
    text = (FIXTURES / "TRF-012" / "fail-reaches-a-third-country.yaml").read_text("utf-8")
    found = {d.location.entity: d for d in findings("TRF-012", text)}
    assert {entity: d.severity.value for entity, d in found.items()} == {
        "activity webanalyse": "warning",  # the US sub-processor of an Irish processor
        "activity tickets": "warning",  # a system run by a US party
        "activity klantenservice": "info",  # WhatsApp Ireland: nothing recorded outside the EEA
        "processor activity hosting-for-clients": "warning",  # its own sub-processor's sub-processor
    }
    assert "google-llc in US (sub-processor of google-ireland)" in found["activity webanalyse"].message
    assert "helpdesk in US (system 'Helpdesk Inc. ticketing')" in found["activity tickets"].message


def test_trf012_judges_the_location_by_the_law_of_the_check_date() -> None:
    text = (
        f"{ORG}parties:\n"
        "  - {id: host, name: Host BV, role: processor, country: NL, sub_processors: [uk-backup]}\n"
        "  - {id: uk-backup, name: UK Backup Ltd, role: processor, country: GB}\n"
        "activities:\n  - {id: a, name: A, recipients: [host]}\n"
    )
    # on 15 March 2021 the United Kingdom was no third country (the TCA bridge), in 2026 it is one
    assert [d.severity.value for d in findings("TRF-012", text, today=dt.date(2021, 3, 15))] == ["info"]
    assert [d.severity.value for d in findings("TRF-012", text)] == ["warning"]


def test_trf012_sub_processor_cycles_end() -> None:
    text = (
        f"{ORG}parties:\n"
        "  - {id: p1, name: P1, role: processor, country: NL, sub_processors: [p2]}\n"
        "  - {id: p2, name: P2, role: processor, country: US, sub_processors: [p1]}\n"
        "activities:\n  - {id: a, name: A, recipients: [p1]}\n"
    )
    [finding] = findings("TRF-012", text)
    assert finding.severity.value == "warning"
