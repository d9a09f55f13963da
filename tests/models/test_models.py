"""Models: not stated vs none, stable codes, DPV IRIs, custom types."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import ropa
from ropa.errors import ModelError
from ropa.models import DPV_IRIS, Activity, Organisation, Party, Recipient, Register, is_iso_duration
from ropa.models.vocab import LawfulBasis, PartyRole, Regime, SpecialCondition, TransferMechanism


def test_not_stated_differs_from_none() -> None:
    unstated = Activity(id="a", name="A")
    none = Activity(id="a", name="A", recipients=[], transfers=[])
    assert unstated.recipients is None
    assert none.recipients == ()
    assert unstated != none
    assert "recipients" not in unstated.dump()
    assert none.dump()["recipients"] == []


def test_incomplete_register_loads() -> None:
    register = Register.model_validate({"activities": [{"id": "x", "name": "X"}]})
    assert register.activities is not None
    assert register.activities[0].purposes is None


def test_bare_recipient_ids_become_recipient_objects() -> None:
    activity = Activity.model_validate(
        {"id": "a", "name": "A", "recipients": ["mollie", {"party": "postnl"}]}
    )
    assert [r.party for r in activity.recipients or []] == ["mollie", "postnl"]


@pytest.mark.parametrize("bad", ["UK", "EL", "nl", "XX", "NLD", ""])
def test_country_codes_are_iso_alpha2(bad: str) -> None:
    with pytest.raises(ModelError) as info:
        Party(id="p", name="P", country=bad)
    (diagnostic,) = info.value.diagnostics
    assert (diagnostic.code, diagnostic.location.pointer, diagnostic.location.entity) == (
        "STR-005",
        "/country",
        "party p",
    )
    cause = info.value.__cause__
    assert isinstance(cause, ValidationError)
    assert cause.errors()[0]["type"] in ("ropa_country_code", "string_pattern_mismatch")


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Organisation.model_validate({"name": "X", "emploees": 3})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_every_code_has_a_dpv_iri() -> None:
    for enum in (LawfulBasis, SpecialCondition, TransferMechanism):
        for member in enum:
            assert DPV_IRIS[member].startswith("https://w3id.org/dpv")
    assert DPV_IRIS[LawfulBasis.CONTRACT] == "https://w3id.org/dpv/legal/eu/gdpr#A6-1-b"
    assert DPV_IRIS[TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS].endswith("#A49-2")


@pytest.mark.parametrize("value", ["P7Y", "P1M", "P30D", "P2W", "PT12H", "P1Y2M3DT4H5M6S", "PT0.5S"])
def test_iso_durations_accepted(value: str) -> None:
    assert is_iso_duration(value)


@pytest.mark.parametrize("value", ["P7", "7Y", "P", "PT", "P1.5Y", "7 years", "p7y", "P-1Y"])
def test_iso_durations_rejected(value: str) -> None:
    assert not is_iso_duration(value)


def test_durations_are_kept_as_text_not_timedelta() -> None:
    activity = Activity.model_validate({"id": "a", "name": "A", "retention": [{"duration": "P7Y"}]})
    assert activity.retention is not None
    assert activity.retention[0].duration == "P7Y"


def test_numbers_may_stand_for_text() -> None:
    org = Organisation.model_validate({"name": "X", "registration_number": 12345678})
    assert org.registration_number == "12345678"


def test_a_recipient_is_a_party_or_a_category_of_recipients() -> None:
    activity = Activity.model_validate(
        {
            "id": "a",
            "name": "A",
            "recipients": [
                "mollie",
                {"category": "Debt-collection agencies", "role": "controller", "country": "NL"},
            ],
        }
    )
    party, category = activity.recipients or []
    assert (party.party, party.category) == ("mollie", None)
    assert (category.party, category.category, category.role, category.country) == (
        None,
        "Debt-collection agencies",
        PartyRole.CONTROLLER,
        "NL",
    )
    assert Activity.model_validate(activity.dump()) == activity


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ({"party": "x", "category": "Banks"}, "ropa_recipient_kind"),
        ({"purpose": "Payments"}, "ropa_recipient_kind"),
        ({"party": "x", "role": "processor"}, "ropa_recipient_party_fields"),
        ({"party": "x", "country": "US"}, "ropa_recipient_party_fields"),
    ],
)
def test_a_recipient_names_exactly_one_of_party_and_category(entry: dict[str, str], kind: str) -> None:
    with pytest.raises(ValidationError) as info:
        Recipient.model_validate(entry)
    assert [e["type"] for e in info.value.errors()] == [kind]


def test_a_broken_recipient_is_a_located_structural_error() -> None:
    text = "activities:\n  - id: a\n    name: A\n    recipients:\n      - {party: x, category: Banks}\n"
    diagnostics = [d for d in ropa.loads(text).diagnostics if d.code.startswith("STR-")]
    assert [(d.code, d.location.pointer, d.location.line) for d in diagnostics] == [
        ("STR-005", "/activities/0/recipients/0", 5)
    ]
    assert "exactly one of the two" in diagnostics[0].message


def test_new_optional_fields_round_trip_and_stay_absent_when_not_stated() -> None:
    data = {
        "id": "a",
        "name": "A",
        "regime": "led",
        "authority_disclosures": [
            {"authority": "Belastingdienst", "party": "tax", "law": "Art. 47 AWR", "description": "Audits"}
        ],
    }
    activity = Activity.model_validate(data)
    assert activity.regime is Regime.LED
    assert activity.dump() == {**data, "role": "controller"}
    assert "regime" not in Activity(id="b", name="B").dump()
    party = Party.model_validate({"id": "p", "name": "P", "role": "processor", "own_purposes": "Analytics"})
    assert Party.model_validate(party.dump()) == party
    with pytest.raises(ValidationError):
        Activity.model_validate({"id": "a", "name": "A", "authority_disclosures": [{"law": "Sv"}]})
