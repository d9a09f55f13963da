"""The JSON export is produced piece by piece, and the pieces are exactly the standard encoder's text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import ropa
from ropa.export.json import _encode, iter_register_json, register_to_json
from ropa.models import Register
from tests.strategies import registers


def _standard(register: Register) -> str:
    return json.dumps(register.dump(), ensure_ascii=False, indent=2) + "\n"


@given(registers())
def test_pieces_join_to_the_standard_text(register: Register) -> None:
    assert register_to_json(register) == _standard(register)
    assert "".join(iter_register_json(register)) == _standard(register)


def test_empty_register() -> None:
    register = Register.model_construct()
    assert register_to_json(register) == _standard(register)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(_json_values)
def test_encoder_matches_json_dumps(value: object) -> None:
    out: list[str] = []
    _encode(value, "", out)
    assert "".join(out) == json.dumps(value, ensure_ascii=False, indent=2)


def test_export_json_streams_to_the_file_and_returns_the_path(tmp_path: Path) -> None:
    result = ropa.load(Path(__file__).resolve().parents[2] / "registers" / "miki4all")
    target = tmp_path / "register.json"
    assert ropa.export_json(result, target) == target
    assert target.read_text(encoding="utf-8") == ropa.export_json(result) == _standard(result.register)
