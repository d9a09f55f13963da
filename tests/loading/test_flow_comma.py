"""An unquoted comma inside ``{ }`` cuts a value in two: the loader says so and how to quote it."""

from __future__ import annotations

import pytest

import ropa
from ropa.i18n import translate, untranslated

RECIPIENTS = (
    "activities:\n  - id: payroll\n    name: Payroll\n    recipients: [{category: FG (extern, via X)}]\n"
)


def test_the_tail_of_a_value_cut_at_a_comma_is_named_with_the_fix() -> None:
    result = ropa.loads(RECIPIENTS, name="register.yaml")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "STR-002"
    assert diagnostic.location.file == "register.yaml"
    assert diagnostic.location.pointer == "/activities/0/recipients/0/via X)"
    assert (diagnostic.location.line, diagnostic.location.column) == (4, 41)
    assert diagnostic.message == (
        "unknown field 'via X)' in activity payroll: inside { } the comma ends the value of 'category', "
        "and the text after it is read as a key"
    )
    assert diagnostic.hint == 'Put the value in quotes: category: "FG (extern, via X)"'


def test_the_quoted_value_the_hint_gives_loads_as_meant() -> None:
    fixed = RECIPIENTS.replace("FG (extern, via X)", '"FG (extern, via X)"')
    result = ropa.loads(fixed)
    assert result.ok
    (activity,) = result.register.activities or ()
    assert [r.category for r in activity.recipients or ()] == ["FG (extern, via X)"]


def test_several_commas_give_one_diagnostic_with_the_whole_value() -> None:
    text = "parties:\n  - {id: bank, name: Banks (NL, DE, BE), role: processor}\n"
    (diagnostic,) = ropa.loads(text).diagnostics
    assert (diagnostic.location.line, diagnostic.location.column) == (2, 33)
    assert diagnostic.location.pointer == "/parties/0/DE"
    assert diagnostic.hint == 'Put the value in quotes: name: "Banks (NL, DE, BE)"'


def test_a_value_with_double_quotes_gets_single_quotes_in_the_hint() -> None:
    text = 'parties:\n  - {id: p, name: The "Big" one, ltd}\n'
    (diagnostic,) = ropa.loads(text).diagnostics
    assert diagnostic.hint == """Put the value in quotes: name: 'The "Big" one, ltd'"""
    fixed = text.replace('The "Big" one, ltd', """'The "Big" one, ltd'""")
    parties = ropa.loads(fixed).register.parties or ()
    assert [p.name for p in parties] == ['The "Big" one, ltd']


@pytest.mark.parametrize(
    "text",
    [
        "parties:\n  - {id: p, name: 'P', x}\n",  # a key without a value after a quoted one
        "parties:\n  - id: p\n    name: P\n    x:\n",  # block style: no comma involved
        "parties:\n  - {id: p, name: P, x: 1}\n",  # an unknown key with a value
    ],
)
def test_other_unknown_keys_keep_the_usual_message(text: str) -> None:
    diagnostics = ropa.loads(text).diagnostics
    assert [d.code for d in diagnostics] == ["STR-002"]
    assert diagnostics[0].message.startswith("unknown field 'x' in party p")
    assert "comma" not in diagnostics[0].message


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "Zet de waarde tussen aanhalingstekens"),
        ("fr", "Mettez la valeur entre guillemets "),
        ("de", "Setzen Sie den Wert in Anführungszeichen"),
    ],
)
def test_the_diagnostic_is_translated(lang: str, words: str) -> None:
    (diagnostic,) = ropa.loads(RECIPIENTS).diagnostics
    assert untranslated(diagnostic, lang) is None
    translated = translate(diagnostic, lang)
    assert translated.hint == f'{words}: category: "FG (extern, via X)"'
    assert "{ }" in translated.message
