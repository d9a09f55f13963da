"""One reading of the law in every rule: every way of marking a category as health (or criminal-offence)
data gives the same findings from every rule family; controller-only rules never fire on the processor's
record; GDPR-only rules never fire on Law Enforcement Directive processing, and the others cite the
Directive."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import ropa
from ropa.config import Config
from ropa.diagnostics import Diagnostic
from ropa.rules import ALL_RULES

TODAY = dt.date(2026, 6, 1)
RULES = {rule.code: rule for rule in ALL_RULES}

HEALTH = [
    {"special": "health"},
    {"dpv": "pd:Health"},
    {"dpv": "https://w3id.org/dpv/pd#HealthRecord"},
    {"dpv": "http://w3id.org/dpv/pd#MedicalHealth"},
    {"dpv": "pd:MentalHealth"},
    {"dpv": "dpv-pd:Prescription"},
    {"dpv": "https://w3id.org/dpv/dpv-pd#Disability"},
    {"special": "health", "dpv": "pd:EmailAddress"},
]
CRIMINAL = [
    {"criminal": True},
    {"dpv": "pd:Criminal"},
    {"dpv": "https://w3id.org/dpv/pd#CriminalConviction"},
    {"dpv": "pd:CriminalOffense"},  # the DPV 2.2 spelling
    {"dpv": "http://w3id.org/dpv/pd#CriminalCharge"},
]


def _validate(data: dict[str, Any]) -> list[Diagnostic]:
    result = ropa.loads(yaml.safe_dump(data, sort_keys=False))
    assert [d for d in result.diagnostics if d.code.startswith(("SYN-", "STR-"))] == []
    return list(ropa.validate(result, Config(profile=["eu", "nl"]), today=TODAY))


def _seen(diagnostics: list[Diagnostic]) -> list[tuple[str, str, str, str]]:
    return sorted((d.code, d.location.pointer, d.severity.value, d.message) for d in diagnostics)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A register around one activity that uses data category ``marked``, with the flags that decide the
    Art. 9/10, DPIA, DPO, exemption and security findings drawn at random."""
    activity: dict[str, Any] = {
        "id": "care",
        "name": "Care records",
        "data_categories": ["contact", "marked"],
        "data_subjects": ["clients"],
        "purposes": [
            {
                "description": "Record the care given",
                "lawful_basis": draw(st.sampled_from(["6-1-b", "6-1-c", "6-1-a"])),
                "law": "Wgbo",
            }
        ],
        "retention": [
            {"duration": "P20Y", "anchor": "custom", "anchor_description": "the last change of the file"}
        ],
        "recipients": [],
        "transfers": [],
    }
    for flag in ("large_scale", "core_activity", "exemption_claimed", "systematic_monitoring"):
        if draw(st.booleans()):
            activity[flag] = True
    art9 = draw(st.sampled_from([None, "9-2-h", "9-2-a"]))
    if art9 is not None:
        activity["art9"] = [{"condition": art9}]
    if draw(st.booleans()):
        activity["art10"] = {"authorisation": "Art. 31 UAVG"}
    special_flag = draw(st.sampled_from([None, True, False]))
    if special_flag is not None:
        activity["special_categories"] = special_flag
    dpia = draw(st.sampled_from([None, "not-required", "reference"]))
    if dpia == "not-required":
        activity["dpia"] = {"required": False, "screening": "Small practice"}
    elif dpia == "reference":
        activity["dpia"] = {"required": True, "reference": "DPIA-1"}
    if draw(st.booleans()):
        activity["specific_measures"] = [{"description": "Staff confidentiality", "kind": "organisational"}]
    organisation: dict[str, Any] = {"name": "Praktijk BV", "country": "NL", "contact": {"email": "a@b.nl"}}
    if draw(st.booleans()):
        organisation["dpo"] = {"designated": False, "reason": "Not required"}
    organisation["employees"] = draw(st.sampled_from([10, 300]))
    return {
        "organisation": organisation,
        "data_subjects": [{"id": "clients", "name": "Clients"}],
        "data_categories": [
            {"id": "contact", "name": "Contact"},
            {"id": "marked", "name": "The marked category"},
        ],
        "activities": [activity],
    }


