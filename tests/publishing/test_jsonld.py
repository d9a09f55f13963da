"""``ropa.export_jsonld``: DPV 2.x JSON-LD, loaded with rdflib and asked questions in SPARQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import ropa
from ropa.models import Register
from tests.strategies import registers

rdflib = pytest.importorskip("rdflib", reason="rdflib (a test dependency) is not installed")

# rdflib 7's own JSON-LD parser builds a ConjunctiveGraph internally and warns about it; not ours.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

PREFIXES = """
PREFIX dpv: <https://w3id.org/dpv#>
PREFIX eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#>
PREFIX loc: <https://w3id.org/dpv/loc#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


def graph_of(register: Register) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ropa.export_jsonld(register), format="json-ld")
    return g


def test_which_activities_rely_on_legitimate_interests(shop: Register) -> None:
    rows = graph_of(shop).query(
        PREFIXES
        + """
        SELECT DISTINCT ?title WHERE {
          ?activity a dpv:Process ; dct:title ?title ; dpv:hasPurpose ?purpose .
          ?purpose dpv:hasLegalBasis eu-gdpr:A6-1-f .
        } ORDER BY ?title"""
    )
    assert [str(r.title) for r in rows] == ["Order handling", "Web analytics"]


def test_which_data_go_to_the_us_under_what_safeguard(shop: Register) -> None:
    rows = graph_of(shop).query(
        PREFIXES
        + """
        SELECT ?activity ?data ?importer ?safeguard WHERE {
          ?a dct:title ?activity ; dpv:hasProcess ?transfer .
          ?transfer dpv:hasProcessing dpv:CrossBorderTransfer ; dpv:hasThirdCountry loc:US ;
                    dpv:hasPersonalData/dct:title ?data ; dpv:hasDataImporter/dpv:hasName ?importer .
          OPTIONAL { ?transfer dpv:hasLegalBasis ?safeguard }
        } ORDER BY ?activity ?data"""
    )
    found = {
        (str(r.activity), str(r.data), str(r.importer), str(r.safeguard) if r.safeguard else None)
        for r in rows
    }
    scc = "https://w3id.org/dpv/legal/eu/gdpr#A46-2-c"
    adequacy = "https://w3id.org/dpv/legal/eu/gdpr#A45-3"
    assert found == {
        ("Order handling", "Name and address", "Backup Inc.", scc),
        ("Order handling", "E-mail address", "Backup Inc.", scc),
        ("Order handling", "Order history", "Backup Inc.", scc),
        ("Order handling", "Credit score", "Backup Inc.", scc),
        ("Newsletter", "E-mail address", "Mailer LLC", adequacy),
        ("Web analytics", "Browsing behaviour", "Analytics Corp", None),
    }


def test_the_iris_are_the_ones_the_models_carry(shop: Register) -> None:
    g = graph_of(shop)
    objects = {str(o) for o in g.objects()}
    for value in (
        "https://w3id.org/dpv/pd#PhysicalAddress",
        "https://w3id.org/dpv#Customer",
        "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a",
        "https://w3id.org/dpv#DataProcessor",
        "https://w3id.org/dpv#DataSubProcessor",
        "https://w3id.org/dpv#TemporalDuration",
    ):
        assert value in objects, value
    durations = {
        str(o)
        for o in g.objects(None, rdflib.URIRef("https://w3id.org/dpv#hasDuration"))
        if o.__class__.__name__ == "Literal"
    }
    xsd = rdflib.namespace.XSD.duration  # rdflib normalises P14M to P1Y2M
    assert durations == {str(rdflib.Literal(d, datatype=xsd)) for d in ("P7Y", "P2Y", "P14M")}


def test_internal_material_is_not_exported(shop: Register) -> None:
    assert "INTERNAL-" not in ropa.export_jsonld(shop)


def test_the_miki4all_register_loads_and_writes(miki: Register, tmp_path: Path) -> None:
    target = tmp_path / "miki.jsonld"
    text = ropa.export_jsonld(miki, target, base="https://miki4all.example/register/")
    assert target.read_text(encoding="utf-8") == text
    assert json.loads(text)["@graph"][0]["@id"] == "https://miki4all.example/register/register"
    g = rdflib.Graph().parse(data=text, format="json-ld")
    assert len(g) > 200


@settings(max_examples=20)
@given(registers())
def test_any_register_is_valid_json_ld(register: Register) -> None:
    g = rdflib.Graph().parse(data=ropa.export_jsonld(register), format="json-ld")
    processes = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/dpv#Process")))
    assert len(processes) >= len(register.activities or ())
