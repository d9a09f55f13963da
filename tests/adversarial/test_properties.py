"""Properties: no input makes the loader raise. Arbitrary bytes, arbitrary text and YAML-shaped noise
give a register and diagnostics, never an exception; every diagnostic names its file and a line; the
source index and the decoder never raise either; and the rules run on whatever loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import ropa
from ropa.loading._yaml import decode, parse, position_index
from ropa.loading.codes import STRUCTURAL

from ..strategies import register_data

TODAY = dt.date(2026, 6, 1)


def _lines(text: str) -> int:
    """Lines as an editor counts them (LF, CRLF or CR; not NEL, LS or PS)."""
    return len(re.findall(r"\r\n|\r|\n", text)) + 1


def _check(result: ropa.LoadResult, text: str | None = None) -> None:
    for d in result.diagnostics:
        assert d.code in STRUCTURAL, d
        assert d.location.file == "fuzz.yaml", d
        assert d.location.line >= 1, d
        if text is not None:
            assert d.location.line <= _lines(text) + 1, (d, text)  # + 1: the end of the file
        assert d.location.column >= 1, d
        assert d.message, d
        assert d.hint, d


# YAML-shaped noise: the tokens register files are made of, in any order.
_KEYS = [
    "organisation",
    "register",
    "activities",
    "activity",
    "parties",
    "data_categories",
    "id",
    "name",
    "purposes",
    "lawful_basis",
    "retention",
    "duration",
    "country",
    "recipients",
    "transfers",
    "sub_processors",
    "<<",
    "? ",
    "suppress",
    "unmapped",
]
_VALUES = [
    "6-1-b",
    "P7Y",
    "NL",
    "NO",
    "2024-02-30",
    "true",
    "~",
    "12",
    "1e400",
    "0x1F",
    "-.inf",
    "&a",
    "*a",
    "!!str",
    "!!python/object/apply:os.getcwd []",
    "!x",
    "|",
    ">-",
    "'q''uote'",
    '"\\u2028\\x85"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "- ",
    ": ",
    "#",
    "---",
    "...",
    "\t",
    "\ufeff",
    "%YAML 1.2",
    "\r\n",
]
_token = st.one_of(
    st.sampled_from(_KEYS).map(lambda k: f"{k}: "),
    st.sampled_from(_VALUES),
    st.text(max_size=8),
    st.integers(0, 12).map(lambda n: "\n" + " " * n),
)
yaml_noise = st.lists(_token, max_size=60).map("".join)


@given(st.binary(max_size=2000))
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf\x00")
@example(b"a: !!int " + b"9" * 5000)
@example(b"\xef\xbb\xbf\xef\xbb\xbf")
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _check(ropa.loads(data, name="fuzz.yaml"))


@given(st.text(max_size=2000))
@example("\ud800")
@example("a:\n\t- b")
@example("a: b\u2028c: d")
@example("a: 'x\u2028\u2028\u2029y'\nb: 1\n")  # three separators: line 5 before the fix
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(ropa.loads(text, name="fuzz.yaml"), text.lstrip("\ufeff"))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(yaml_noise)
@example("activities:\n  - <<: *a\n")
@example("parties: [{id: a, sub_processors: [a]}]")
def test_yaml_shaped_noise_never_raises_and_the_rules_run(text: str) -> None:
    result = ropa.loads(text, name="fuzz.yaml")
    _check(result, text.lstrip("\ufeff"))
    report = ropa.validate(result, today=TODAY)
    assert all(d.code for d in report)


@given(st.text(max_size=2000))
@example("a: &a [*a]")
@example("? [a]\n: b")
def test_position_index_never_raises(text: str) -> None:
    index = position_index(text)
    for pointer, (line, column) in index.items():
        assert pointer == "" or pointer.startswith("/")
        assert 1 <= line <= _lines(text) + 1
        assert column >= 1


@given(yaml_noise)
def test_position_index_knows_every_pointer_of_parsed_data(text: str) -> None:
    """Every mapping key and list item of the parsed data has a position (so diagnostics get lines)."""
    data, problems = parse(text)
    if problems or data is None:
        return
    index = position_index(text)

    def pointers(value: Any, pointer: str, depth: int) -> list[str]:
        out = [pointer]
        if depth > 8:
            return out
        if isinstance(value, dict):
            for key, child in value.items():
                out += pointers(child, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}", depth + 1)
        elif isinstance(value, list):
            for i, child in enumerate(value):
                out += pointers(child, f"{pointer}/{i}", depth + 1)
        return out

    for pointer in pointers(data, "", 0):
        probe = pointer
        while probe not in index:  # an alias's content is indexed once, under its anchor
            assert probe, (pointer, text)
            probe = probe.rsplit("/", 1)[0]


@given(st.binary(max_size=500))
def test_decode_returns_text_or_a_located_problem(data: bytes) -> None:
    text, problem = decode(data)
    assert (text is None) != (problem is None)
    if problem is not None:
        assert problem.code == "SYN-006"
        assert problem.line >= 1
        assert problem.column >= 1


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)
@given(register_data(), st.data())
def test_damaged_valid_registers_never_raise(document: dict[str, Any], data: st.DataObject) -> None:
    """A valid register, written out, with a few bytes overwritten, cut or doubled."""
    raw = bytearray(yaml.safe_dump(json.loads(json.dumps(document)), allow_unicode=True).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        if not raw:
            break
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "double", "byte"]))
        if action == "flip":
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "cut":
            del raw[at:]
        elif action == "double":
            raw[at:at] = raw[at : at + data.draw(st.integers(1, 40))]
        else:
            raw[at] = data.draw(st.sampled_from(list(b"\x00\t\n:-[]{}&*!|>'\"#%@")))
    result = ropa.loads(bytes(raw), name="fuzz.yaml")
    _check(result)
    ropa.validate(result, today=TODAY)
