"""docs/import.md keeps up with the synonyms, the codes and the options, and its examples run."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import ropa
from ropa.cli import main
from ropa.importer import IMPORT_CODES
from ropa.importer.mapping import mapping_from_data
from ropa.importer.synonyms import render_sources, render_table
from ropa.loading._yaml import parse
from tests.importer._books import dutch_workbook

DOC = Path(__file__).resolve().parents[2] / "docs" / "import.md"
TEXT = DOC.read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", TEXT, flags=re.DOTALL)


def test_synonym_table_is_current() -> None:
    table = TEXT.split("<!-- synonyms:start -->\n", 1)[1].split("<!-- synonyms:end -->", 1)[0]
    assert table == render_table(), "paste ropa.importer.synonyms.render_table() into docs/import.md"


def test_heading_sources_are_current() -> None:
    shown = TEXT.split("<!-- sources:start -->\n", 1)[1].split("<!-- sources:end -->", 1)[0]
    assert shown == render_sources(), "paste ropa.importer.synonyms.render_sources() into docs/import.md"


def test_every_code_is_documented() -> None:
    for code, spec in IMPORT_CODES.items():
        assert f"| `{code}` | `{spec.name}` |" in TEXT, code


def test_every_option_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--help"]) == 0
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", capsys.readouterr().out)) - {"--help"}
    assert options == {"--output", "--force", "--mapping", "--sheet", "--trust-embedded", "--quiet"}
    for option in options:
        assert f"`{option}" in TEXT or f"{option} " in TEXT, option


def test_mapping_examples_are_valid() -> None:
    (toml,) = blocks("toml")
    (yaml,) = blocks("yaml")
    from_toml = mapping_from_data(tomllib.loads(toml))
    data, problems = parse(yaml)
    assert problems == []
    from_yaml = mapping_from_data(data)
    assert from_toml.columns["Wat doen we?"] == from_yaml.columns["Wat doen we?"] == "purposes"
    assert (from_toml.sheet, from_toml.header_row) == ("Verwerkingen", 4)


def test_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dutch_workbook(tmp_path / "verwerkingsregister.xlsx")
    (tmp_path / "mapping.toml").write_text('[columns]\n"Interne code" = "unmapped"\n', encoding="utf-8")
    (python,) = blocks("python")
    exec(compile(python, str(DOC), "exec"), {})  # noqa: S102 - our own documentation
    loaded = ropa.load(tmp_path / "registers" / "acme")
    assert len(loaded.register.activities or []) == 4
