"""The compiled catalogues (``ropa/locales/<lang>.json``): current with the TOML translators edit, the same
data, used when current and passed over when stale."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ropa import i18n, i18n_compile
from ropa.i18n import LANGS, LOCALES, catalogue, parse_catalogue


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of ``ropa/locales`` that :func:`ropa.i18n.catalogue` reads, with its cache cleared."""
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES, folder)
    monkeypatch.setattr(i18n, "LOCALES", folder)
    catalogue.cache_clear()
    yield folder
    catalogue.cache_clear()


def test_every_compiled_catalogue_is_current() -> None:
    assert i18n_compile.stale() == [], "run `make locales` (python -m ropa.i18n_compile)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_the_toml(lang: str) -> None:
    from_toml = parse_catalogue(tomllib.loads((LOCALES / f"{lang}.toml").read_text("utf-8")), lang)
    assert catalogue(lang) == from_toml


def test_a_current_compiled_catalogue_is_read_instead_of_the_toml(
    locales: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_toml(source: bytes) -> object:
        raise AssertionError("the TOML was parsed")

    monkeypatch.setattr(i18n, "catalogue_data", no_toml)
    assert catalogue("nl").labels["sheet.retention"] == "Bewaartermijnen"


def test_an_edited_toml_is_read_as_it_is_and_the_compiled_form_reported_stale(locales: Path) -> None:
    toml = locales / "nl.toml"
    text = toml.read_text("utf-8")
    assert 'nl = "Bewaartermijnen"' in text
    toml.write_text(text.replace('nl = "Bewaartermijnen"', 'nl = "Bewaartijden"', 1), "utf-8")
    assert catalogue("nl").labels["sheet.retention"] == "Bewaartijden"
    assert i18n_compile.stale(locales) == ["nl.json"]


@pytest.mark.parametrize("content", ["", "{not json", '{"toml_sha256": "0", "catalogue": {}}', "[1, 2]"])
def test_a_broken_or_foreign_compiled_catalogue_is_passed_over(locales: Path, content: str) -> None:
    (locales / "nl.json").write_text(content, "utf-8")
    assert catalogue("nl").labels["sheet.retention"] == "Bewaartermijnen"


def test_a_missing_compiled_catalogue_is_passed_over_and_written_again(
    locales: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (locales / "de.json").unlink()
    assert catalogue("de").labels["sheet.retention"] == "Löschfristen"
    assert i18n_compile.stale(locales) == ["de.json"]
    monkeypatch.setattr(i18n_compile, "LOCALES", locales)
    assert i18n_compile.main(["--check"]) == 1
    assert i18n_compile.main([]) == 0
    assert i18n_compile.stale(locales) == []
    assert i18n_compile.main(["--check"]) == 0
