"""A syntax error is reported where the broken construct starts, with where the parser stopped as a note."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ropa

REPO = Path(__file__).resolve().parents[2]


def _syntax(text: str) -> tuple[int, int, str, str]:
    result = ropa.loads(text, name="parties.yaml")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "SYN-001"
    return diagnostic.location.line, diagnostic.location.column, diagnostic.message, diagnostic.hint or ""


def test_an_unclosed_quote_is_reported_at_the_quote_not_after_the_end_of_the_file() -> None:
    text = 'parties:\n  - id: a\n    name: "Mollie\n    role: processor\n'
    line, column, message, hint = _syntax(text)
    assert (line, column) == (3, 11)
    assert "not closed" in message
    assert "the file ends at line 4" in message
    assert '(")' in hint


def test_an_unclosed_single_quote_names_its_quote_character() -> None:
    line, column, message, _ = _syntax("parties:\n  - id: 'a\n    name: b\n")
    assert (line, column) == (2, 9)
    assert "(')" in message


@pytest.mark.parametrize(
    ("text", "position", "bracket", "stop"),
    [
        (
            "parties:\n  - id: a\n    tags: [one, two\n    role: processor\n",
            (3, 11),
            "'['",
            "line 4, column 9",
        ),
        ("organisation: {name: X\n", (1, 15), "'{'", "line 2, column 1"),
    ],
)
def test_an_unclosed_bracket_is_reported_where_it_opens(
    text: str, position: tuple[int, int], bracket: str, stop: str
) -> None:
    line, column, message, _ = _syntax(text)
    assert (line, column) == position
    assert f"the {bracket} that opens here is not closed" in message
    assert stop in message


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("parties:\n  - id: a\n\tname: x\n", (3, 1)),
        ("activities:\n\t- id: a\n", (2, 1)),
        ("organisation:\n\tname: X\n", (2, 1)),
    ],
)
def test_a_tab_is_called_a_tab(text: str, position: tuple[int, int]) -> None:
    line, column, message, hint = _syntax(text)
    assert (line, column) == position
    assert "a tab is used" in message
    assert "\\t" not in message
    assert "spaces" in hint


def test_an_invalid_escape_points_at_its_backslash() -> None:
    line, column, message, hint = _syntax('organisation:\n  name: "C:\\Users\\me"\n')
    assert (line, column) == (2, 12)
    assert "'\\U'" in message
    assert "single quotes" in hint


def test_a_quote_that_runs_on_over_keys_is_reported_where_it_opens(tmp_path: Path) -> None:
    """The first user's parties.yaml with one closing quote missing: libyaml gives up 32 lines later."""
    register = tmp_path / "miki4all"
    shutil.copytree(REPO / "registers" / "miki4all", register)
    parties = register / "parties.yaml"
    lines = parties.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line == "    name: Mollie\n")
    lines[number] = '    name: "Mollie\n'
    parties.write_text("".join(lines), encoding="utf-8")
    result = ropa.load(register)
    (syntax,) = [d for d in result.diagnostics if d.code == "SYN-001"]
    assert (syntax.location.line, syntax.location.column) == (number + 1, 11)
    assert "runs on to line" in syntax.message
    assert 'is its closing quote (") missing?' in syntax.message
    assert "the parser stopped at line" in syntax.message
