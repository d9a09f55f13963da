"""ropa.law: the data files behind each reading are sound, and each concept is read the same way whatever
the register uses to say it."""

from __future__ import annotations

import datetime as dt
import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ropa.law
from ropa._data import country_codes, load_data
from ropa.law import (
    PartyIndex,
    _dpv,
    classify_basis_iri,
    concept,
    indirect_third_country_links,
    is_child,
    is_criminal,
    is_third_country,
    is_vulnerable,
    lawful_basis,
    read_bsn_law,
    special_category,
)
from ropa.models import (
    Activity,
    DataCategory,
    DataSubjectCategory,
    LawfulBasis,
    Organisation,
    Party,
    Purpose,
    SpecialCategory,
)

# --- the DPV data file -----------------------------------------------------------------------------------


def test_the_dpv_file_names_its_source_and_holds_the_whole_pd_extension() -> None:
    data = load_data("dpv")
    assert data["version"] == "2.3"
    assert len(data["pd"]) == 231  # every concept of the DPV 2.3 pd extension
    for source in data["source"]:
        assert source["repository"] == "w3c/dpv"
        assert re.fullmatch(r"[0-9a-f]{40}", source["commit"])
        assert source["path"].endswith((".ttl", ".csv"))
    dt.date.fromisoformat(data["retrieved"])


def test_every_broader_concept_is_known_and_the_hierarchy_has_no_cycle() -> None:
    hierarchy = _dpv.hierarchy()
    roots = {
        "dpv:PersonalData",
        "dpv:SpecialCategoryPersonalData",
        "dpv:SensitivePersonalData",
        "dpv:LegalEntity",
    }
    for name, parents in hierarchy.broader.items():
        assert parents, name
        for parent in parents:
            assert parent in hierarchy.broader or parent in roots, (name, parent)
        chain = [item for _, item in hierarchy.ancestors(name)]
        assert len(chain) == len(set(chain))
        assert chain[-1] in roots or chain[-1] in hierarchy.broader


def test_dpv_2_2_spellings_are_aliases_of_2_3_concepts() -> None:
    hierarchy = _dpv.hierarchy()
    for old, new in hierarchy.aliases.items():
        assert new in hierarchy.broader
        assert old not in hierarchy.broader
    assert concept("https://w3id.org/dpv/pd#CriminalOffense") == "pd:CriminalOffence"


def test_the_gdpr_reading_names_known_concepts_and_art9_categories() -> None:
    reading = _dpv.gdpr_reading()
    known = set(_dpv.hierarchy().broader) | {"dpv:SpecialCategoryPersonalData"}
    for name, category in reading["art9"].items():
        assert name in known, name
        SpecialCategory(category)
    for key in ("art9_unnamed", "art10", "children", "vulnerable"):
        for name in reading[key]:
            assert name in known, name


def test_the_examples_in_the_docstrings_run() -> None:
    assert doctest.testmod(_dpv).failed == 0


# --- special-category and criminal data ------------------------------------------------------------------


def test_every_concept_dpv_types_special_is_read_as_art9_data() -> None:
    hierarchy = _dpv.hierarchy()
    assert len(hierarchy.special) == 32
    for name in hierarchy.special:
        assert special_category(DataCategory(id="c", name="C", dpv=name)) is not None, name


def test_every_sub_concept_of_a_category_reads_as_that_category() -> None:
    hierarchy = _dpv.hierarchy()
    health = {n for n in hierarchy.broader if any(a == "pd:MedicalHealth" for _, a in hierarchy.ancestors(n))}
    genetic = {n for n in health if any(a in ("pd:Genetic", "pd:DNACode") for _, a in hierarchy.ancestors(n))}
    assert {"pd:HealthRecord", "pd:Prescription", "pd:MentalHealth", "pd:BloodType"} <= health
    for name in health:
        found = special_category(DataCategory(id="c", name="C", dpv=name))
        expected = SpecialCategory.GENETIC if name in genetic else SpecialCategory.HEALTH
        assert found is not None, name
        assert found.category is expected, name


