"""Positions of findings: the batch lookup agrees with the full index for every pointer, and the line walk
of plain block-style texts agrees with libyaml wherever it answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ropa.loading._locate import _walk, block_locate, locate
from ropa.loading._yaml import _compose, _positions, decode, position_index

from ..strategies import block_yaml_texts, register_data, yaml_texts

REPO = Path(__file__).resolve().parents[2]


@given(register_data(), st.booleans())
def test_locate_agrees_with_the_full_index(data: dict[str, object], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=80)
    index = position_index(text)
    assert locate(text, list(index)) == index


def test_missing_pointer_falls_back_to_the_nearest_ancestor() -> None:
    text = "activities:\n  - id: a\n    name: A\n"
    assert locate(text, ["/activities/0/purposes/3", "/activities/7", "/nope"]) == {
        "/activities/0/purposes/3": (2, 5),
        "/activities/7": (1, 1),
        "/nope": (1, 1),
    }
    assert block_locate(text, ["/activities/0/purposes/3"]) is not None  # found by the line walk


def test_invalid_yaml_gives_no_positions() -> None:
    assert locate("a: [", ["/a"]) == {}


def _libyaml(text: str, pointers: list[str]) -> dict[str, tuple[int, int]] | None:
    """What composing the text gives (``None``: it is not YAML)."""
    try:
        root = _compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if root is None:
        return None
    at = _positions(text)
    return {pointer: _walk(root, pointer, at) for pointer in pointers}


def _pointers(text: str, extra: list[str]) -> list[str]:
    """Every pointer of the document, each also one level deeper (an item, a key, out of range)."""
    try:
        known = list(position_index(text))
    except ValueError:
        known = []
    deeper = [f"{p}/{tail}" for p in known for tail in ("0", "1", "3", "id", "name", "x")]
    return [*known, *deeper, *extra]


def _agree(text: str, extra: list[str]) -> bool:
    """The line walk gives libyaml's positions, or declines; returns whether it answered."""
    pointers = _pointers(text, extra)
    fast = block_locate(text, pointers)
    slow = _libyaml(text, pointers)
    if fast is None or slow is None:  # declined, or a text that does not parse (it has no findings)
        return fast is not None
    assert fast == slow, text
    return True


_EXTRA = st.lists(
    st.text(alphabet="/0123456789abcdéx~", max_size=12).map(lambda p: "/" + p.lstrip("/")), max_size=4
)


@settings(max_examples=400)
@given(block_yaml_texts(), _EXTRA)
def test_the_line_walk_agrees_with_libyaml_on_block_texts(text: str, extra: list[str]) -> None:
    _agree(text, extra)


@given(yaml_texts(), _EXTRA)
def test_the_line_walk_agrees_with_libyaml_on_odd_texts(text: str, extra: list[str]) -> None:
    _agree(text, extra)


@given(register_data(), st.sampled_from([1, 2, 4]), st.integers(20, 200))
def test_the_line_walk_reads_dumped_registers(data: dict[str, object], indent: int, width: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, indent=indent, width=width)
    _agree(text, [])


def _register_files() -> list[Path]:
    return sorted(
        [
            *REPO.glob("registers/**/*.yaml"),
            *REPO.glob("tests/fixtures/**/*.yaml"),
            *REPO.glob("tests/rules/**/*.yaml"),
            *REPO.glob("tests/fuzz/corpus/*"),
        ]
    )


def test_the_line_walk_agrees_on_every_yaml_file_of_the_repository() -> None:
    answered = 0
    files = _register_files()
    assert len(files) > 50
    for path in files:
        text, _ = decode(path.read_bytes())
        if text is not None:
            answered += _agree(text, ["", "/nope", "/activities/0/purposes/9"])
    assert answered > len(files) // 2  # the point of it: most files need no composing


@pytest.mark.parametrize(
    ("text", "pointer", "position"),
    [
        ("a:\n- x\n- y\nb: 1\n", "/a/1", (3, 3)),  # a compact sequence
        ("- id: x\n  tags: [p, q]\n", "/0/tags/1", (2, 13)),  # a flow sequence on one line
        ("a: |\n  b: 1\nc: 2\n", "/a/b", (1, 1)),  # no key inside a block text
        ("a:\n  -\n    k: v\n", "/a/0/k", (3, 5)),  # an item whose mapping starts below the dash
        ("a: [é, x]\r\nb: 1\r\n", "/a/1", (1, 8)),  # columns count characters; CRLF
    ],
)
def test_the_line_walk_answers(text: str, pointer: str, position: tuple[int, int]) -> None:
    assert block_locate(text, [pointer]) == {pointer: position} == _libyaml(text, [pointer])


@pytest.mark.parametrize(
    "text",
    [
        'a: "one\nb: two"\n',  # a quoted text over two lines: "b" is no key
        "a: [x,\n  y]\n",  # a flow sequence over two lines
        "a: &x\n  k: 1\nb: *x\n",  # anchors and aliases
        "- é: 1\n  k: [x]\n",  # a key the walk does not read, on the item's line
        "a:\tb\n",  # a tab
        "--- \na: 1\n",  # a document marker
    ],
)
def test_the_line_walk_declines_what_it_cannot_be_sure_of(text: str) -> None:
    pointers = ["/a/0", "/b", "/0/k/0", "/a"]
    assert block_locate(text, pointers) is None
    assert locate(text, pointers) == (_libyaml(text, pointers) or {})
