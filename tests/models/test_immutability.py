"""Registers cannot be changed in place: collections are tuples, mappings are FrozenDicts, fields are
frozen; edits make new registers (``model_copy(update=...)`` and the ``Register`` helpers)."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

import ropa
from ropa.models import Activity, FrozenDict, Organisation, Party, Purpose, Register, RegisterMeta
from tests import strategies

REPO = Path(__file__).resolve().parents[2]


def _loaded() -> Register:
    return ropa.load(REPO / "registers" / "miki4all").register


def _edits(register: Register) -> list[tuple[str, Callable[[], Any]]]:
    activities: Any = register.activities
    activity: Any = activities[0]
    purposes: Any = activity.purposes
    unmapped: Any = FrozenDict({"Kleur": "rood"})
    return [
        ("append an activity", lambda: activities.append(activity)),
        ("replace an activity in place", lambda: activities.__setitem__(0, activity)),
        ("delete an activity", lambda: activities.__delitem__(0)),
        ("sort the activities", lambda: activities.sort()),
        ("append a purpose", lambda: purposes.append(purposes[0])),
        ("set a field", lambda: setattr(activity, "name", "other")),
        ("set a register field", lambda: setattr(register, "activities", ())),
        ("set an unmapped column", lambda: unmapped.__setitem__("Kleur", "blauw")),
        ("update the unmapped columns", lambda: unmapped.update(Vorm="rond")),
        ("pop an unmapped column", lambda: unmapped.pop("Kleur")),
        ("clear the unmapped columns", lambda: unmapped.clear()),
    ]


@pytest.mark.parametrize("index", range(11))
def test_a_loaded_register_cannot_be_changed_in_place(index: int) -> None:
    register = _loaded()
    before = ropa.export_json(register)
    what, edit = _edits(register)[index]
    with pytest.raises((AttributeError, TypeError, ValidationError)):
        edit()
    assert ropa.export_json(register) == before, what


def test_collections_are_tuples_and_mappings_frozen() -> None:
    activity = Activity(id="a", name="A", purposes=[Purpose(description="p")], unmapped={"Kleur": "rood"})
    assert isinstance(activity.purposes, tuple)
    assert isinstance(activity.unmapped, FrozenDict)
    assert isinstance(activity.unmapped, dict)  # read like a dict: json, templates
    assert json.dumps(activity.unmapped) == '{"Kleur": "rood"}'
    assert activity.unmapped == {"Kleur": "rood"}
    register = Register(activities=[activity])
    assert isinstance(register.activities, tuple)
    assert hash(register) == hash(Register(activities=(activity,)))
    assert pickle.loads(pickle.dumps(register)) == register  # noqa: S301 - our own bytes
    assert copy.deepcopy(register) == register


@settings(max_examples=20, deadline=None)
@given(strategies.full_registers())
def test_every_collection_of_any_register_is_immutable(register: Register) -> None:
    def walk(value: Any) -> None:
        assert not isinstance(value, list | set), f"mutable {type(value).__name__}: {value!r}"
        if isinstance(value, dict):
            assert isinstance(value, FrozenDict), value
            for item in value.values():
                walk(item)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        elif isinstance(value, ropa.models.RopaModel):
            for item in value.__dict__.values():
                walk(item)

    walk(register)
    hash(register)  # every part is hashable


def test_model_copy_validates_the_update_and_keeps_the_origin() -> None:
    register = _loaded()
    activity = register.activities[0] if register.activities else None
    assert activity is not None
    assert activity.origin is not None
    renamed = activity.model_copy(update={"name": "Renamed", "systems": ["Shopify"]})
    assert renamed.systems == ("Shopify",)
    assert renamed.origin is activity.origin
    assert activity.name != "Renamed"
    with pytest.raises(ropa.ModelError) as info:
        activity.model_copy(update={"status": "sleeping"})
    assert [(d.code, d.location.pointer) for d in info.value.diagnostics] == [("STR-005", "/status")]
    with pytest.raises(ropa.ModelError) as info:
        activity.model_copy(update={"colour": "red"})
    assert [d.code for d in info.value.diagnostics] == ["STR-002"]


def test_the_register_helpers_make_new_registers() -> None:
    register = _loaded()
    count = len(register.activities or ())
    new = Activity(id="nieuw", name="Nieuwe verwerking")
    added = register.add(new, Party(id="nieuwe-partij", name="Nieuwe partij"))
    assert len(added.activities or ()) == count + 1
    assert (added.activities or ())[-1] == new
    assert added.get(Party, "nieuwe-partij") is not None
    assert len(register.activities or ()) == count  # the original is untouched
    assert register.get(Activity, "nieuw") is None

    old = (register.activities or ())[2]
    replaced = register.replace(old.model_copy(update={"name": "Anders"}))
    assert [a.id for a in replaced.activities or ()] == [a.id for a in register.activities or ()]
    changed = replaced.get(Activity, old.id)
    assert changed is not None
    assert changed.name == "Anders"

    removed = register.remove(Activity, old.id)
    assert old.id not in [a.id for a in removed.activities or ()]

    organisation = Organisation(name="Ander bedrijf", country="BE")
    assert register.add(organisation).organisation == organisation
    assert register.replace(organisation).organisation == organisation
    assert register.remove(RegisterMeta).meta is None
    assert Register().add(new).activities == (new,)


def test_the_register_helpers_refuse_what_would_break_the_register() -> None:
    register = _loaded()
    first = (register.activities or ())[0]
    with pytest.raises(ValueError, match=f"'activities' already has an entry with the id '{first.id}'"):
        register.add(first)
    with pytest.raises(ValueError, match="already has an entry with the id 'x'"):
        register.add(Party(id="x", name="X"), Party(id="x", name="Y"))
    with pytest.raises(KeyError, match="has no entry with the id 'nope'"):
        register.replace(Activity(id="nope", name="No"))
    with pytest.raises(KeyError, match="has no entry with the id 'nope'"):
        register.remove(Party, "nope")
    with pytest.raises(TypeError, match="Purpose is not a register kind"):
        register.add(Purpose(description="x"))  # type: ignore[arg-type]
    twice = Register(activities=[first, first])  # ACT-006 reports it; replace cannot choose
    with pytest.raises(ValueError, match="2 entries with the id"):
        twice.replace(first)