@pytest.mark.parametrize(
    "iri",
    ["pd:Criminal", "pd:CriminalConviction", "https://w3id.org/dpv/pd#CriminalCharge", "pd:CriminalOffense"],
)
def test_criminal_concepts_are_art10_data_not_art9(iri: str) -> None:
    category = DataCategory(id="c", name="C", dpv=iri)
    assert is_criminal(category)
    assert special_category(category) is None


@pytest.mark.parametrize(
    "iri",
    ["pd:EmailAddress", "pd:OfficialID", "pd:Passport", "dpv:SensitivePersonalData", "pd:Vulnerability"],
)
def test_ordinary_and_merely_sensitive_concepts_are_neither(iri: str) -> None:
    category = DataCategory(id="c", name="C", dpv=iri)
    assert special_category(category) is None
    assert not is_criminal(category)


def test_children_and_vulnerable_subjects_read_from_either_signal() -> None:
    assert is_child(DataSubjectCategory(id="s", name="S", vulnerable="child"))
    assert is_child(DataSubjectCategory(id="s", name="S", dpv="https://w3id.org/dpv#Child"))
    assert not is_child(DataSubjectCategory(id="s", name="S", dpv="dpv:Adult"))
    assert is_vulnerable(DataSubjectCategory(id="s", name="S", dpv="dpv:AsylumSeeker"))
    assert is_vulnerable(DataSubjectCategory(id="s", name="S", dpv="dpv:Employee"))  # WP248 criterion 7
    assert not is_vulnerable(DataSubjectCategory(id="s", name="S", dpv="dpv:Customer"))


# --- lawful bases ----------------------------------------------------------------------------------------


def test_a_dpv_iri_states_the_basis_when_the_code_is_missing() -> None:
    assert (
        lawful_basis(Purpose(description="x", dpv="eu-gdpr:A6-1-b-contract-performance"))
        is LawfulBasis.CONTRACT
    )
    assert (
        lawful_basis(Purpose(description="x", lawful_basis="6-1-a", dpv="dpv:Contract"))
        is LawfulBasis.CONSENT
    )
    assert lawful_basis(Purpose(description="x", dpv="eu-gdpr:A9-2-a")) is None
    assert (
        classify_basis_iri("eu-gdpr:A46-2-c") == "a Chapter V transfer basis, not an Art. 6(1) lawful basis"
    )


# --- third countries over time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "day", "third"),
    [
        ("DE", "2026-01-01", False),
        ("NO", "2026-01-01", False),
        ("GB", "2019-12-31", False),  # an EU member state
        ("GB", "2020-06-30", False),  # the transition period
        ("GB", "2021-06-27", False),  # the TCA bridge
        ("GB", "2021-06-28", True),
        ("US", "2026-01-01", True),
        (None, "2026-01-01", False),
    ],
)
def test_a_third_country_is_judged_on_the_day(country: str | None, day: str, third: bool) -> None:
    assert is_third_country(country, dt.date.fromisoformat(day)) is third


def test_the_public_surface_is_listed() -> None:
    for name in ropa.law.__all__:
        assert hasattr(ropa.law, name), name


# --- the other data files the readings use ---------------------------------------------------------------


def test_the_bsn_laws_are_sourced_and_their_patterns_compile() -> None:
    data = load_data("bsn_laws")
    assert data["source"]
    assert all(s["url"].startswith("https://") for s in data["source"])
    for entry in data["entries"]:
        assert entry["law"]
        assert entry["users"]
        assert entry["who"] in (None, "public-authority")
        for pattern in entry["patterns"]:
            re.compile(pattern)
    for entry in data["not_permitting"]:
        assert entry["law"]
        assert entry["prescribes"]
        for pattern in entry["patterns"]:
            re.compile(pattern)


