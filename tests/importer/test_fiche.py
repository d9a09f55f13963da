"""The CNIL fiche states a retention period per category of data (Art. 30(1)(f): "the different
categories of data"); each period stays with its category, and no cell is lost."""

from __future__ import annotations

from pathlib import Path

from ropa.importer import import_file
from ropa.models import Register
from tests.import_corpus.fidelity import cells_lost
from tests.odswriter import OdsSheet, write_ods

ECONOMIC = (
    "Informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)"
)
PERSONAL = "Vie personnelle (habitudes de vie, situation familiale, etc.)"
CIVIL = "État-civil, identité, données d'identification, images"
HEALTH = "Données concernant la santé"


def _line(label: str, value: str | None = None, retention: str | None = None) -> list[str | float | None]:
    return [label, value, None, retention]


def _fiche(tmp_path: Path) -> Path:
    rows: list[list[str | float | None]] = [
        ["FICHE DE REGISTRE"],
        ["Nom / sigle", "Recrutement"],
        ["N° / REF", "T-9"],
        ["Date de création", "01/02/2024"],
        [],
        ["Finalité(s) du traitement effectué"],
        _line("Finalité principale", "Gestion des candidatures"),
        [],
        ["Catégories de données personnelles concernées", "Description", None, "Délai d'effacement"],
        _line(CIVIL, "Nom, prénom", "2 ans après le dernier contact"),
        _line(PERSONAL, None, "6 mois"),
        _line("Vie professionnelle (CV, scolarité, etc.)", "CV, lettre de motivation", "2 ans"),
        _line(ECONOMIC, "Non concerné", "10 ans"),
        [],
        ["Données sensibles", "Description", None, "Délai d'effacement"],
        _line(HEALTH, None, "1 an"),
        [],
        ["Catégories de personnes concernées", "Catégorie", None, "Précisions"],
        _line("Personnes concernées 1", "Candidats"),
    ]
    return write_ods(tmp_path / "fiche.ods", [OdsSheet("3 - Fiche Recrutement", rows)])


def _periods(register: Register) -> dict[str, tuple[str | None, str | None]]:
    """Each retention rule by the names of its categories: (duration, criteria)."""
    names = {c.id: c.name for c in register.data_categories or ()}
    (activity,) = register.activities or ()
    return {
        " + ".join(names[i] for i in rule.data_categories or ()) or "(all data)": (
            rule.duration,
            rule.criteria,
        )
        for rule in activity.retention or ()
    }


def test_each_period_stays_with_its_category(tmp_path: Path) -> None:
    path = _fiche(tmp_path)
    result = import_file(path)
    assert result.register is not None
    assert _periods(result.register) == {
        "Nom + prénom": ("P2Y", None),
        # a period given for the template's category itself (no description): that category's
        PERSONAL: ("P6M", None),
        "CV + lettre de motivation": ("P2Y", None),
        HEALTH: ("P1Y", None),
        # a period beside "Non concerné" is not a rule for all the data: criteria naming its category
        "(all data)": (None, f"{ECONOMIC}: 10 ans"),
    }
    categories = {c.name: c for c in result.register.data_categories or ()}
    assert categories[HEALTH].special == "health"
    assert PERSONAL in categories
    assert ECONOMIC not in categories
    (activity,) = result.register.activities or ()
    assert activity.data_categories is not None
    assert categories[PERSONAL].id in activity.data_categories
    assert [d.code for d in result.diagnostics if ECONOMIC[:30] in d.message] == ["IMP-028"]


def test_no_cell_of_the_fiche_is_lost(tmp_path: Path) -> None:
    path = _fiche(tmp_path)
    result = import_file(path)
    assert cells_lost(path, result) == []
