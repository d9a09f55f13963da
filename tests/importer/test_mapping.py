"""Mapping files (TOML, YAML) and the builder's guarantee: whatever the table, the register is valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ropa
from ropa.diagnostics import Severity
from ropa.errors import ConfigError
from ropa.export.yaml import register_to_yaml
from ropa.importer import ColumnMapping, Limits, import_csv, import_workbook, load_mapping
from ropa.importer._build import RegisterBuilder
from ropa.importer._report import Reporter
from ropa.importer._tables import SheetTable
from ropa.importer.synonyms import FIELD_SYNONYMS
from ropa.models import Register
from tests.importer._books import codes, find, simple_workbook

CSV = "Wat doen we?;Grondslag;Soort gegevens;Kleur;Code\nWebshop;uitvoering overeenkomst;Naam;rood;W1\n"


def test_toml_mapping(tmp_path: Path) -> None:
    path = tmp_path / "mapping.toml"
    path.write_text(
        'header_row = 1\n[columns]\n"Wat doen we?" = "name"\n"Soort gegevens" = "data_categories"\n'
        'Kleur = "ignore"\nCode = "unmapped"\n',
        encoding="utf-8",
    )
    mapping = load_mapping(path)
    assert mapping == ColumnMapping(
        {"Wat doen we?": "name", "Soort gegevens": "data_categories", "Kleur": "ignore", "Code": "unmapped"},
        None,
        1,
        str(path),
    )
    csv = tmp_path / "register.csv"
    csv.write_text(CSV, encoding="utf-8")
    result = import_csv(csv, mapping=mapping)
    (act,) = result.register.activities or []
    assert (act.id, act.name) == ("webshop", "Webshop")
    assert act.unmapped == {"Code": "W1"}  # kept on purpose: an info, not a warning
    assert codes(result, Severity.WARNING) == []
    assert {d.code for d in result.diagnostics} >= {"IMP-021", "IMP-023"}


def test_yaml_mapping_and_misreadable_headings(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yml"
    path.write_text('sheet: Register\ncolumns:\n  "NO": id\n  12: notes\n  Name: name\n', encoding="utf-8")
    mapping = load_mapping(path)
    assert mapping.columns == {"NO": "id", "12": "notes", "Name": "name"}
    assert mapping.sheet == "Register"


def test_plain_dict_mapping(tmp_path: Path) -> None:
    csv = tmp_path / "register.csv"
    csv.write_text(CSV, encoding="utf-8")
    result = import_csv(csv, mapping={"Wat doen we?": "purposes", "Nonexistent column": "notes"})
    (act,) = result.register.activities or []
    assert [p.description for p in act.purposes or []] == ["Webshop"]
    (missing,) = find(result, "IMP-025")
    assert "Nonexistent column" in missing.message


def test_mapping_header_row_and_sheet(tmp_path: Path) -> None:
    def second(wb: object) -> None:
        ws = wb.create_sheet("Other")  # type: ignore[attr-defined]
        ws.append(["Some title"])
        ws.append(["Wat", "Waarom"])
        ws.append(["Webshop", "Verkoop"])

    book = simple_workbook(tmp_path / "book.xlsx", extra=second)
    mapping = ColumnMapping({"Wat": "name", "Waarom": "purposes"}, sheet="Other", header_row=2)
    result = import_workbook(book, mapping=mapping)
    (act,) = result.register.activities or []
    assert act.name == "Webshop"
    assert [p.description for p in act.purposes or []] == ["Verkoop"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("m.toml", '[columns]\nPurpose = "purpose"\n', "Did you mean 'purposes'?"),
        ("m.toml", 'colums = {}\n', "unknown key 'colums'"),
        ("m.toml", "[columns\n", "not valid TOML"),
        ("m.toml", "header_row = 0\n[columns]\n", "header_row"),
        ("m.toml", 'sheet = 3\n[columns]\n', "sheet"),
        ("m.toml", "[columns]\nA = 1\n", "field name"),
        ("m.yaml", "columns: [a, b]\n", "'columns' must map"),
        ("m.yaml", "- a\n", "not a list"),
        ("m.yaml", "columns:\n  a: name\n  a: notes\n", "duplicate key"),
        ("m.yaml", "", "empty"),
        ("m.json", "{}", ".toml, .yaml or .yml"),
    ],
)  # fmt: skip
def test_bad_mapping_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
    ):
        load_mapping(path)


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read mapping file"):
        load_mapping(tmp_path / "nope.toml")


# --- whatever the table, the register is valid and writes as YAML ----------------------------------

_headings = st.sampled_from([synonyms[0] for synonyms in FIELD_SYNONYMS.values()] + ["Kleur", "", "Notes"])
_cells = st.one_of(
    st.none(),
    st.sampled_from(
        ["N/A", "geen", "Nee", "Ja, met een DPIA", "7 jaar", "6(1)(b)", "VS (SCC)", "Klanten; Leveranciers",
         "2024-01-01", "31-12-2024", "#", "Art. 9(2)(h)", "actief", "- a\n- b", "Mailchimp (verwerker)"]
    ),
    st.text(max_size=30),
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    header=st.lists(_headings, min_size=1, max_size=8),
    rows=st.lists(st.lists(_cells, max_size=9), max_size=6),
    above=st.lists(st.lists(_cells, max_size=4), max_size=3),
)
def test_any_table_gives_a_valid_register(
    header: list[str], rows: list[list[str | None]], above: list[list[str | None]]
) -> None:
    table = SheetTable("Sheet", [*above, list(header), *rows])
    rep = Reporter("fuzz.xlsx")
    builder = RegisterBuilder(rep, Limits(), None)
    builder.add_sheet(table, chosen=True)
    register = builder.build()
    assert Register.model_validate(register.dump()) == register
    loaded = ropa.loads(register_to_yaml(register))
    assert [str(d) for d in loaded.diagnostics] == []
    assert loaded.register == register
    for diagnostic in rep.diagnostics:
        assert diagnostic.location.file == "fuzz.xlsx"
        assert diagnostic.location.pointer.startswith("/Sheet") or diagnostic.location.pointer == ""
    ids = [a.id for a in register.activities or []]
    assert len({i.casefold() for i in ids}) == len(ids)