@pytest.mark.parametrize(
    ("citation", "public_authority", "verdict"),
    [
        ("Wet op de loonbelasting 1964", False, "permits"),
        ("Art. 10 Wabb", True, "permits"),
        ("Art. 10 Wabb", False, "unknown"),  # government bodies only
        ("art. 35a Wet op de omzetbelasting 1968", False, "does-not-permit"),
        ("Art. 52(4) AWR; Art. 2:10 BW", False, "does-not-permit"),
        ("Art. 52 AWR; Wet X", False, "unknown"),  # every part must be known not to permit
        ("Art. 47 AWR", False, "unknown"),
    ],
)
def test_a_cited_law_is_read_as_permitting_the_bsn_or_not_or_unknown(
    citation: str, public_authority: bool, verdict: str
) -> None:
    organisation = Organisation(name="X", public_authority=public_authority)
    assert read_bsn_law(citation, organisation).verdict == verdict


def test_the_security_vocabulary_covers_four_languages() -> None:
    data = load_data("security_vocabulary")
    assert set(data["vague"]) == set(data["concrete"]) == {"en", "nl", "de", "fr"}
    for phrases in data["vague"].values():
        for phrase in phrases:
            re.compile(phrase)


def test_the_not_a_third_country_periods_name_real_countries() -> None:
    for entry in load_data("adequacy")["not_a_third_country"]:
        assert entry["country"] in country_codes()


# --- parties the data reach outside the EEA ------------------------------------------------------------


def test_a_text_names_parties_by_id_or_full_name_as_whole_words() -> None:
    index = PartyIndex(
        [
            Party(id="whatsapp", name="WhatsApp Ireland Ltd.", role="controller", country="IE"),
            Party(id="mail", name="Mail Inc.", role="processor", country="US"),
            Party(id="helpdesk", name="Helpdesk  Inc.", role="processor", country="US"),
        ]
    )
    assert [p.id for p in index.named("WhatsApp Business")] == ["whatsapp"]
    assert index.named("Gmail") == ()  # 'mail' inside a word is not a name
    assert [p.id for p in index.named("the helpdesk inc. ticket system")] == ["helpdesk"]


def test_sub_processor_chains_are_followed_once_through_cycles() -> None:
    parties = [
        Party(id="a", name="A", role="processor", country="NL", sub_processors=["b"]),
        Party(id="b", name="B", role="processor", country="US", sub_processors=["c"]),
        Party(id="c", name="C", role="processor", country="JP", sub_processors=["a"]),
    ]
    index = PartyIndex(parties)
    assert [(sub.id, above.id) for sub, above in index.below("a")] == [("b", "a"), ("c", "b")]
    activity = Activity(id="x", name="X", recipients=[{"party": "a"}])
    links = indirect_third_country_links(activity, index, dt.date(2026, 6, 1))
    assert [(link.party.id, link.above.id if link.above else None) for link in links] == [
        ("b", "a"),
        ("c", "b"),
    ]


_IDS = ["a", "b", "c", "d", "e"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_IDS),
            st.sampled_from(["NL", "US", "JP", "GB", "IE", "CN"]),
            st.lists(st.sampled_from([*_IDS, "missing"]), max_size=3),
        ),
        max_size=6,
    ),
    st.lists(st.sampled_from([*_IDS, "missing"]), max_size=3),
    st.lists(st.text(max_size=20) | st.sampled_from(_IDS), max_size=3),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 1, 1)),
)
def test_third_country_links_never_raise_and_list_each_party_abroad_once(
    rows: list[tuple[str, str, list[str]]], recipients: list[str], systems: list[str], day: dt.date
) -> None:
    parties = [
        Party(id=ident, name=f"Party {ident}", role="processor", country=country, sub_processors=subs)
        for ident, country, subs in rows
    ]
    activity = Activity(id="x", name="X", recipients=[{"party": r} for r in recipients], systems=systems)
    links = indirect_third_country_links(activity, PartyIndex(parties), day)
    ids = [link.party.id for link in links]
    assert len(ids) == len(set(ids))
    assert all(is_third_country(link.party.country, day) for link in links)