def _with_marking(data: dict[str, Any], marking: dict[str, Any]) -> dict[str, Any]:
    categories = [dict(c) for c in data["data_categories"]]
    categories[1].update(marking)
    return {**data, "data_categories": categories}


@given(scenarios())
def test_every_way_of_marking_health_data_gives_the_same_findings(data: dict[str, Any]) -> None:
    results = [_seen(_validate(_with_marking(data, marking))) for marking in HEALTH]
    assert all(result == results[0] for result in results), "a marking changed the findings"


@given(scenarios())
def test_every_way_of_marking_criminal_data_gives_the_same_findings(data: dict[str, Any]) -> None:
    results = [_seen(_validate(_with_marking(data, marking))) for marking in CRIMINAL]
    assert all(result == results[0] for result in results), "a marking changed the findings"


def test_the_markings_are_not_ignored() -> None:
    # The properties above would hold if no marking were read at all: each one must change the findings.
    base = {
        "organisation": {"name": "Praktijk BV", "country": "NL"},
        "data_categories": [{"id": "contact", "name": "Contact"}, {"id": "marked", "name": "M"}],
        "activities": [{"id": "care", "name": "Care", "data_categories": ["marked"], "large_scale": True}],
    }
    plain = {d.code for d in _validate(base)}
    for marking in (*HEALTH, *CRIMINAL):
        marked = {d.code for d in _validate(_with_marking(base, marking))}
        assert "DPIA-001" in marked - plain, marking


# --- the three cases of issue 9, section 1 ---------------------------------------------------------------


def _codes(data: dict[str, Any]) -> set[str]:
    return {d.code for d in _validate(data)}


def test_a_health_category_marked_only_by_its_dpv_iri_gets_spc_001() -> None:
    data = {
        "organisation": {"name": "Praktijk BV", "country": "NL"},
        "data_categories": [{"id": "file", "name": "Patient file", "dpv": "pd:HealthRecord"}],
        "activities": [{"id": "care", "name": "Care", "data_categories": ["file"]}],
    }
    assert "SPC-001" in _codes(data)


def test_large_scale_health_data_needs_a_dpia_whatever_the_screening_says() -> None:
    data = {
        "organisation": {"name": "Ziekenhuis", "country": "NL", "dpo": {"contact": {"email": "fg@z.nl"}}},
        "data_categories": [{"id": "file", "name": "Patient file", "dpv": "pd:Health"}],
        "activities": [
            {
                "id": "care",
                "name": "Care",
                "data_categories": ["file"],
                "large_scale": True,
                "core_activity": True,
                "art9": [{"condition": "9-2-h", "law": "Art. 30(3) UAVG"}],
                "dpia": {"required": False, "screening": "Not required"},
            }
        ],
    }
    assert "DPIA-001" in _codes(data)


def test_the_dpo_finding_does_not_depend_on_the_art9_entry() -> None:
    activity = {
        "id": "care",
        "name": "Care",
        "data_categories": ["file"],
        "large_scale": True,
        "core_activity": True,
        "art9": [{"condition": "9-2-h", "law": "Art. 30(3) UAVG"}],
    }
    data = {
        "organisation": {"name": "Kliniek BV", "country": "NL"},
        "data_categories": [
            {"id": "file", "name": "Patient file", "dpv": "https://w3id.org/dpv/pd#HealthRecord"}
        ],
        "activities": [activity],
    }
    without_art9 = {**data, "activities": [{k: v for k, v in activity.items() if k != "art9"}]}
    assert "ORG-004" in _codes(data)
    assert "ORG-004" in _codes(without_art9)


# --- the processor's record and the Law Enforcement Directive ----------------------------------------------

