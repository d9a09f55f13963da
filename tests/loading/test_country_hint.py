"""A country that is not an ISO 3166-1 alpha-2 code gets the code it probably means, not the id hint."""

from __future__ import annotations

import pytest

import ropa
from ropa._data import suggest_country


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("USA", "US"), ("nl", "NL"), ("us", "US"), ("NLD", "NL"), ("DEU", "DE"), ("UK", "GB"), ("EL", "GR")],
)
def test_a_wrong_country_code_gets_the_code_it_probably_means(value: str, suggestion: str) -> None:
    result = ropa.loads(f"organisation:\n  name: A\n  country: {value}\n")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "STR-005"
    assert diagnostic.message == (
        f"'country' in organisation: '{value}' is not an ISO 3166-1 alpha-2 code; did you mean {suggestion}?"
    )
    assert diagnostic.hint is not None
    assert "ISO 3166-1 alpha-2" in diagnostic.hint
    assert "Ids use" not in diagnostic.hint


def test_an_unknown_country_gets_no_guess() -> None:
    (diagnostic,) = ropa.loads("organisation:\n  name: A\n  country: XX\n").diagnostics
    assert diagnostic.message == "'country' in organisation: 'XX' is not an ISO 3166-1 alpha-2 code"


def test_a_bad_id_keeps_the_id_hint() -> None:
    (diagnostic,) = ropa.loads("parties:\n  - id: 'mollie b.v.'\n    name: Mollie\n").diagnostics
    assert diagnostic.message == "'id' in party mollie b.v.: 'mollie b.v.' is not a valid id"
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith("Ids use letters")


def test_every_alpha3_code_maps_to_a_known_alpha2_code() -> None:
    from ropa._data import country_codes, load_data

    mapping = load_data("country_alpha3")["alpha3"]
    assert len(mapping) == len(country_codes()) == 249
    assert set(mapping.values()) == country_codes()
    assert suggest_country("US") is None  # a valid code needs no suggestion
