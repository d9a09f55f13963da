"""The catalogues in ropa/locales: complete, current, and faithful to every placeholder.

A translation is checked against the English it was made from: each entry stores that English beside it,
and an entry whose English no longer matches the code is stale (the code's English templates are the
source of truth).
"""

from __future__ import annotations

import pytest

from ropa import i18n
from ropa.i18n import LANGS, Catalogue, catalogue, parse_catalogue, placeholders

from ._sources import TRANSLATED, english_sources

SOURCES = english_sources()


def _names(template: str) -> set[str]:
    return {name.rsplit("__", 1)[0] if "__" in name else name for name in placeholders(template)}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str) -> None:
    messages = catalogue(lang).messages
    missing = [key for key in SOURCES if key not in messages or messages[key].message is None]
    assert missing == [], f"{lang}: no translation for {missing}"
    no_hint = [key for key, (_, hint) in SOURCES.items() if hint and messages[key].hint is None]
    assert no_hint == [], f"{lang}: no translated hint for {no_hint}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_is_stale(lang: str) -> None:
    messages = catalogue(lang).messages
    stale = []
    for key, (message, hint) in SOURCES.items():
        entry = messages[key]
        assert entry.message is not None
        if entry.message.en != message:
            stale.append(f"{key}.message")
        if hint and entry.hint is not None and entry.hint.en != hint:
            stale.append(f"{key}.hint")
    assert stale == [], f"{lang}: the English source changed since these were translated: {stale}"
    unknown = sorted(set(messages) - set(SOURCES) - {"*"})
    assert unknown == [], f"{lang}: entries for messages the code no longer has: {unknown}"


def placeholder_problems(cat: Catalogue) -> list[str]:
    """Every translation whose placeholders differ from its English source's."""
    problems = []
    for key, entry in cat.messages.items():
        for part in (entry.message, entry.hint):
            if part is not None and _names(part.text) != _names(part.en):
                problems.append(
                    f"{key}: {sorted(_names(part.en))} → {sorted(_names(part.text))}: {part.text}"
                )
        for name, table in entry.fields.items():
            for fragment in table.fragments:
                if _names(fragment.text) != _names(fragment.source):
                    problems.append(f"{key}.fields.{name}: {fragment.source!r} → {fragment.text!r}")
    return problems


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match(lang: str) -> None:
    assert placeholder_problems(catalogue(lang)) == []


def test_a_placeholder_mismatch_is_found() -> None:
    broken = parse_catalogue(
        {
            "messages": {
                "REC-001": {
                    "message": {
                        "en": "{entity}: recipient '{ref}' is not a defined party",
                        "nl": "{entity}: x",
                    },
                    "fields": {"suggest": {"Did you mean '{match}'? ": "Bedoelt u '{mtch}'? "}},
                }
            }
        },
        "nl",
    )
    assert len(placeholder_problems(broken)) == 2


@pytest.mark.parametrize("lang", TRANSLATED)
def test_field_tables_translate_placeholders_that_exist(lang: str) -> None:
    """A table named after no placeholder of its message, hint or fragments is a typo: it never applies."""
    problems = []
    for key, entry in catalogue(lang).messages.items():
        used: set[str] = set()
        for part in (entry.message, entry.hint):
            if part is not None:
                used |= {n.rsplit("__", 1)[-1] for n in placeholders(part.en)}
        for table in entry.fields.values():
            for fragment in table.fragments:
                used |= {n.rsplit("__", 1)[-1] for n in placeholders(fragment.source)}
        if key == "*":
            continue
        problems += [f"{key}.fields.{name}" for name in entry.fields if name not in used]
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_label_is_translated_from_the_current_english(lang: str) -> None:
    english = catalogue("en").labels
    cat = catalogue(lang)
    assert set(cat.labels) == set(english), "labels missing or left over"
    stale = [key for key, text in english.items() if cat.sources[key] != text]
    assert stale == [], f"{lang}: English labels changed since translation: {stale}"
    for key, text in cat.labels.items():
        assert text, key
        if not key.startswith("format."):
            assert text.strip(), key  # a label starts or ends with a space only where English does
            ends = (text[0].isspace(), text[-1].isspace())
            assert ends == (english[key][0].isspace(), english[key][-1].isspace()), key


def test_english_has_no_message_catalogue() -> None:
    """The English templates live in the code; en.toml holds only the labels of the exports."""
    assert catalogue("en").messages == {}


@pytest.mark.parametrize("lang", LANGS)
def test_catalogues_parse(lang: str) -> None:
    assert i18n.catalogue(lang).lang == lang
