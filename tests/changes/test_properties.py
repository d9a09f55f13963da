"""Properties of ropa.diff: a register against itself is empty, however its files are laid out; swapping
the two versions swaps added and removed; every output renders and the JSON follows its schema."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import ropa
from ropa.changes import render_diff
from ropa.export.yaml import register_to_yaml, register_yaml_files
from ropa.loading.loader import load_files
from ropa.models import Register
from tests.strategies import register_data

TODAY = dt.date(2026, 12, 3)
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schemas" / "diff.schema.json").read_text(encoding="utf-8")
)
_INDEX = re.compile(r"/\d+(?=/|$)")


def _field_changes(d: ropa.Diff) -> Counter[tuple[Any, ...]]:
    """Field changes as (kind, id, op, path without list indexes, before, after)."""
    out: Counter[tuple[Any, ...]] = Counter()
    for e in d.entities:
        for c in e.changes:
            out[
                (e.kind, e.id, c.op, _INDEX.sub("/#", c.path), json.dumps(c.before), json.dumps(c.after))
            ] += 1
    return out


def _swapped(counter: Counter[tuple[Any, ...]]) -> Counter[tuple[Any, ...]]:
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    return Counter(
        {(k, i, flip[op], p, after, before): n for (k, i, op, p, before, after), n in counter.items()}
    )


@given(register_data())
def test_a_register_against_itself_is_empty(data: dict[str, Any]) -> None:
    register = Register.model_validate(data)
    d = ropa.diff(register, register, ropa.Config(), today=TODAY)
    assert d.empty
    assert (d.entities, d.meanings, d.introduced, d.resolved) == ((), (), (), ())


@settings(max_examples=30)
@given(register_data())
def test_the_file_layout_is_no_change(data: dict[str, Any]) -> None:
    names = [a["name"] for a in data["activities"]]
    assume(len(set(names)) == len(names))  # ACT-006 reports the later of two equal names: order counts
    register = Register.model_validate(data)
    one_file = load_files({"register.yaml": register_to_yaml(register).encode("utf-8")})
    folder = load_files({name: text.encode("utf-8") for name, text in register_yaml_files(register).items()})
    assert one_file.register == register  # the folder may hold the activities in another order
    assert sorted(a.id for a in folder.register.activities or ()) == sorted(
        a.id for a in register.activities or ()
    )
    d = ropa.diff(one_file, folder, ropa.Config(), today=TODAY)
    assert d.entities == ()
    assert d.meanings == ()
    assert (d.introduced, d.resolved) == ((), ())  # findings matched although files and pointers differ


def _overlapping(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """``second`` with the ids of its activities and parties taken from ``first`` where it has as many."""
    out = dict(second)
    for kind in ("activities", "parties"):
        ours, theirs = list(first.get(kind) or []), [dict(x) for x in second.get(kind) or []]
        for index, entity in enumerate(theirs[: len(ours)]):
            entity["id"] = ours[index]["id"]
        ids = [e["id"] for e in theirs]
        out[kind] = [e for index, e in enumerate(theirs) if e["id"] not in ids[:index]]
    return out


@settings(max_examples=40)
@given(register_data(), register_data())
def test_swapping_the_versions_swaps_added_and_removed(first: dict[str, Any], second: dict[str, Any]) -> None:
    a = Register.model_validate(first)
    b = Register.model_validate(_overlapping(first, second))
    forward = ropa.diff(a, b, ropa.Config(), today=TODAY)
    backward = ropa.diff(b, a, ropa.Config(), today=TODAY)
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    assert sorted((e.kind, e.id or "", flip[e.status]) for e in forward.entities) == sorted(
        (e.kind, e.id or "", e.status) for e in backward.entities
    )
    assert _swapped(_field_changes(forward)) == _field_changes(backward)
    assert sorted(x.fingerprint for x in forward.introduced) == sorted(
        x.fingerprint for x in backward.resolved
    )
    assert sorted(x.fingerprint for x in forward.resolved) == sorted(
        x.fingerprint for x in backward.introduced
    )


@settings(max_examples=25)
@given(register_data(), register_data(), st.sampled_from(["text", "markdown"]))
def test_every_diff_renders_and_its_json_follows_the_schema(
    first: dict[str, Any], second: dict[str, Any], fmt: str
) -> None:
    d = ropa.diff(
        Register.model_validate(first), Register.model_validate(_overlapping(first, second)), today=TODAY
    )
    assert render_diff(d, fmt)
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(render_diff(d, "json")))
    assert len(d.rows()) >= len(d.entities) + len(d.introduced) + len(d.resolved)
