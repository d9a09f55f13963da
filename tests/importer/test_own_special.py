"""ropa's own workbook and CSV read back without the embedded register: the special-categories column
(Art. 9(1) labels of the activity's data categories) marks those categories instead of becoming new ones,
the criminal-data column gives back the criminal categories and the Art. 10 authorisation, the Art. 9(2)
condition keeps its law, and the SPC-/DPIA- findings of a register are those of the register re-imported
from its visible cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import ropa
from ropa.i18n import Lang, label
from ropa.importer import import_file
from ropa.models import Activity, Register
from ropa.models.vocab import SpecialCategory

LANGS: tuple[Lang, ...] = ("en", "nl", "fr", "de")

SPECIAL = Register.model_validate(
    {
        "data_categories": [
            {"id": "name", "name": "Name"},
            {"id": "sick", "name": "Absence notes", "special": "health"},
            {"id": "union", "name": "Union dues", "special": "trade-union-membership"},
            {"id": "vog", "name": "Certificate of conduct", "criminal": True},
            # a name that reads like health data, but the register does not mark it
            {"id": "medical", "name": "Medical appointments"},
        ],
        # "Employees" reads like a vulnerable group, but the register does not mark it; "Trainees" it does
        "data_subjects": [
            {"id": "emp", "name": "Employees"},
            {"id": "young", "name": "Trainees", "vulnerable": "child"},
        ],
        "activities": [
            {
                "id": "absence",
                "name": "Absence",
                "purposes": [{"description": "Absence", "lawful_basis": "6-1-c"}],
                "data_subjects": ["emp"],
                "data_categories": ["name", "sick", "union"],
                "art9": [{"condition": "9-2-b", "law": "Art. 30 UAVG"}],
            },
            {
                "id": "union-only",
                "name": "Union",
                "purposes": [{"description": "Dues", "lawful_basis": "6-1-b"}],
                "data_subjects": ["emp"],
                "data_categories": ["union", "medical"],
            },
            {
                "id": "hiring",
                "name": "Hiring",
                "purposes": [{"description": "Hiring", "lawful_basis": "6-1-b"}],
                "data_subjects": ["emp", "young"],
                "data_categories": ["name", "vog"],
                "art10": {"authorisation": "Art. 33(1)(a) UAVG; VOG by Justis"},
            },
            {
                "id": "plain",
                "name": "Plain",
                "purposes": [{"description": "P", "lawful_basis": "6-1-b"}],
                "data_subjects": ["emp"],
                "data_categories": ["name"],
                "special_categories": False,
            },
        ],
    }
)


def _visible_only(register: Register, path: Path, lang: Lang) -> Path:
    ropa.export_xlsx(register, path, lang=lang)
    workbook = openpyxl.load_workbook(path)
    del workbook["_ropa"]
    workbook.save(path)
    return path


def special_content(register: Register, activity: Activity) -> dict[str, Any]:
    """What an activity says about Art. 9 and Art. 10 data, by the names of its categories."""
    categories = {c.id: c for c in register.data_categories or ()}
    used = [categories[i] for i in activity.data_categories or ()]
    return {
        "data_categories": [c.name for c in used],
        "special": {c.name: c.special for c in used if c.special is not None},
        "criminal": [c.name for c in used if c.criminal],
        "special_categories_false": activity.special_categories is False,
        "art9": [(b.condition, b.law) for b in activity.art9 or ()],
        "art10": activity.art10.authorisation if activity.art10 is not None else None,
    }


def findings(register: Register) -> list[tuple[str, str | None]]:
    """The SPC- and DPIA- findings of ``register``: codes and entities."""
    report = ropa.validate(register, today=dt.date(2026, 1, 1))
    return sorted(
        (d.code, d.location.entity) for d in report.diagnostics if d.code.startswith(("SPC-", "DPIA-"))
    )


def _imported(path: Path) -> Register:
    result = import_file(path)
    assert result.register is not None, [d.message for d in result.diagnostics]
    assert not any(d.code == "IMP-033" for d in result.diagnostics)  # not the embedded register
    return result.register


@pytest.mark.parametrize("lang", LANGS)
def test_special_and_criminal_columns_read_back_as_what_they_say(tmp_path: Path, lang: Lang) -> None:
    imported = _imported(_visible_only(SPECIAL, tmp_path / f"special-{lang}.xlsx", lang))
    # no category was made from an Art. 9(1) label or from the Art. 10 authorisation
    assert sorted(c.name for c in imported.data_categories or ()) == sorted(
        c.name for c in SPECIAL.data_categories or ()
    )
    assert {s.name: s.vulnerable for s in imported.data_subjects or ()} == {
        s.name: s.vulnerable for s in SPECIAL.data_subjects or ()
    }
    got = {a.id: special_content(imported, a) for a in imported.activities or ()}
    want = {a.id: special_content(SPECIAL, a) for a in SPECIAL.activities or ()}
    assert got == want


@pytest.mark.parametrize("lang", LANGS)
def test_the_findings_are_those_of_the_register(tmp_path: Path, lang: Lang) -> None:
    imported = _imported(_visible_only(SPECIAL, tmp_path / f"findings-{lang}.xlsx", lang))
    assert findings(imported) == findings(SPECIAL)
    # SPC-001 only where the register has it (no Art. 9(2) condition), no SPC-005
    assert [f for f in findings(imported) if f[0] in ("SPC-001", "SPC-005")] == [
        ("SPC-001", "activity union-only")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_ropas_own_csv_reads_the_flags_beside_it(tmp_path: Path, lang: Lang) -> None:
    """``activities.csv`` with the ``data-categories.csv`` and ``data-subjects.csv`` of the same export."""
    ropa.export_csv(SPECIAL, tmp_path, lang=lang)
    imported = _imported(tmp_path / "activities.csv")
    assert sorted(c.name for c in imported.data_categories or ()) == sorted(
        c.name for c in SPECIAL.data_categories or ()
    )
    got = {a.id: special_content(imported, a) for a in imported.activities or ()}
    assert got == {a.id: special_content(SPECIAL, a) for a in SPECIAL.activities or ()}
    assert findings(imported) == findings(SPECIAL)


@pytest.mark.parametrize("lang", LANGS)
def test_ropas_own_csv_alone_marks_no_duplicate_categories(tmp_path: Path, lang: Lang) -> None:
    """``activities.csv`` alone: a label is attached only where the row tells unambiguously, else the
    activity is marked as processing special-category data and the label kept in its notes."""
    ropa.export_csv(SPECIAL, tmp_path / "export", lang=lang)
    alone = tmp_path / "activities.csv"
    alone.write_bytes((tmp_path / "export" / "activities.csv").read_bytes())
    imported = _imported(alone)
    names = sorted(c.name for c in imported.data_categories or ())
    assert names == sorted(c.name for c in SPECIAL.data_categories or ())
    by_id = {a.id: a for a in imported.activities or ()}
    categories = {c.id: c for c in imported.data_categories or ()}
    # the Art. 10 authorisation and the criminal category, from the row alone
    hiring = special_content(imported, by_id["hiring"])
    assert hiring["art10"] == "Art. 33(1)(a) UAVG; VOG by Justis"
    assert hiring["criminal"] == ["Certificate of conduct"]
    assert hiring["special"] == {}
    # Art. 9: the labels were not attached to a guessed category, the activity says it has such data
    absence = by_id["absence"]
    assert absence.special_categories is True
    assert special_content(imported, absence)["art9"] == [("9-2-b", "Art. 30 UAVG")]
    assert not any(categories[i].special for i in absence.data_categories or ())
    assert absence.notes is not None
    assert label(SpecialCategory.HEALTH, lang) in absence.notes  # the label is kept
    # the same SPC- findings (the vulnerable group of "Trainees" is only in data-subjects.csv: DPIA-
    # findings that depend on it differ)
    spc = [f for f in findings(imported) if f[0].startswith("SPC-")]
    assert spc == [f for f in findings(SPECIAL) if f[0].startswith("SPC-")]
