"""The adequacy data file (``ropa/data/adequacy.json``) is well-formed, sourced and consistent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ropa._data import country_codes, eea_countries, load_data
from ropa.rules.trf._common import adequacy, parse_adequacy

SCOPE_KEYS = {"US": "DPF", "CA": "PIPEDA", "JP": "APPI", "KR": "PIPA"}


def raw() -> dict[str, Any]:
    return load_data("adequacy")


def test_the_file_has_its_metadata() -> None:
    data = raw()
    assert data["name"]
    assert data["version"] == data["retrieved"] == "2026-11-25"
    assert data["shelf_life"] == "P6M"
    assert data["source"]
    for source in data["source"]:
        assert source["title"]
        assert source["date"] is None or dt.date.fromisoformat(source["date"])


def test_every_decision_names_one_destination_outside_the_eea() -> None:
    for entry in raw()["decisions"]:
        has_country = "country" in entry
        assert has_country != ("organisation" in entry), entry
        if has_country:
            assert entry["country"] in country_codes()
            assert entry["country"] not in eea_countries()
        assert entry["scope"] in ("full", "partial")
        assert (entry["scope"] == "partial") == (entry["scope_key"] is not None)
        assert entry["decision"]
        assert isinstance(entry["verified"], bool)
        assert entry["notes"]


def test_countries_are_listed_once() -> None:
    countries = [d.country for d in adequacy().decisions if d.country]
    assert len(countries) == len(set(countries))


def test_partial_decisions_carry_the_scope_keys_the_rules_know() -> None:
    partial = {d.country: d.scope_key for d in adequacy().decisions if d.partial}
    assert partial == SCOPE_KEYS


def test_dates_are_consistent() -> None:
    data = adequacy()
    for decision in data.decisions:
        assert decision.adopted is not None, decision.decision
        assert decision.adopted <= data.retrieved
        if decision.valid_until is not None:
            assert decision.adopted < decision.valid_until


def test_the_reference_list_is_covered() -> None:
    data = adequacy()
    countries = {d.country for d in data.decisions if d.country}
    assert countries == {
        *("AD", "AR", "FO", "GG", "IM", "IL", "JE", "NZ", "CH", "UY"),
        *("CA", "JP", "KR", "GB", "US", "BR"),
    }
    assert [d.organisation for d in data.decisions if d.organisation] == ["European Patent Organisation"]
    uk = next(d for d in data.decisions if d.country == "GB")
    assert uk.valid_until == dt.date(2031, 12, 27)


def test_items_marked_verify_in_the_reference_are_unverified_with_a_note() -> None:
    by_country = {d.country: d for d in adequacy().decisions if d.country}
    korea = by_country["KR"]
    assert korea.verified is False
    assert "Credit Information Act" in korea.notes
    assert by_country["GB"].verified is False  # the renewal decision itself was not checked


def test_a_malformed_file_is_rejected() -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_adequacy({**raw(), "shelf_life": "six months"})
    with pytest.raises(ValueError, match=r"isoformat|Invalid"):
        parse_adequacy({**raw(), "retrieved": "25 Nov 2026"})
