"""``ropa export --format xlsx --layout ico|ap|cnil|vvt``: an authority template's layout, with the headings
the importer reads; importing the export gives the same register, and the visible sheet alone carries the
register's Art. 30 content back in (issue 10)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ropa
from ropa._data import load_data
from ropa.export.json import register_to_json
from ropa.export.layouts import LAYOUTS
from ropa.export.xlsx import write_workbook
from ropa.importer import import_file
from ropa.importer._headers import match_heading
from ropa.importer.synonyms import normalise
from ropa.models import Register
from tests.export.conftest import with_activity
from tests.strategies import registers

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ["ico", "ap", "cnil", "vvt"]
DATA = load_data("export_layouts")["layouts"]
HEADINGS = load_data("import_headings")


@pytest.fixture(scope="module")
def miki4all() -> Register:
    result = ropa.load(ROOT / "registers" / "miki4all")
    assert not [d for d in result.diagnostics if d.code.startswith(("STR-", "IO-"))]
    return result.register


def test_every_layout_is_described() -> None:
    assert sorted(DATA) == sorted(TEMPLATES)
    assert sorted(LAYOUTS) == sorted(["ropa", *TEMPLATES])
    from ropa.cli._export import LAYOUTS as CLI_LAYOUTS

    assert sorted(CLI_LAYOUTS) == sorted(LAYOUTS)
    for name in TEMPLATES:
        assert LAYOUTS[name].lang == DATA[name]["lang"]
        assert set(DATA[name]["sources"]) <= set(HEADINGS["sources"]), name


@pytest.mark.parametrize("name", TEMPLATES)
def test_headings_are_the_ones_the_importer_reads_as_the_same_field(name: str) -> None:
    """Each heading is listed in import_headings.json under one of the layout's sources for its field,
    and the importer's heading matcher reads it as that field."""
    layout = DATA[name]
    for spec in [*layout["columns"], *layout["extra"]]:
        field, heading = spec["field"], spec["heading"]
        listed = HEADINGS["fields"][field]["headings"]
        assert any(
            normalise(heading) == normalise(known)
            for source in layout["sources"]
            for known in listed.get(source, [])
        ), (name, heading)
        found = match_heading(heading)
        assert found is not None, (name, heading)
        assert found.field == field, (name, heading, found.field)


def test_the_ico_template_keeps_its_thirty_columns_in_order() -> None:
    headings = [spec["heading"] for spec in DATA["ico"]["columns"]]
    assert len(headings) == 30
    assert headings[0] == "Business function"
    assert headings[-1] == "Reasons for not adhering to policy document (if applicable)"


def _export(register: Register, folder: Path, layout: str, **kw: Any) -> Path:
    return write_workbook(register, folder / f"{layout}.xlsx", layout=layout, **kw)


