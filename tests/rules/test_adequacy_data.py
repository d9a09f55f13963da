"""The adequacy data file (``ropa/data/adequacy.json``) is well-formed, sourced and consistent."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from ropa._data import country_codes, eea_countries, load_data
from ropa.law import Decision, adequacy, parse_adequacy
from ropa.models import Transfer

SCOPE_KEYS = {"US": "DPF", "CA": "PIPEDA", "JP": "APPI", "KR": "PIPA"}


def raw() -> dict[str, Any]:
    return load_data("adequacy")


def test_the_file_has_its_metadata() -> None:
    data = raw()
    assert data["name"]
    assert data["version"] == "2026-12-04"
    assert data["retrieved"] == "2026-11-25"  # when the list of decisions in force was last checked
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


def test_decisions_of_one_country_never_apply_on_the_same_day() -> None:
    by_country: dict[str, list[Decision]] = {}
    for decision in adequacy().decisions:
        if decision.country:
            by_country.setdefault(decision.country, []).append(decision)
    for decisions in by_country.values():
        ordered = sorted(decisions, key=lambda d: d.start or dt.date.min)
        for earlier, later in itertools.pairwise(ordered):
            assert earlier.valid_until is not None
            assert later.start is not None
            assert earlier.valid_until < later.start, (earlier.decision, later.decision)


def test_the_united_states_are_judged_by_the_decision_of_the_day() -> None:
    data = adequacy()
    transfer = Transfer(country="US", mechanism="adequacy")
    keys = {
        day: (
            decision.scope_key
            if (decision := data.decision_for(transfer, dt.date.fromisoformat(day)))
            else None
        )
        for day in ("2010-01-01", "2015-10-06", "2019-01-01", "2020-07-16", "2023-07-10")
    }
    assert keys == {
        "2010-01-01": "Safe Harbour",
        "2015-10-06": None,  # C-362/14 Schrems
        "2019-01-01": "Privacy Shield",
        "2020-07-16": None,  # C-311/18 Schrems II
        "2023-07-10": "DPF",
    }


def test_the_united_kingdom_was_no_third_country_until_its_adequacy_decision() -> None:
    periods = [p for p in adequacy().not_third_country if p.country == "GB"]
    assert [(p.start, p.end) for p in periods] == [
        (None, dt.date(2020, 12, 31)),
        (dt.date(2021, 1, 1), dt.date(2021, 6, 27)),
    ]
    uk = next(d for d in adequacy().decisions if d.country == "GB")
    assert uk.start == dt.date(2021, 6, 28)
    for entry in raw()["not_a_third_country"]:
        assert entry["country"] not in eea_countries()
        assert entry["reason"]


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
    uk = [d for d in data.decisions if d.country == "GB"]
    assert [d.valid_until for d in uk] == [dt.date(2025, 12, 27), dt.date(2031, 12, 27)]  # then the renewal


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
