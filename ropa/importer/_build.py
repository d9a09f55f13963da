"""Turning the rows of a foreign register (one row per activity) into a :class:`~ropa.models.Register`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ropa.diagnostics import Severity
from ropa.importer._headers import find_header_row, match_heading
from ropa.importer._orgblock import read_org_block
from ropa.importer._report import Reporter, column_letter
from ropa.importer._tables import Limits, SheetTable
from ropa.importer._values import (
    fold,
    has_words,
    is_criminal,
    is_national_id,
    is_not_stated,
    parse_activity_role,
    parse_art9,
    parse_bool_prefix,
    parse_countries,
    parse_date,
    parse_frequency,
    parse_lawful_bases,
    parse_mechanism,
    parse_retention,
    parse_status,
    party_role,
    slugify,
    special_category,
    split_items,
    split_lines,
    states_none,
    strip_role,
    vulnerable_group,
)
from ropa.importer.mapping import ColumnMapping
from ropa.importer.synonyms import KEEP, normalise
from ropa.models import (
    Activity,
    DataCategory,
    DataSubjectCategory,
    Organisation,
    Party,
    Register,
    RegisterMeta,
)
from ropa.models._base import ID_PATTERN
from ropa.models.vocab import LawfulBasis, PartyRole, RetentionKind

__all__ = ["RegisterBuilder"]

MULTI_FIELDS = frozenset(
    {
        "purposes",
        "data_subjects",
        "data_categories",
        "recipients",
        "processors",
        "joint_controllers",
        "systems",
        "security_measures",
        "notes",
        "transfers",
        "special_categories",
        "criminal_data",
        KEEP,
        "ignore",
    }
)
"""Fields that several columns may feed; a second column for any other field is kept in unmapped."""

_ID_RE = re.compile(ID_PATTERN)
_MAX_NAME = 100
_ORG_SCAN_ROWS = 100
MAX_CONTINUED_ROWS = 500
"""Rows without a name read as part of the activity above, at most; later ones start an activity of their
own. Merged cells span a few rows; more is a sheet without names, and merging it whole would make one
activity too large to validate (and take time that grows with the square of its rows)."""

# fmt: off
_SOURCE_WORDS: dict[str, tuple[str, ...]] = {
    "data-subject": ("data subject", "data subjects", "the individual", "individual", "individuals",
                     "betrokkene", "betrokkenen", "zelf", "personne concernee", "personnes concernees",
                     "betroffene", "betroffenen", "directly", "rechtstreeks", "directement", "direkt"),
    "third-party": ("third party", "third parties", "derden", "derde", "derde partij", "tiers", "dritte",
                    "dritten", "dritter"),
    "public": ("public", "public sources", "openbare", "openbaar", "publique", "publiques", "offentlich",
               "offentliche", "offentlichen"),
    "generated": ("generated", "gegenereerd", "genere", "generee", "generiert", "automatically collected",
                  "automatisch verzameld"),
}
_ENDLESS = ("indefinitely", "indefinite", "forever", "permanent", "permanently", "onbeperkt",
            "onbepaalde tijd", "onbepaalde termijn", "voor altijd", "permanente", "illimitee", "sans limite",
            "unbegrenzt", "unbefristet", "dauerhaft")
_UNTIL = ("until", "till", "tot", "totdat", "jusqu", "jusqua", "bis")
# fmt: on


@dataclass(frozen=True)
class Column:
    """A column of a register table."""

    index: int
    """1-based column number."""
    heading: str
    """The heading as written, or ``Column X`` for a blank one."""
    field: str | None
    """The import field, or ``None`` when not recognised (kept in unmapped)."""


@dataclass
class RowGroup:
    """The cells of one activity: one row, plus the rows that continue it."""

    sheet: str | None
    row: int
    cells: list[tuple[Column, str, int]] = field(default_factory=list)
    continued: int = 0
    """Rows read as part of this activity after its first."""

    def texts(self, name: str) -> list[tuple[str, Column, int]]:
        return [(text, col, row) for col, text, row in self.cells if col.field == name]

    def joined(self, name: str) -> str | None:
        parts = dict.fromkeys(text for text, _, _ in self.texts(name))  # distinct, in order, in linear time
        return "\n".join(parts) if parts else None


_has_word = has_words


class RegisterBuilder:
    """Collects activities, vocabulary, parties and the organisation from the sheets of one file."""

    def __init__(self, rep: Reporter, limits: Limits, mapping: ColumnMapping | None) -> None:
        self.rep = rep
        self.limits = limits
        self.mapping = mapping
        self.normalised_mapping: dict[str, str] | None = mapping.normalised() if mapping else None
        self.subjects: dict[str, dict[str, Any]] = {}
        self.categories: dict[str, dict[str, Any]] = {}
        self.parties: dict[str, dict[str, Any]] = {}
        self.activities: list[Activity] = []
        self.used_ids: dict[str, set[str]] = {
            "subjects": set(),
            "categories": set(),
            "parties": set(),
            "act": set(),
        }
        self.next_suffix: dict[tuple[str, str], int] = {}
        """Per kind and stem: the suffixes below it are taken (so that making ids unique is linear)."""
        self.organisation: dict[str, Any] = {}
        self.title: str | None = None
        self.tables = 0

    # --- sheets --------------------------------------------------------------------------------------

    def add_sheet(self, table: SheetTable, *, chosen: bool) -> None:
        """Import one sheet: find its header row, read the organisation block above it and the rows below.

        ``chosen`` is True for a sheet picked by name (then one recognised heading suffices).
        """
        rows = table.rows
        sheet = table.name
        header_index = self._header_index(table, chosen=chosen)
        if header_index is None:
            block = read_org_block(rows[:_ORG_SCAN_ROWS])
            organisation = block.organisation()
            if organisation:
                self._merge_org(organisation, None)  # a sheet's own heading is not the register's title
                self.rep.add(
                    "IMP-017",
                    Severity.INFO,
                    f"sheet '{sheet}' was read as the organisation block (controller, DPO, representative)",
                    sheet=sheet,
                )
            elif any(any(row) for row in rows):
                self.rep.add(
                    "IMP-015",
                    Severity.INFO,
                    f"sheet '{sheet}' has no register table (no row of known headings); it was not imported",
                    "Import it with --sheet and a --mapping file if it does hold activities.",
                    sheet=sheet,
                )
            return
        self.tables += 1
        header = rows[header_index]
        header_row = header_index + 1
        self.rep.add(
            "IMP-020",
            Severity.INFO,
            f"header row found at row {header_row}" + (f" of sheet '{sheet}'" if sheet else ""),
            sheet=sheet,
            row=header_row,
        )
        self._above(rows[:header_index], sheet)
        data_rows = rows[header_index + 1 :]
        columns = self._columns(header, data_rows, sheet, header_row)
        self._rows(columns, header, data_rows, sheet, header_row)

    def _header_index(self, table: SheetTable, *, chosen: bool) -> int | None:
        mapping = self.mapping
        if mapping is not None and mapping.header_row is not None and (chosen or mapping.sheet is None):
            index = mapping.header_row - 1
            return index if index < len(table.rows) else None
        found = find_header_row(
            table.rows,
            scan=self.limits.header_scan_rows,
            minimum=1 if chosen else 2,
            mapping=self.normalised_mapping,
        )
        return found[0] if found else None

    def _above(self, rows: list[list[str | None]], sheet: str | None) -> None:
        if not any(any(row) for row in rows):
            return
        block = read_org_block(rows)
        organisation = block.organisation()
        if organisation or block.title:
            self._merge_org(organisation or {}, block.title)
        for r, row in enumerate(rows):
            left = [(c, text) for c, text in enumerate(row) if text and (r, c) not in block.used]
            if left:
                shown = "; ".join(f"{column_letter(c + 1)}: {_short(text)}" for c, text in left[:4])
                more = f" and {len(left) - 4} more" if len(left) > 4 else ""
                self.rep.add(
                    "IMP-016",
                    Severity.INFO,
                    f"row {r + 1} above the header row was not imported ({shown}{more})",
                    "Section titles can be ignored; copy anything else into the register by hand.",
                    sheet=sheet,
                    row=r + 1,
                )

    def _merge_org(self, organisation: dict[str, Any], title: str | None) -> None:
        for key, value in organisation.items():
            if isinstance(value, dict) and isinstance(self.organisation.get(key), dict):
                for sub, item in value.items():
                    self.organisation[key].setdefault(sub, item)
            else:
                self.organisation.setdefault(key, value)
        if title and self.title is None:
            self.title = title

    # --- columns -------------------------------------------------------------------------------------

    def _columns(
        self, header: list[str | None], data: list[list[str | None]], sheet: str | None, header_row: int
    ) -> list[Column]:
        width = max([len(header), *(len(row) for row in data)])
        taken: dict[str, Column] = {}
        columns: list[Column] = []
        seen_headings: set[str] = set()
        matched_mapping: set[str] = set()
        for c in range(width):
            number = c + 1
            heading = header[c] if c < len(header) else None
            has_data = any(c < len(row) and row[c] for row in data)
            label = " ".join(heading.split()) if heading else f"Column {column_letter(number)}"
            if label in seen_headings:
                label = f"{label} ({column_letter(number)})"
            seen_headings.add(label)
            found = match_heading(heading, self.normalised_mapping) if heading else None
            target = found.field if found else None
            if found and found.from_mapping:
                matched_mapping.add(normalise(heading or ""))
            if target is not None and target not in MULTI_FIELDS and target in taken:
                first = taken[target]
                self.rep.add(
                    "IMP-024",
                    Severity.WARNING,
                    f"column '{label}' is also '{target}' (like column {column_letter(first.index)} "
                    f"'{first.heading}'); it was kept in unmapped",
                    "Map one of the two columns to another field in a --mapping file.",
                    sheet=sheet,
                    row=header_row,
                    column=number,
                )
                target = None
            column = Column(number, label, target)
            columns.append(column)
            if target is not None:
                taken.setdefault(target, column)
            self._report_column(column, found is not None and found.from_mapping, has_data, sheet, header_row)
        if self.mapping is not None:
            for heading in self.mapping.columns:
                if normalise(heading) not in matched_mapping and (self.mapping.sheet in (None, sheet)):
                    self.rep.add(
                        "IMP-025",
                        Severity.WARNING,
                        f"the mapping file names column '{heading}', which is not in the header row",
                        "Check the spelling in the mapping file against the sheet.",
                        sheet=sheet,
                        row=header_row,
                    )
        return columns

    def _report_column(
        self, column: Column, by_mapping: bool, has_data: bool, sheet: str | None, header_row: int
    ) -> None:
        how = " (mapping file)" if by_mapping else ""
        code, severity, hint = "IMP-021", Severity.INFO, None
        if column.field == "ignore":
            message = f"column '{column.heading}' is ignored{how}"
        elif column.field == KEEP:
            code = "IMP-023"
            message = f"column '{column.heading}' has no register field; its cells are kept in unmapped{how}"
        elif column.field is not None:
            message = f"column '{column.heading}' → {column.field}{how}"
        elif has_data:
            code, severity = "IMP-022", Severity.WARNING
            message = (
                f"column '{column.heading}' is not recognised; its cells are kept in the activity's unmapped"
            )
            hint = "Map it to a field with a --mapping file (see docs/import.md), or leave it in unmapped."
        else:
            return
        self.rep.add(code, severity, message, hint, sheet=sheet, row=header_row, column=column.index)

    # --- rows ----------------------------------------------------------------------------------------

    def _rows(
        self,
        columns: list[Column],
        header: list[str | None],
        data: list[list[str | None]],
        sheet: str | None,
        header_row: int,
    ) -> None:
        present = {col.field for col in columns}
        leading = {"id", "name"} & present or ({"purposes"} & present)
        header_key = [normalise(h or "") for h in header]
        groups: list[RowGroup] = []
        for offset, row in enumerate(data):
            number = header_row + 1 + offset
            if not any(row):
                continue
            if [normalise(c or "") for c in row] == header_key[: len(row)] and len(row) == len(header_key):
                self.rep.add("IMP-030", Severity.INFO, "repeated header row skipped", sheet=sheet, row=number)
                continue
            cells: list[tuple[Column, str, int]] = []
            for col in columns:
                text = row[col.index - 1] if col.index - 1 < len(row) else None
                if text and col.field != "ignore":
                    cells.append((col, text, number))
            mapped = [cell for cell in cells if cell[0].field not in (None, KEEP)]
            if not mapped:
                if cells:
                    shown = "; ".join(f"{col.heading}: {_short(text)}" for col, text, _ in cells[:3])
                    self.rep.add(
                        "IMP-030",
                        Severity.WARNING,
                        f"row {number} has values only in unrecognised columns and was not imported "
                        f"({shown})",
                        "If it is an activity, fill in its name or purpose, or map its columns.",
                        sheet=sheet,
                        row=number,
                    )
                continue
            if groups and leading and not any(col.field in leading for col, _, _ in mapped):
                missing = " or ".join(sorted(leading))
                if groups[-1].continued < MAX_CONTINUED_ROWS:
                    groups[-1].cells.extend(cells)
                    groups[-1].continued += 1
                    self.rep.add(
                        "IMP-031",
                        Severity.WARNING,
                        f"row {number} has no {missing}; it was read as part of the activity of row "
                        f"{groups[-1].row} (merged cells)",
                        "If it is an activity of its own, give it a name.",
                        sheet=sheet,
                        row=number,
                    )
                    continue
                self.rep.add(
                    "IMP-031",
                    Severity.WARNING,
                    f"row {number} has no {missing}; the activity of row {groups[-1].row} already continues "
                    f"over {MAX_CONTINUED_ROWS} rows, so it was read as an activity of its own",
                    "Give each activity a name in its first row.",
                    sheet=sheet,
                    row=number,
                )
            groups.append(RowGroup(sheet, number, cells))
        for group in groups:
            self._activity(group)

    # --- activities ----------------------------------------------------------------------------------

    def _activity(self, group: RowGroup) -> None:
        act = _ActivityDraft(self, group)
        data = act.build()
        try:
            activity = Activity.model_validate(data)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            self.rep.add(
                "IMP-032",
                Severity.ERROR,
                f"the activity of row {group.row} could not be imported: {where}: {first['msg']}",
                "Shorten or correct the cell; the activity was left out.",
                sheet=group.sheet,
                row=group.row,
            )
            return
        self.activities.append(activity)

    def unique_id(self, kind: str, base: str, fallback: str) -> str:
        """``base`` (or ``fallback``) made unique within ``kind``, case-insensitively."""
        used = self.used_ids[kind]
        stem = base[:90] if base else fallback
        key = (kind, stem.casefold())
        counter = self.next_suffix.get(key, 1)
        candidate = stem if counter == 1 else f"{stem}-{counter}"
        while candidate.casefold() in used:
            counter += 1
            candidate = f"{stem}-{counter}"
        self.next_suffix[key] = counter
        used.add(candidate.casefold())
        return candidate

    def vocab(self, kind: str, name: str, group: RowGroup, column: Column, row: int, **flags: Any) -> str:
        """The id of the data-subject or data category named ``name``, created on first use."""
        store = self.subjects if kind == "subjects" else self.categories
        key = fold(name) or name
        entry = store.get(key)
        if entry is None:
            prefix = "subject" if kind == "subjects" else "category"
            ident = self.unique_id(kind, slugify(name), f"{prefix}-{len(store) + 1}")
            entry = {"id": ident, "name": name}
            store[key] = entry
            derived = self._derive_flags(kind, name, entry)
            if derived:
                self.rep.add(
                    "IMP-029",
                    Severity.INFO,
                    f"{'data-subject' if kind == 'subjects' else 'data'} category '{name}' was marked "
                    f"{derived} from its name",
                    "Check the flag in vocabulary.yaml.",
                    sheet=group.sheet,
                    row=row,
                    column=column.index,
                )
        for key_name, value in flags.items():
            entry.setdefault(key_name, value)
        return str(entry["id"])

    def _derive_flags(self, kind: str, name: str, entry: dict[str, Any]) -> str | None:
        if kind == "subjects":
            group = vulnerable_group(name)
            if group is not None:
                entry["vulnerable"] = group.value
                return f"vulnerable: {group.value}"
            return None
        notes: list[str] = []
        special = special_category(name)
        if special is not None:
            entry["special"] = special.value
            notes.append(f"special: {special.value}")
        if is_criminal(name):
            entry["criminal"] = True
            notes.append("criminal: true")
        if is_national_id(name):
            entry["national_id"] = True
            notes.append("national_id: true")
        return ", ".join(notes) or None

    def party(self, name: str, role: PartyRole | None) -> str:
        """The id of the party named ``name``, created on first use; a role fills in an unknown one."""
        key = fold(name) or name
        entry = self.parties.get(key)
        if entry is None:
            ident = self.unique_id("parties", slugify(name), f"party-{len(self.parties) + 1}")
            entry = {"id": ident, "name": name}
            self.parties[key] = entry
        if role is not None:
            entry.setdefault("role", role.value)
        return str(entry["id"])

    # --- the register --------------------------------------------------------------------------------

    def build(self) -> Register:
        """The register: validated entities only (failures were reported)."""
        fields: dict[str, Any] = {}
        meta: dict[str, Any] = {}
        if self.title:
            meta["title"] = self.title
        if meta:
            fields["meta"] = RegisterMeta.model_validate(meta)
        if self.organisation:
            organisation = self._validated(Organisation, self.organisation, "the organisation block")
            if organisation is not None:
                fields["organisation"] = organisation
        subjects = [
            self._validated(DataSubjectCategory, e, f"data-subject category '{e['name']}'")
            for e in self.subjects.values()
        ]
        categories = [
            self._validated(DataCategory, e, f"data category '{e['name']}'") for e in self.categories.values()
        ]
        parties = [self._validated(Party, e, f"party '{e['name']}'") for e in self.parties.values()]
        if subjects:
            fields["data_subjects"] = [s for s in subjects if s is not None]
        if categories:
            fields["data_categories"] = [c for c in categories if c is not None]
        if parties:
            fields["parties"] = [p for p in parties if p is not None]
        if self.activities:
            fields["activities"] = list(self.activities)
        return Register.model_construct(**fields)

    def _validated(self, model: Any, data: Mapping[str, Any], what: str) -> Any:
        try:
            return model.model_validate(dict(data))
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            self.rep.add(
                "IMP-032",
                Severity.ERROR,
                f"{what} could not be imported: {where}: {first['msg']}",
                "Correct the value in the spreadsheet and import again.",
            )
            return None


def _short(text: str, limit: int = 40) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit and "\n" not in text else line[: limit - 1] + "…"


def _first_words(text: str, limit: int = _MAX_NAME) -> str:
    line = text.strip().splitlines()[0].strip()
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


class _ActivityDraft:
    """The activity of one row group, as plain data, with its diagnostics."""

    def __init__(self, builder: RegisterBuilder, group: RowGroup) -> None:
        self.b = builder
        self.rep = builder.rep
        self.group = group
        self.data: dict[str, Any] = {}
        self.notes: list[str] = []
        self.unmapped: dict[str, str] = {}
        self.purposes: list[dict[str, Any]] = []

    # helpers

    def warn(self, code: str, severity: Severity, message: str, hint: str, column: Column, row: int) -> None:
        self.rep.add(
            code,
            severity,
            message,
            hint,
            sheet=self.group.sheet,
            row=row,
            column=column.index,
            entity=f"activity {self.data.get('id', '?')}",
        )

    def keep(self, column: Column, text: str) -> None:
        old = self.unmapped.get(column.heading)
        if old is None:
            self.unmapped[column.heading] = text
        elif text not in old.split("\n"):
            self.unmapped[column.heading] = f"{old}\n{text}"

    def not_understood(self, column: Column, text: str, row: int, why: str) -> None:
        self.keep(column, text)
        self.warn(
            "IMP-026",
            Severity.WARNING,
            f"'{_short(text)}' in column '{column.heading}' {why}; the cell is kept in unmapped",
            "Edit the activity's YAML to state it as ropa expects (see docs/register-format.md).",
            column,
            row,
        )

    # the fields, in order

    def build(self) -> dict[str, Any]:
        g = self.group
        self._identity()
        for name in ("description", "owner", "department", "storage_location"):
            value = g.joined(name)
            if value is not None:
                self.data[name] = value
        self._status()
        self._purposes()
        self._lawful_basis()
        self._purpose_details()
        self._special()
        self._vocab("data_subjects", "subjects")
        self._vocab("data_categories", "categories")
        self._sources()
        self._recipients()
        self._transfers()
        self._retention()
        self._measures()
        self._dpia()
        self._automated()
        self._systems()
        self._dates()
        self.notes = [text for text, _, _ in g.texts("notes")] + self.notes
        for column, text, _ in g.cells:
            if column.field in (None, KEEP):
                self.keep(column, text)
        if self.purposes:
            self.data["purposes"] = self.purposes
        if self.notes:
            self.data["notes"] = "\n".join(dict.fromkeys(self.notes))
        if self.unmapped:
            self.data["unmapped"] = self.unmapped
        return self.data

    def _identity(self) -> None:
        g = self.group
        name = g.joined("name")
        purposes = g.joined("purposes")
        if name:
            name = _first_words(name)
        else:
            derived = purposes or g.joined("description") or g.joined("department")
            name = _first_words(derived) if derived else f"Row {g.row}"
            self.rep.add(
                "IMP-029",
                Severity.INFO,
                f"the activity of row {g.row} has no name column; it is named '{name}'",
                "Give the activity a short name in its YAML file.",
                sheet=g.sheet,
                row=g.row,
            )
        raw_id = g.joined("id")
        base = ""
        if raw_id:
            first = raw_id.splitlines()[0].strip()
            base = first if _ID_RE.match(first) else slugify(first)
        if not base:
            base = slugify(name)
        ident = self.b.unique_id("act", base, f"row-{g.row}")
        if base and ident != base:
            self.rep.add(
                "IMP-029",
                Severity.INFO,
                f"activity id '{base}' is already used; the activity of row {g.row} is '{ident}'",
                sheet=g.sheet,
                row=g.row,
            )
        self.data["id"] = ident
        self.data["name"] = name

    def _status(self) -> None:
        for name, parse, what in (
            ("status", parse_status, "a status (planned, active, suspended, ended)"),
            ("frequency", parse_frequency, "a frequency (occasional, regular, systematic, continuous)"),
            ("role", parse_activity_role, "a role (controller or processor)"),
        ):
            for text, column, row in self.group.texts(name):
                if is_not_stated(text):
                    continue
                value = parse(text)
                if value is None:
                    self.not_understood(column, text, row, f"is not {what}")
                else:
                    self.data.setdefault(name, value.value)

    def _purposes(self) -> None:
        for text, _, _ in self.group.texts("purposes"):
            for item in split_lines(text):
                if all(p["description"] != item for p in self.purposes):
                    self.purposes.append({"description": item})

    def _lawful_basis(self) -> None:
        texts = self.group.texts("lawful_basis")
        if not texts:
            return
        text = "\n".join(t for t, _, _ in texts)
        column, row = texts[0][1], texts[0][2]
        if not split_lines(text):
            return
        reading = parse_lawful_bases(text)
        if not self.purposes and reading.bases:
            self.purposes.append({"description": self.data["name"]})
            self.rep.add(
                "IMP-029",
                Severity.INFO,
                f"the activity of row {self.group.row} has no purpose column; its name is used as the "
                "purpose",
                "State the purposes in the activity's YAML file.",
                sheet=self.group.sheet,
                row=self.group.row,
            )
        assigned: LawfulBasis | None = None
        if len(reading.bases) == 1:
            assigned = reading.bases[0]
            for purpose in self.purposes:
                purpose["lawful_basis"] = assigned.value
        elif reading.bases and len(reading.per_part) == len(self.purposes) and all(reading.per_part):
            for purpose, basis in zip(self.purposes, reading.per_part, strict=True):
                if basis is not None:
                    purpose["lawful_basis"] = basis.value
        else:
            why = (
                "names no Art. 6(1) basis ropa recognises"
                if not reading.bases
                else f"names {len(reading.bases)} bases for {len(self.purposes)} purpose(s)"
            )
            self.notes.append(f"{column.heading}: {text}")
            self.warn(
                "IMP-027",
                Severity.WARNING,
                f"the lawful basis '{_short(text)}' {why}; it was kept in the activity's notes",
                "Set lawful_basis (6-1-a ... 6-1-f) on each purpose in the activity's YAML file.",
                column,
                row,
            )
            return
        if reading.extra:
            target = {LawfulBasis.LEGAL_OBLIGATION: "law", LawfulBasis.PUBLIC_TASK: "law"}.get(
                assigned or LawfulBasis.CONSENT
            )
            if assigned is LawfulBasis.LEGITIMATE_INTERESTS and not self.group.texts("legitimate_interest"):
                target = "legitimate_interest"
            if target is not None:
                for purpose in self.purposes:
                    purpose.setdefault(target, text)
            else:
                self.notes.append(f"{column.heading}: {text}")

    def _purpose_details(self) -> None:
        for name, basis, key in (
            ("legitimate_interest", LawfulBasis.LEGITIMATE_INTERESTS, "legitimate_interest"),
            ("lia", LawfulBasis.LEGITIMATE_INTERESTS, "lia"),
            ("consent_records", LawfulBasis.CONSENT, "consent"),
        ):
            for text, column, row in self.group.texts(name):
                if is_not_stated(text):
                    continue
                targets = [p for p in self.purposes if p.get("lawful_basis") == basis.value]
                if not targets:
                    self.not_understood(
                        column, text, row, f"belongs to no purpose with lawful basis {basis.value}"
                    )
                    continue
                for purpose in targets:
                    if key == "consent":
                        purpose.setdefault("consent", {"records": text})
                    else:
                        purpose.setdefault(key, text)

    def _special(self) -> None:
        g = self.group
        for text, column, row in g.texts("art9"):
            if is_not_stated(text) or parse_bool_prefix(text) == (False, ""):
                continue
            conditions, extra = parse_art9(text)
            if not conditions:
                self.not_understood(column, text, row, "names no Art. 9(2) condition ropa recognises")
                continue
            entries = [{"condition": c.value} for c in conditions]
            if extra and len(entries) == 1:
                entries[0]["law"] = text
            elif extra:
                self.notes.append(f"{column.heading}: {text}")
            self.data["art9"] = entries
        for name, flag in (("special_categories", "special"), ("criminal_data", "criminal")):
            for text, column, row in g.texts(name):
                answer, rest = parse_bool_prefix(text)
                if answer is False and not rest:
                    if flag == "special":
                        self.data["special_categories"] = False
                    continue
                if flag == "special":
                    self.data["special_categories"] = True
                items = split_items(rest if answer is not None else text)
                if not items:
                    if flag == "criminal":
                        self.not_understood(column, text, row, "does not say which data are criminal data")
                    continue
                ids = self.data.setdefault("data_categories", [])
                for item in items:
                    flags: dict[str, Any] = {"criminal": True} if flag == "criminal" else {}
                    ident = self.b.vocab("categories", item, g, column, row, **flags)
                    entry = self.b.categories[fold(item) or item]
                    if flag == "special" and "special" not in entry:
                        self.warn(
                            "IMP-026",
                            Severity.WARNING,
                            f"'{_short(item)}' is listed as special-category data, but ropa cannot tell "
                            "which Art. 9(1) category it is",
                            "Set 'special' on the data category in vocabulary.yaml.",
                            column,
                            row,
                        )
                    if ident not in ids:
                        ids.append(ident)

    def _vocab(self, name: str, kind: str) -> None:
        g = self.group
        ids: list[str] = list(self.data.get(name, []))
        for text, column, row in g.texts(name):
            for item in split_items(text):
                ident = self.b.vocab(kind, item, g, column, row)
                if ident not in ids:
                    ids.append(ident)
        if ids:
            self.data[name] = ids

    def _sources(self) -> None:
        sources: list[dict[str, Any]] = []
        for text, column, row in self.group.texts("sources"):
            parts = split_lines(text)
            understood = True
            for part in parts:
                folded = fold(part)
                kinds = [k for k, words in _SOURCE_WORDS.items() if _has_word(folded, words)]
                if len(kinds) == 1:
                    sources.append({"kind": kinds[0], "description": part})
                else:
                    understood = False
            if not understood:
                self.not_understood(
                    column,
                    text,
                    row,
                    "does not clearly name the data subject, a third party or a public source",
                )
        if sources:
            self.data["sources"] = sources

    def _recipients(self) -> None:
        g = self.group
        ids: list[str] = []
        stated_none = False
        for name, role_of_column in (
            ("recipients", None),
            ("processors", PartyRole.PROCESSOR),
            ("joint_controllers", PartyRole.JOINT_CONTROLLER),
        ):
            for text, _, _ in g.texts(name):
                if states_none(text) and name == "recipients":
                    stated_none = True
                    continue
                items = split_lines(text) if name == "joint_controllers" else split_items(text)
                for item in items:
                    role = party_role(item)
                    ident = self.b.party(strip_role(item), role_of_column or role)
                    if ident not in ids:
                        ids.append(ident)
        if ids:
            self.data["recipients"] = ids
        elif stated_none:
            self.data["recipients"] = []

    def _transfers(self) -> None:
        g = self.group
        transfers: list[dict[str, Any]] = []
        stated_none = False
        for text, column, row in g.texts("transfers"):
            answer, rest = parse_bool_prefix(text)
            if states_none(text) or (answer is False and not rest):
                stated_none = True
                continue
            items = split_items(rest if answer is True else text)
            countries, unknown = parse_countries(items)
            for code, remark in countries:
                if all(t["country"] != code for t in transfers):
                    transfer: dict[str, Any] = {"country": code}
                    mechanism = parse_mechanism(remark) if remark else None
                    if mechanism is not None:
                        transfer["mechanism"] = mechanism.value
                    if remark:
                        transfer["notes"] = remark
                    transfers.append(transfer)
            if unknown or not items:
                self.not_understood(column, text, row, "does not name third countries ropa recognises")
        safeguards = g.texts("transfer_safeguards")
        for text, column, row in safeguards:
            if is_not_stated(text):
                continue
            if not transfers:
                if not stated_none:
                    self.not_understood(
                        column, text, row, "describes safeguards for transfers that are not stated"
                    )
                continue
            for line in split_lines(text):
                countries, _ = parse_countries([line])
                targets = transfers
                statement = line
                if countries and countries[0][1] is not None:
                    code, remark = countries[0]
                    targets = [t for t in transfers if t["country"] == code] or transfers
                    statement = remark or line
                if is_not_stated(statement):
                    continue
                mechanism = parse_mechanism(statement)
                for transfer in targets:
                    if mechanism is not None:
                        transfer.setdefault("mechanism", mechanism.value)
                    notes = transfer.get("notes")
                    transfer["notes"] = f"{notes}\n{line}" if notes else line
                if mechanism is None:
                    self.warn(
                        "IMP-026",
                        Severity.WARNING,
                        f"the safeguard '{_short(line)}' is not a mechanism ropa recognises (SCCs, BCRs, "
                        "adequacy); it was kept in the transfer's notes",
                        "Set 'mechanism' on the transfer in the activity's YAML file.",
                        column,
                        row,
                    )
        if transfers:
            self.data["transfers"] = transfers
        elif stated_none:
            self.data["transfers"] = []

    def _retention(self) -> None:
        g = self.group
        rules: list[dict[str, Any]] = []
        category_names = {
            fold(str(entry["name"])): str(entry["id"])
            for entry in self.b.categories.values()
            if entry["id"] in self.data.get("data_categories", [])
        }
        for text, column, row in g.texts("retention"):
            for part in split_lines(text):
                rule: dict[str, Any] = {}
                head, sep, _ = part.partition(":")
                if sep and fold(head) in category_names:
                    rule["data_categories"] = [category_names[fold(head)]]
                reading = parse_retention(part)
                folded = fold(part)
                if reading.duration is not None:
                    rule["kind"] = RetentionKind.TEMPORAL.value
                    rule["duration"] = reading.duration
                    if reading.anchor is not None:
                        rule["anchor"] = reading.anchor.value
                elif _has_word(folded, _ENDLESS):
                    rule["kind"] = RetentionKind.ENDLESS.value
                elif reading.anchor is not None and _has_word(folded, _UNTIL):
                    rule["kind"] = RetentionKind.UNTIL_EVENT.value
                    rule["anchor"] = reading.anchor.value
                else:
                    self.warn(
                        "IMP-028",
                        Severity.INFO,
                        f"the retention '{_short(part)}' has no clear period; it was kept as the rule's "
                        "description",
                        "Add a duration (P7Y), an anchor or criteria to the retention rule in the YAML file.",
                        column,
                        row,
                    )
                rule["description"] = part
                rules.append(rule)
        if rules:
            self.data["retention"] = rules

    def _measures(self) -> None:
        measures: list[dict[str, Any]] = []
        for text, _, _ in self.group.texts("security_measures"):
            for item in split_lines(text):
                if all(m["description"] != item for m in measures):
                    measures.append({"description": item})
        if measures:
            self.data["specific_measures"] = measures

    def _dpia(self) -> None:
        dpia: dict[str, Any] = {}
        for text, column, row in self.group.texts("dpia"):
            answer, rest = parse_bool_prefix(text)
            if answer is None:
                self.not_understood(column, text, row, "does not say yes or no")
                continue
            dpia["required"] = answer
            if rest:
                dpia["screening"] = rest
        reference = self.group.joined("dpia_reference")
        if reference:
            dpia["reference"] = reference
        if dpia:
            self.data["dpia"] = dpia

    def _automated(self) -> None:
        for text, column, row in self.group.texts("automated_decisions"):
            answer, rest = parse_bool_prefix(text)
            if answer is None:
                self.not_understood(column, text, row, "does not say yes or no")
                continue
            entry: dict[str, Any] = {"exists": answer}
            if rest:
                entry["description"] = rest
            self.data["automated_decisions"] = entry

    def _systems(self) -> None:
        systems: list[str] = []
        for text, _, _ in self.group.texts("systems"):
            systems.extend(item for item in split_items(text) if item not in systems)
        if systems:
            self.data["systems"] = systems

    def _dates(self) -> None:
        for name in ("last_modified", "last_reviewed", "next_review"):
            for text, column, row in self.group.texts(name):
                date = parse_date(text)
                if date is None:
                    self.not_understood(column, text, row, "is not a date (YYYY-MM-DD or DD-MM-YYYY)")
                else:
                    self.data.setdefault(name, date.isoformat())
