"""Form sheets: one activity per sheet, labels beside their values (the CNIL *fiche de registre*).

A sheet is a form when its first column holds at least three of the form's labels (``Nom / sigle``,
``Finalité principale``, ``Catégories de personnes concernées``, ``Destinataires``, ...). Its sections
are read as the columns of one row would be: the labelled header fields (name, reference, dates), the
actors (controller, DPO, representative: the organisation block; joint controllers), the purposes, the
categories of data with their retention (each retention belongs to the category of its row), the
sensitive data (the row's label names the Art. 9(1) category), the data subjects, the recipients, the
security measures and the transfers. A sheet whose name says it is an example (``4 - Exemple de fiche``)
and a form left empty are skipped with ``IMP-036``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ropa.diagnostics import Severity
from ropa.importer._cells import Column, Fate, RowGroup
from ropa.importer._tables import SheetTable
from ropa.importer._values import fold, is_not_stated, is_placeholder
from ropa.importer._vocab import terms

if TYPE_CHECKING:
    from ropa.importer._build import RegisterBuilder

SHEET_SKIPPED = "sheet not imported: reported"

__all__ = ["read_fiche"]

# Labels in the first column: header fields (value in the next non-empty cell).
_HEADER = {
    "nom sigle": "name",
    "nom de l activite": "name",
    "n ref": "id",
    "ref": "id",
    "date de creation": "created",
    "date de creation de la fiche": "created",
    "mise a jour": "last_modified",
    "date de derniere mise a jour": "last_modified",
}
# Section titles in the first column → the section they open.
_SECTIONS = {
    "acteurs": "actors",
    "finalite s du traitement effectue": "purposes",
    "finalites du traitement": "purposes",
    "finalite s": "purposes",
    "categories de donnees personnelles concernees": "data",
    "donnees sensibles": "sensitive",
    "categories de personnes concernees": "subjects",
    "destinataires": "recipients",
    "categories de destinataires": "recipients",
    "mesures de securite": "measures",
    "transferts des donnees hors ue": "transfers",
    "transferts hors ue": "transfers",
}
# Per section: (column, field) of the values; the row's label is in the first column.
_LAYOUT: dict[str, tuple[tuple[int, str], ...]] = {
    "purposes": ((1, "purposes"),),
    "data": ((1, "data_categories"), (3, "retention")),
    "sensitive": ((1, "special_categories"), (3, "retention")),
    "subjects": ((1, "data_subjects"), (3, "notes")),
    "recipients": ((1, "recipients"), (3, "notes")),
    "measures": ((1, "security_measures"), (3, "security_measures")),
    "transfers": ((1, "notes"), (2, "transfers"), (3, "transfer_safeguards"), (5, "notes")),
}
_ACTOR_ROLES = {
    "responsable du traitement": "controller",
    "delegue a la protection des donnees": "dpo",
    "representant": "representative",
    "responsable s conjoint s": "joint",
    "responsables conjoints": "joint",
    "responsable conjoint": "joint",
}
_MIN_LABELS = 3


def _label(row: list[str | None]) -> str:
    return fold(row[0]) if row and row[0] else ""


def _is_fiche(rows: list[list[str | None]]) -> bool:
    labels = {_label(row) for row in rows[:80]}
    known = set(_HEADER) | set(_SECTIONS)
    return len(labels & known) >= _MIN_LABELS and bool(labels & set(_HEADER))


def _value(cell: str | None) -> str | None:
    if not cell or is_not_stated(cell) or is_placeholder(cell):
        return None
    return cell


def read_fiche(builder: RegisterBuilder, table: SheetTable) -> bool:
    """Read ``table`` as one activity when it is a form sheet; False when it is not one."""
    rows = table.rows
    if not _is_fiche(rows):
        return False
    sheet = table.name
    if sheet is not None and any(marker in fold(sheet).split() for marker in terms("example_markers")):
        builder.rep.add(
            "IMP-036",
            Severity.INFO,
            f"sheet '{sheet}' is the template's example form; it was skipped",
            "Copy the form sheet for each activity and fill it in.",
            sheet=sheet,
        )
        _skipped(builder, rows, sheet, SHEET_SKIPPED)
        return True
    group = RowGroup(sheet, 1, rows=[])
    section: str | None = None
    actors: list[list[str | None]] = []
    headings: dict[int, str] = {}
    for r, row in enumerate(rows):
        number = r + 1
        label = _label(row)
        if label in _SECTIONS:
            section = _SECTIONS[label]
            headings = {c: text for c, text in enumerate(row) if c > 0 and text}
            _fate_all(builder, row, sheet, number, "form label", skip_first=False)
            continue
        if label in _HEADER:
            value_index = next((c for c in range(1, len(row)) if row[c]), None)
            builder.fates.append(Fate(sheet, number, 1, str(row[0]), "form label", kind="skipped"))
            if value_index is not None:
                text = str(row[value_index])
                column = Column(value_index + 1, str(row[0]), _HEADER[label], sheet)
                group.cells.append((column, text, number))
                group.row = group.row if group.rows else number
                group.rows.append(number)
            continue
        if section == "actors" and label:
            actors.append(row)
            role = next((v for k, v in _ACTOR_ROLES.items() if label.startswith(k)), None)
            builder.fates.append(Fate(sheet, number, 1, str(row[0]), "form label", kind="skipped"))
            if role == "joint":
                for c in range(1, len(row)):
                    if row[c]:
                        column = Column(c + 1, str(row[0]), "joint_controllers", sheet)
                        group.cells.append((column, str(row[c]), number))
            elif role is not None:
                _actor(builder, row, role, headings, sheet, number)
            continue
        if section in _LAYOUT and any(row[1:]):
            description = row[1] if len(row) > 1 else None
            retention = row[3] if len(row) > 3 and section in ("data", "sensitive") else None
            if row and row[0] and not description and _value(retention):
                # A period stated for the template's category itself (its row has no description):
                # the label is the category the period belongs to.
                name = "data_category" if section == "data" else "special_categories"
                group.cells.append((Column(1, _title(section), name, sheet), str(row[0]), number))
                group.hints[number] = str(row[0])
                group.retention_for[number] = str(row[0])
            elif row and row[0]:
                builder.fates.append(Fate(sheet, number, 1, str(row[0]), "form label", kind="skipped"))
                group.hints[number] = str(row[0])
            for c, name in _LAYOUT[section]:
                cell = row[c] if c < len(row) else None
                if not cell:
                    continue
                heading = headings.get(c) or str(row[0] or "")
                column = Column(c + 1, f"{_title(section)}: {heading}".rstrip(": "), name, sheet)
                group.cells.append((column, cell, number))
                if name == "retention" and _value(description):
                    group.retention_for[number] = str(description)
                elif name == "retention" and description and row[0]:
                    # "Non concerné" beside a period: the period names the category it was given for.
                    group.retention_for[number] = str(row[0])
            continue
        if any(row):
            _fate_all(builder, row, sheet, number, "form label", skip_first=False)
    if not group.cells:
        builder.rep.add(
            "IMP-036",
            Severity.INFO,
            f"sheet '{sheet}' is an empty form of the template; it was skipped",
            None,
            sheet=sheet,
        )
        return True
    builder.rep.add(
        "IMP-020",
        Severity.INFO,
        f"sheet '{sheet}' is a form (one activity, labels beside values); it was read as one activity",
        sheet=sheet,
    )
    group.row = min(row for _, _, row in group.cells)
    builder.queue(group)
    return True


def _title(section: str) -> str:
    return {
        "purposes": "Finalités",
        "data": "Catégories de données",
        "sensitive": "Données sensibles",
        "subjects": "Personnes concernées",
        "recipients": "Destinataires",
        "measures": "Mesures de sécurité",
        "transfers": "Transferts hors UE",
    }.get(section, section)


def _actor(
    builder: RegisterBuilder,
    row: list[str | None],
    role: str,
    headings: dict[int, str],
    sheet: str | None,
    number: int,
) -> None:
    """A row of the actors table: name (and address), phone and e-mail of the controller, DPO or
    representative, merged into the organisation block."""
    from ropa.importer._orgblock import label

    values: dict[str, str] = {}
    for c in range(1, len(row)):
        text = _value(row[c])
        if text is None:
            if row[c]:
                builder.fates.append(Fate(sheet, number, c + 1, str(row[c]), "not stated", kind="exact"))
            continue
        lab = label(headings.get(c, "")) if headings.get(c) else None
        name = lab[1] if lab and lab[1] else ("name" if c == 1 else None)
        if name is None or name in values:
            builder.rep.add(
                "IMP-016",
                Severity.INFO,
                f"cell {c + 1} of the actors row {number} was not imported ({text})",
                None,
                sheet=sheet,
                row=number,
            )
            builder.fates.append(Fate(sheet, number, c + 1, text, "actors: reported", kind="skipped"))
            continue
        values[name] = text
        builder.fates.append(Fate(sheet, number, c + 1, text, "read as the organisation block", (text,)))
    if not values:
        return
    if role == "controller":
        organisation: dict[str, object] = {}
        if "name" in values:
            organisation["name"] = values.pop("name")
        if values:
            organisation["contact"] = values
        builder._merge_org(organisation, None)
    elif role == "dpo":
        builder._merge_org({"dpo": {"contact": values}}, None)
    else:
        builder._merge_org({"representative": values}, None)


def _fate_all(
    builder: RegisterBuilder,
    row: list[str | None],
    sheet: str | None,
    number: int,
    how: str,
    *,
    skip_first: bool,
) -> None:
    for c, text in enumerate(row):
        if text and not (skip_first and c == 0):
            builder.fates.append(Fate(sheet, number, c + 1, text, how, kind="skipped"))


def _skipped(builder: RegisterBuilder, rows: list[list[str | None]], sheet: str | None, how: str) -> None:
    for r, row in enumerate(rows):
        _fate_all(builder, row, sheet, r + 1, how, skip_first=False)
