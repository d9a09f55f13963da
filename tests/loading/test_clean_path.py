"""The fast clean path of the YAML reader (yaml-rs) gives exactly what the careful path gives.

ropa parses with a Rust YAML 1.2 parser when a screen of the text and a check of the result show that the
careful path (libyaml + ropa's builder) would build the same data with nothing to report; everything else
goes to the careful path. These tests compare the two on tricky fragments, on generated texts and on the
committed registers and fuzz corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ropa.loading import _yaml
from tests.strategies import register_data, yaml_texts

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not _yaml.HAVE_YAML_RS, reason="yaml-rs is not installed")

CASES = {
    "norway": "a: NO\nb: yes\nc: on\nd: off\n",
    "phone": "a: 0612345678\nb: 5\n",
    "phone-crlf": "a: 0612\r\nb: 2\r\n",
    "json-like": '{"a":0612, "b": 1}',
    "flow": "[0612, 1]",
    "comment": "a: 0612 # x\nb: 1\n",
    "hex": "a: 0X1f\nb: 1\n",
    "octal": "a: 0o17\nb: 1\n",
    "plus": "a: +1\nb: 2\n",
    "minus-zero": "a: -0\nb: 1\n",
    "underscore": "a: 1_000\nb: 1\n",
    "long-int": "a: 1000000000000000000\n",
    "floats": "a: 1.10\nb: 1e3\nc: .5\nd: 1.5\n",
    "date": "a: 2024-01-31\nb: 2024-01-31T10:00:00Z\n",
    "duplicate": "a: 1\na: 2\n",
    "python-tag": "a: !!python/object/apply:os.system ['echo hi']\n",
    "custom-tag": "a: !foo bar\n",
    "str-tag": "a: !!str 12\n",
    "merge": "b: &x {c: 1}\na:\n  <<: *x\n",
    "alias": "b: &x [1, 2]\na: *x\n",
    "int-key": "1: a\n",
    "bool-key": "true: a\n",
    "nulls": "a: ~\nb: null\nc:\nd: Null\n",
    "nel": "a: x\x85y\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "control": "a: x\x01y\n",
    "tab": "a:\tb\n",
    "lone-cr": "a: b\rc: d\r",
    "deep-flow": "a: " + "[" * 80 + "]" * 80 + "\n",
    "deep-block": "".join("  " * i + "k:\n" for i in range(70)) + "  " * 70 + "v\n",
    "compact": "- " * 40 + "x\n",
    "escapes": 'a: "x\\N\\_y\\L"\n',
    "folded": "a: >\n  x\n\n  y\nb: |-\n  z\n",
    "literal-at-the-end": "a: |\n  lit- x- x",  # no final line break: libyaml keeps none, yaml-rs adds one
    "folded-at-the-end": "a: >\n  x",
    "empty": "",
    "comment-only": "# nothing\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_tricky_fragments_agree(name: str) -> None:
    text = CASES[name]
    assert _yaml.parse(text) == _yaml._careful_parse(text)


def test_clean_registers_take_the_fast_path() -> None:
    """The committed register has nothing to report, so none of its files needs the careful path."""
    for path in sorted((ROOT / "registers" / "miki4all").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert _yaml._clean_parse(text) is not _yaml._UNSURE, path
        assert _yaml.parse(text) == _yaml._careful_parse(text)


def test_fuzz_corpus_agrees() -> None:
    for path in sorted((ROOT / "tests" / "fuzz" / "corpus").glob("*.yaml")):
        text = path.read_bytes().decode("utf-8", "replace")
        assert _yaml.parse(text) == _yaml._careful_parse(text), path


@given(yaml_texts())
def test_generated_texts_agree(text: str) -> None:
    assert _yaml.parse(text) == _yaml._careful_parse(text)


@given(register_data(), st.sampled_from([False, True]))
def test_dumped_registers_agree(data: dict[str, object], flow: bool) -> None:
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    assert _yaml.parse(text) == _yaml._careful_parse(text)


def test_deep_nesting_never_reaches_the_rust_parser() -> None:
    """yaml-rs recurses once per level (a crash at about 20,000 levels) and takes quadratic time and memory
    to report too deep a flow nesting; the screen sends such texts to libyaml, which refuses them."""
    for text in ("- " * 50_000 + "x\n", "[" * 50_000 + "]" * 50_000, "{a: " * 20_000 + "1" + "}" * 20_000):
        assert not _yaml._screened(text)
        _, problems = _yaml.parse(text)
        assert [p.code for p in problems] == ["SYN-007"]


def test_report_is_identical_without_the_rust_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same findings at the same lines and columns, whichever path parsed the files."""
    import datetime as dt

    import ropa

    path = ROOT / "registers" / "miki4all"
    fast = ropa.validate(path, today=dt.date(2026, 12, 1))
    monkeypatch.setattr(_yaml, "HAVE_YAML_RS", False)
    careful = ropa.validate(path, today=dt.date(2026, 12, 1))
    assert len(fast) > 0
    assert fast == careful
