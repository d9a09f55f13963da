"""Round trips: register -> JSON -> register and register -> YAML -> register compare whole objects."""

from __future__ import annotations

import json

import yaml
from hypothesis import given

import ropa
from ropa.export.json import register_to_json
from ropa.models import Register

from ..strategies import register_data, registers


@given(registers())
def test_json_round_trip_is_lossless(register: Register) -> None:
    text = register_to_json(register)
    assert Register.model_validate_json(text) == register
    # and through the loader: JSON is YAML, so a JSON export is itself a register file
    result = ropa.loads(text, "register.json")
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    assert result.register == register


@given(register_data())
def test_plain_data_through_yaml_text_loads_equal(data: dict[str, object]) -> None:
    register = Register.model_validate(data)
    text = yaml.safe_dump(register.dump(), allow_unicode=True, sort_keys=False, width=10_000)
    result = ropa.loads(text)
    assert [str(d) for d in result.diagnostics] == []
    assert result.register == register


def test_json_export_is_stable_and_ordered() -> None:
    register = ropa.load("registers/miki4all").register
    first = register_to_json(register)
    assert first == register_to_json(Register.model_validate_json(first))
    assert list(json.loads(first)) == [
        "register",
        "organisation",
        "security_measures",
        "data_subjects",
        "data_categories",
        "parties",
        "activities",
    ]
