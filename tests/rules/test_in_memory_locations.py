"""Findings on a register built in memory: no file and no line, but the entity and the JSON Pointer of the
finding in the register, as :func:`ropa.export_json` writes it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings

import ropa
from ropa.models import Activity, Purpose, Register
from tests import strategies

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)
NOUNS = {
    "activities": "activity",
    "parties": "party",
    "data_categories": "data category",
    "data_subjects": "data-subject category",
    "security_measures": "security measure",
    "processor_activities": "processor activity",
}


def _resolve(document: Any, pointer: str) -> tuple[str, Any]:
    """The longest prefix of ``pointer`` that exists in ``document``, and what it points at."""
    value, found = document, ""
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            break
        found += "/" + token
    return found, value


def _check_locations(register: Register, report: ropa.Report) -> int:
    document = json.loads(ropa.export_json(register))
    checked = 0
    for diagnostic in report:
        loc = diagnostic.location
        assert loc.file is None
        assert loc.span is None
        if loc.entity is None or loc.entity in ("organisation", "register"):
            continue
        kind, _, index = loc.pointer[1:].partition("/")
        noun = NOUNS[kind]
        found, _ = _resolve(document, loc.pointer)
        entity = document[kind][int(index.split("/")[0])]
        assert found.startswith(f"/{kind}/{index.split('/')[0]}"), (diagnostic.code, loc.pointer)
        assert loc.entity == f"{noun} {entity['id']}", (diagnostic.code, loc.pointer, loc.entity)
        checked += 1
    return checked


def test_a_register_built_in_code_gets_pointers_and_entities() -> None:
    register = Register(
        activities=[
            Activity(id="orders", name="Orders"),
            Activity(
                id="newsletter",
                name="Newsletter",
                purposes=[Purpose(description="Send the newsletter", lawful_basis="6-1-a")],
            ),
        ]
    )
    report = ropa.validate(register, today=TODAY)
    law006 = next(d for d in report if d.code == "LAW-006")
    assert (law006.location.file, law006.location.pointer, law006.location.entity) == (
        None,
        "/activities/1/purposes/0/lawful_basis",
        "activity newsletter",
    )
    assert str(law006).startswith("<register>/activities/1/purposes/0/lawful_basis LAW-006 error ")
    assert _check_locations(register, report) > 5


@settings(max_examples=30, deadline=None)
@given(strategies.full_registers())
def test_every_finding_on_a_generated_register_points_into_it(register: Register) -> None:
    _check_locations(register, ropa.validate(register, today=TODAY))


def test_an_entity_added_to_a_loaded_register_is_located_in_the_register() -> None:
    loaded = ropa.load(REPO / "registers" / "miki4all")
    added = loaded.register.add(Activity(id="nieuw", name="Nieuwe verwerking"))
    report = ropa.validate(added, today=TODAY)
    new = [d for d in report if d.location.entity == "activity nieuw"]
    index = len(added.activities or ()) - 1
    assert new
    assert {(d.location.file, d.location.pointer.split("/")[2]) for d in new} == {(None, str(index))}
    old = [d for d in report if d.location.entity == "activity webwinkel-bestellingen"]
    assert old
    assert {d.location.file for d in old} == {"activities/webwinkel-bestellingen.yaml"}