KITCHEN_SINK: dict[str, Any] = {
    "id": "everything",
    "name": "An activity that leaves everything out",
    "data_categories": ["health", "crime", "bsn"],
    "data_subjects": ["kids"],
    "purposes": [
        {"description": "Marketing", "kind": "marketing"},
        {"description": "Tracking", "kind": "analytics", "lawful_basis": "6-1-f"},
        {"description": "Consent", "lawful_basis": "6-1-a"},
        {"description": "Law", "lawful_basis": "6-1-c"},
    ],
    "art9": [{"condition": "9-2-b"}, {"condition": "9-2-b"}],
    "retention": [{"kind": "until-event", "anchor": "account-closure"}, {"description": "indefinitely"}],
    "cookies": ["tracking"],
    "large_scale": True,
    "automated_decisions": {"exists": True, "effect": "legal"},
    "sources": [{"kind": "third-party"}],
    "transfers": [{"country": "US", "mechanism": "scc", "scc_module": 1}],
    "exemption_claimed": True,
    "specific_measures": [{"description": "We take appropriate measures.", "kind": "organisational"}],
}


def _sink(**changes: Any) -> dict[str, Any]:
    return {
        "organisation": {"name": "Example BV", "country": "NL"},
        "data_subjects": [{"id": "kids", "name": "Kids", "vulnerable": "child"}],
        "data_categories": [
            {"id": "health", "name": "Health", "dpv": "pd:Health"},
            {"id": "crime", "name": "Crime", "criminal": True},
            {"id": "bsn", "name": "BSN", "national_id": True},
        ],
        "activities": [{**KITCHEN_SINK, **changes}],
    }


def _on_the_activity(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.location.entity == "activity everything"]


def test_controller_only_rules_never_fire_on_the_processor_record() -> None:
    as_controller = {d.code for d in _on_the_activity(_validate(_sink()))}
    as_processor = _on_the_activity(_validate(_sink(role="processor", on_behalf_of="Client BV")))
    controller_only = {code for code in as_controller if not RULES[code].processor_record}
    # the activity does trigger the controller's rules
    assert {
        "LAW-001",
        "LAW-003",
        "SPC-003",
        "SPC-005",
        "RET-002",
        "RET-005",
        "DPIA-001",
        "NL-001",
    } <= controller_only
    assert as_processor, "the processor-record rules still check the entry"
    assert all(RULES[d.code].processor_record for d in as_processor), [d.code for d in as_processor]


def test_gdpr_only_rules_never_fire_on_led_processing_and_the_others_cite_the_directive() -> None:
    as_gdpr = {d.code for d in _on_the_activity(_validate(_sink()))}
    as_led = _on_the_activity(_validate(_sink(regime="led")))
    gdpr_only = {code for code in as_gdpr if RULES[code].led is None}
    assert {"LAW-001", "SPC-003", "SPC-005", "NL-001", "NL-005", "DPIA-001", "TRF-007"} <= gdpr_only
    assert as_led
    for diagnostic in as_led:
        rule = RULES[diagnostic.code]
        assert rule.led is not None, diagnostic.code
        assert diagnostic.legal_refs == rule.led
        assert all(
            ref.instrument == "Directive (EU) 2016/680" or ref.instrument == "GDPR" for ref in rule.led
        )


def test_led_processing_makes_a_dpo_mandatory_and_has_no_exemption() -> None:
    data = _sink(regime="led")
    report = _validate(data)
    (dpo,) = [d for d in report if d.code == "ORG-004"]
    assert "Law Enforcement Directive" in dpo.message
    assert "Art. 32(1) Directive (EU) 2016/680" in [str(r) for r in dpo.legal_refs]
    (exemption,) = [d for d in report if d.code == "EXM-001"]
    assert "Law Enforcement Directive" in exemption.message


@pytest.mark.parametrize("regime", [None, "gdpr"])
def test_gdpr_is_the_default_regime(regime: str | None) -> None:
    changes = {} if regime is None else {"regime": regime}
    assert {d.code for d in _validate(_sink(**changes))} == {d.code for d in _validate(_sink())}
