"""Building a model with bad values raises ``ropa.ModelError``, with the diagnostics the loader gives the
same data in a file: one error type for callers, the same codes, messages and hints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

import ropa
from ropa.models import Activity, Party, Register

BAD_ACTIVITIES: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"id": "a b", "name": "A"}, [("STR-005", "/id")]),
    ({"id": "a", "name": "A", "colour": "red"}, [("STR-002", "/colour")]),
    ({"id": "a"}, [("STR-004", "/name")]),
    ({"id": "a", "name": ["A"]}, [("STR-003", "/name")]),
    ({"id": "a", "name": "A", "status": "sleeping"}, [("STR-005", "/status")]),
    ({"id": "a", "name": "A", "transfers": [{"country": "USA"}]}, [("STR-005", "/transfers/0/country")]),
    ({"id": "a", "name": "A", "last_reviewed": "2024-02-30"}, [("STR-005", "/last_reviewed")]),
    ({"id": "a", "name": "A", "notes": "x" * 100_001}, [("STR-005", "/notes")]),
    (
        {"id": "a", "name": "A", "purposes": [{"description": "d", "lawful_basis": "6-1-z"}, {"basis": 1}]},
        [
            ("STR-005", "/purposes/0/lawful_basis"),
            ("STR-004", "/purposes/1/description"),
            ("STR-002", "/purposes/1/basis"),
        ],
    ),
]


def _key(diagnostic: ropa.Diagnostic, prefix: str = "") -> tuple[str, str, str, str | None, str | None]:
    loc = diagnostic.location
    assert loc.pointer.startswith(prefix)
    return (diagnostic.code, loc.pointer[len(prefix) :], diagnostic.message, diagnostic.hint, loc.entity)


@pytest.mark.parametrize(("data", "expected"), BAD_ACTIVITIES)
def test_a_bad_activity_raises_the_loaders_diagnostics(
    data: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ropa.ModelError) as info:
        Activity(**data)
    error = info.value
    assert [(d.code, d.location.pointer) for d in error.diagnostics] == expected
    assert all(d.location.file is None and d.location.span is None for d in error.diagnostics)
    assert isinstance(error, ropa.RegisterError)
    assert isinstance(error, ValueError)
    assert isinstance(error.__cause__, ValidationError)
    # the loader says the same of the same data in a file
    loaded = ropa.loads(json.dumps({"activities": [data]}), "activities.json")
    assert [_key(d, "/activities/0") for d in loaded.diagnostics] == [_key(d) for d in error.diagnostics]


def test_a_bad_register_names_the_entity_as_the_loader_does() -> None:
    data = {
        "register": {"title": "T", "colour": "red"},
        "parties": [{"id": "p", "name": "P", "country": "UK"}],
        "activities": [{"id": "ok", "name": "OK"}, "not a mapping"],
    }
    with pytest.raises(ropa.ModelError) as info:
        Register(**data)
    found = [(d.code, d.location.pointer, d.location.entity) for d in info.value.diagnostics]
    assert found == [
        ("STR-002", "/register/colour", "register"),
        ("STR-005", "/parties/0/country", "party p"),
        ("STR-003", "/activities/1", "the register"),
    ]
    message = str(info.value)
    assert message.startswith("<register>/register/colour STR-002 error unknown field 'colour' in register")
    assert message.endswith("(and 2 more)")


def test_one_error_type_for_every_way_of_building() -> None:
    party = Party(id="p", name="P")
    for build in (
        lambda: Party(id="p", name="P", country="nl"),
        lambda: party.model_copy(update={"country": "nl"}),
        lambda: Register().add(party).model_copy(update={"parties": [{"id": "q"}]}),
    ):
        with pytest.raises(ropa.ModelError) as info:
            build()
        assert {d.code for d in info.value.diagnostics} <= {"STR-004", "STR-005"}
    # pydantic's own class methods keep pydantic's error (for pydantic tools); ropa.load_data reports
    with pytest.raises(ValidationError):
        Party.model_validate({"id": "p", "name": "P", "country": "nl"})
    result = ropa.load_data({"parties": [{"id": "p", "name": "P", "country": "nl"}]})
    assert [(d.code, d.location.pointer) for d in result.diagnostics] == [("STR-005", "/parties/0/country")]
    assert result.register.parties == ()


def test_nested_models_are_validated_without_the_wrapper() -> None:
    # pydantic calls a model's own __init__ for nested models when the class overrides it; ropa's does not
    assert Activity.__pydantic_custom_init__ is False
    register = Register(activities=[{"id": "a", "name": "A", "purposes": [{"description": "p"}]}])
    assert register.activities is not None
    assert register.activities[0].purposes == (ropa.models.Purpose(description="p"),)
