"""The sentence catalogues (``ropa/publishing/locale/*.toml``) and the legal data files."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from ropa._data import country_codes, eea_countries
from ropa.publishing import _text

PACKAGE = Path(__file__).resolve().parents[2] / "ropa" / "publishing"


def test_every_language_has_every_key_with_the_same_fields() -> None:
    english = _text.catalogue("en")
    for lang in ("nl", "fr", "de"):
        other = _text.catalogue(lang)
        assert set(other) == set(english), lang
        for key, text in english.items():
            assert _text.placeholders(other[key]) == _text.placeholders(text), (lang, key)


def _words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", re.sub(r"\{\w+\}", "", text)))


def test_the_translations_are_translations() -> None:
    english = _text.catalogue("en")
    for lang in ("nl", "fr", "de"):
        same = [k for k, v in _text.catalogue(lang).items() if v == english[k] and _words(v) > 1]
        assert same == [], (lang, same)


def test_every_key_the_code_uses_exists_and_every_key_is_used() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*") if p.suffix in (".py", ".j2")
    )
    used = set(re.findall(r"""\bt\(\s*f?["']([a-z_]+\.[a-z_]+)["']""", source))
    used |= set(re.findall(r"""review\(\s*["']([a-z_]+\.[a-z_]+)["']""", source))
    dynamic = {"status.", "rights.", "diagram."}  # keys built from a code: status.{status}, rights.{id}
    keys = set(_text.catalogue("en"))
    assert used - keys == set()
    unused = {k for k in keys - used if not any(k.startswith(p) for p in dynamic)}
    assert unused == set()


def test_the_legal_data_files_name_their_sources() -> None:
    for name in ("rights", "authorities"):
        data = json.loads(resources.files("ropa.publishing").joinpath("data", f"{name}.json").read_text())
        assert data["source"], name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["retrieved"]), name
    rights = json.loads(resources.files("ropa.publishing").joinpath("data", "rights.json").read_text())
    assert {r["id"] for r in rights["rights"]} == {
        k.split(".", 1)[1] for k in _text.catalogue("en") if k.startswith("rights.")
    }
    from ropa.publishing.authorities import all_authorities

    for authority in all_authorities():
        assert authority.country in eea_countries(), authority
        assert authority.country in country_codes(), authority
        assert authority.url.startswith("https://"), authority


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_country_names_come_from_cldr(lang: str) -> None:
    expected = {"en": "Netherlands", "nl": "Nederland", "fr": "Pays-Bas", "de": "Niederlande"}[lang]
    assert _text.country("NL", lang) == expected  # type: ignore[arg-type]
    assert _text.country("XX", lang) == "XX"  # type: ignore[arg-type]