@pytest.mark.parametrize("layout", TEMPLATES)
def test_importing_the_export_gives_the_same_register(
    tmp_path: Path, miki4all: Register, layout: str
) -> None:
    first = _export(miki4all, tmp_path, layout)
    result = import_file(first)
    assert result.embedded
    assert [d.code for d in result.diagnostics] == ["IMP-033"]  # the visible sheets match the register
    assert register_to_json(result.register) == register_to_json(miki4all)
    again = write_workbook(result.register, tmp_path / "again.xlsx", layout=layout)
    assert again.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("layout", TEMPLATES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_layout_in_another_language_is_recognised_too(
    tmp_path: Path, webshop: Register, layout: str, lang: str
) -> None:
    result = import_file(_export(webshop, tmp_path, layout, lang=lang))
    assert result.embedded
    assert register_to_json(result.register) == register_to_json(webshop)


def test_the_template_sheets(tmp_path: Path, miki4all: Register) -> None:
    ico = openpyxl.load_workbook(_export(miki4all, tmp_path, "ico"))
    assert ico.sheetnames == ["Template", "_ropa"]
    ws = ico["Template"]
    assert [ws.cell(2, c).value for c in range(2, 6)] == ["Name", "Address", "Email", "Telephone"]
    assert (ws["A3"].value, ws["B3"].value, ws["D3"].value) == ("Controller", "MiKi4all", "info@miki4all.nl")
    assert ws["A8"].value == "Article 30 Record of Processing Activities"
    assert ws["A9"].value == "Business function"
    assert ws["AD9"].value == "Reasons for not adhering to policy document (if applicable)"
    assert ws["AE9"].value == "Processing activity"
    assert ws.freeze_panes == "A10"
    cnil = openpyxl.load_workbook(_export(miki4all, tmp_path, "cnil"))
    assert cnil.sheetnames[:3] == ["2 - Liste des traitements", "3 - Fiche 1", "3 - Fiche 2"]
    assert len(cnil.sheetnames) == 1 + len(miki4all.activities or ()) + 1
    fiche = cnil["3 - Fiche 1"]
    assert fiche["A4"].value == "Nom / sigle"
    assert fiche["B4"].value == (miki4all.activities or [])[0].name
    vvt = openpyxl.load_workbook(_export(miki4all, tmp_path, "vvt"))["Verarbeitungsverzeichnis"]
    headings = [
        c.value for row in vvt.iter_rows(max_row=20) for c in row if c.value == "Zweck der Verarbeitung"
    ]
    assert headings == ["Zweck der Verarbeitung"]


def _visible_only(path: Path) -> Path:
    """The workbook without its embedded register: what a template's user keeps in their own sheet."""
    book = openpyxl.load_workbook(path)
    del book["_ropa"]
    out = path.with_name(f"visible-{path.name}")
    book.save(out)
    return out


def _content(register: Register) -> dict[str, Any]:
    """What the Art. 30 record says per activity, by names (ids are the importer's to choose)."""
    subjects = {s.id: s.name for s in register.data_subjects or ()}
    categories = {c.id: c.name for c in register.data_categories or ()}
    org = register.organisation
    out: dict[str, Any] = {
        "organisation": (org.name, org.contact.email if org.contact else None) if org else None
    }
    for a in register.activities or ():
        out[a.name] = {
            "purposes": [(p.description, p.lawful_basis) for p in a.purposes or ()],
            "subjects": sorted(subjects.get(s, s) for s in a.data_subjects or ()),
            "categories": sorted(categories.get(c, c) for c in a.data_categories or ()),
            "transfers": sorted(t.country or "" for t in a.transfers or ()),
        }
    return out


@pytest.mark.parametrize("layout", TEMPLATES)
def test_the_visible_sheet_alone_carries_the_record_back(
    tmp_path: Path, webshop: Register, layout: str
) -> None:
    """An organisation keeps the template; imported as a foreign register, the sheet gives back the
    organisation, the activities, their purposes with lawful bases, data subjects, data categories and
    transfer countries."""
    result = import_file(_visible_only(_export(webshop, tmp_path, layout)))
    assert not result.embedded
    assert result.imported
    assert _content(result.register) == _content(webshop)


def test_an_edit_in_the_template_is_imported(tmp_path: Path, webshop: Register) -> None:
    path = _export(webshop, tmp_path, "ap")
    book = openpyxl.load_workbook(path)
    ws = book["Verwerkingsregister"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Nieuwsbrief")
    cell.value = "Nieuwsbrief (maandelijks)"
    book.save(path)
    result = import_file(path)
    assert any(d.code == "IMP-034" and "Nieuwsbrief (maandelijks)" in d.message for d in result.diagnostics)
    assert "Nieuwsbrief (maandelijks)" in [a.name for a in result.register.activities or ()]


def test_a_templates_own_columns_come_back_into_the_template(tmp_path: Path, webshop: Register) -> None:
    """An ICO register imported keeps *Rights available to individuals* in unmapped; exported in the ICO
    layout again, it is in the template's own column, not appended; another kept heading is appended."""
    kept = {"Rights available to individuals": "Access, erasure", "Owner's colour": "blue"}
    register = with_activity(webshop, unmapped=kept)
    ws = openpyxl.load_workbook(_export(register, tmp_path, "ico"))["Template"]
    header = [c.value for c in ws[9]]
    assert header.count("Rights available to individuals") == 1
    assert ws.cell(10, header.index("Rights available to individuals") + 1).value == "Access, erasure"
    assert header[-1] == "Owner's colour"
    assert ws.cell(10, len(header)).value == "blue"
    back = import_file(_visible_only(_export(register, tmp_path, "ico")))
    orders = next(a for a in back.register.activities or () if a.name == "Bestellingen afhandelen")
    assert orders.unmapped == kept


def test_unknown_layout(tmp_path: Path, webshop: Register) -> None:
    with pytest.raises(ValueError, match="unknown layout 'gba'"):
        write_workbook(webshop, tmp_path / "x.xlsx", layout="gba")
    assert not (tmp_path / "x.xlsx").exists()


def test_findings_follow_a_template(tmp_path: Path, webshop: Register, report: ropa.Report) -> None:
    names = openpyxl.load_workbook(
        _export(webshop, tmp_path, "vvt", report=report), read_only=True
    ).sheetnames
    assert names == ["Verarbeitungsverzeichnis", "Befunde", "_lists", "_ropa"]
    assert import_file(tmp_path / "vvt.xlsx").embedded  # the findings are not compared


def test_the_layout_data_file_has_its_provenance() -> None:
    data = json.loads((ROOT / "ropa" / "data" / "export_layouts.json").read_text(encoding="utf-8"))
    assert data["source"]
    assert data["retrieved"]
    assert data["version"]
    for name, layout in data["layouts"].items():
        assert layout["title"], name


@pytest.mark.parametrize("layout", ["ropa", "ico"])
def test_the_changes_sheet_is_not_compared(tmp_path: Path, webshop: Register, layout: str) -> None:
    """``ropa export --since``: the Changes sheet follows the register's sheets and is, like the findings,
    no part of the register: the export still imports losslessly."""
    earlier = with_activity(webshop, name="Bestellingen")
    changes = ropa.diff(earlier, webshop, findings=False)
    path = write_workbook(webshop, tmp_path / "changes.xlsx", layout=layout, changes=changes)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert names[-3:] == ["Changes", "_lists", "_ropa"] or names[-2:] == ["Changes", "_ropa"]
    result = import_file(path)
    assert result.embedded
    assert register_to_json(result.register) == register_to_json(webshop)


def test_formula_like_text_stays_text_in_a_template(tmp_path: Path, webshop: Register) -> None:
    register = with_activity(webshop, name='=HYPERLINK("http://x","y")')
    ws = openpyxl.load_workbook(_export(register, tmp_path, "vvt"))["Verarbeitungsverzeichnis"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x","y")')
    assert cell.data_type == "s"
    assert cell.quotePrefix


@settings(max_examples=20, deadline=None)
@given(register=registers(), layout=st.sampled_from(TEMPLATES))
def test_generated_registers_come_back_from_every_layout(register: Register, layout: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = write_workbook(register, Path(name) / "layout.xlsx", layout=layout)
        result = import_file(path)
        assert result.embedded, [d.message for d in result.diagnostics if d.code == "IMP-034"]
        assert register_to_json(result.register) == register_to_json(register)


@pytest.mark.parametrize("layout", ["ropa", *TEMPLATES])
def test_sheet_titles_without_planning_are_the_planned_ones(webshop: Register, layout: str) -> None:
    from ropa.export.columns import Context

    ctx = Context("fr", webshop)
    chosen = LAYOUTS[layout]
    assert chosen.sheet_titles(ctx) == [plan.title for plan in chosen.plan(ctx)]
