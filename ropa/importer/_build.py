"""Turning the rows of a foreign register (one row per activity) into a :class:`~ropa.models.Register`.

The builder finds each sheet's header row, reads the organisation block above it, groups the rows below
into activities (a continuation row without a name joins the row above; rows that repeat a name or key
are one activity; template instruction, example and placeholder rows are skipped; section rows such as
``ALLGEMEINES`` title the rows below them), and hands each group to an
:class:`~ropa.importer._draft.ActivityDraft`. It keeps the shared vocabulary and parties, and the fate
of every cell (see :mod:`ropa.importer._cells`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ropa.diagnostics import Severity
from ropa.importer._cells import Column, ColumnSummary, Fate, RowGroup, summarise
from ropa.importer._draft import ActivityDraft, short
from ropa.importer._headers import find_header_row, match_heading
from ropa.importer._orgblock import read_org_block
from ropa.importer._report import Reporter, column_letter
from ropa.importer._tables import Limits, SheetTable
from ropa.importer._values import (
    fold,
    is_criminal,
    is_national_id,
    is_not_stated,
    is_placeholder,
    own_items,
    own_numbered,
    slugify,
    special_category,
    split_items,
    split_lines,
    vulnerable_group,
)
from ropa.importer._vocab import terms
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
from ropa.models.vocab import PartyRole

__all__ = ["OwnFlags", "RegisterBuilder"]

OwnFlags = dict[str, dict[str, dict[str, Any]]]
"""Flags per kind (``"categories"``, ``"subjects"``) and folded name, from ropa's own workbook."""

MULTI_FIELDS = frozenset(
    {
        "purposes",
        "description",
        "lawful_basis",
        "data_subjects",
        "data_categories",
        "recipients",
        "processors",
        "joint_controllers",
        "agreements",
        "systems",
        "sources",
        "security_measures",
        "notes",
        "transfers",
        "transfer_safeguards",
        "retention",
        "special_categories",
        "criminal_data",
        "dpia_reference",
        "created",
        KEEP,
        "ignore",
    }
)
"""Fields that several columns may feed; a second column for any other field is kept in unmapped."""

_ORG_SCAN_ROWS = 100
SHEET_SKIPPED = "sheet not imported: reported"
"""The fate of the cells of a sheet without a register table (reported at the sheet, IMP-015/IMP-017)."""
_SECTION_MAX = 60
MAX_CONTINUED_ROWS = 500
"""Rows without a name read as part of the activity above, at most; later ones start an activity of their
own. Merged cells span a few rows; more is a sheet without names, and merging it whole would make one
activity too large to validate (and take time that grows with the square of its rows)."""


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
        self.fates: list[Fate] = []
        self.columns: list[Column] = []
        self.groups: list[RowGroup] = []
        self.by_name: dict[str, RowGroup] = {}
        self.own_known: frozenset[str] | None = None
        """Set for ropa's own workbook: list cells hold one item per line (see :func:`own_items`), and
        these multi-line texts are single items."""
        self.own_flags: OwnFlags | None = None
        """Set for ropa's own workbook or CSV: the flags its categories sheet states per folded name (see
        :func:`ropa.importer._native.own_flags`; empty for the CSV). Flags are then taken from there and
        from the activity's special and criminal columns, never guessed from a name: the export states
        them all."""

    # --- list cells ----------------------------------------------------------------------------------

    def items(self, text: str) -> list[str]:
        """The items of a list cell of names: one per line in ropa's own workbook, else as people write
        them (lines, ``;`` or commas; :func:`split_items`)."""
        return split_items(text) if self.own_known is None else own_items(text, self.own_known)

    def lines(self, text: str) -> list[str]:
        """The items of a list cell of descriptions (security measures): one per line in ropa's own
        workbook, else one per line or ``;`` (:func:`split_lines`)."""
        return split_lines(text) if self.own_known is None else own_items(text, self.own_known)

    def numbered(self, text: str) -> list[str]:
        """The items of a cell of purposes: numbered by purpose in ropa's own workbook, else one per line
        or ``;``."""
        return split_lines(text) if self.own_known is None else own_numbered(text)

    # --- sheets --------------------------------------------------------------------------------------

    def add_sheet(self, table: SheetTable, *, chosen: bool) -> None:
        """Import one sheet: find its header row, read the organisation block above it and the rows below.

        ``chosen`` is True for a sheet picked by name (then one recognised heading suffices). A sheet laid
        out as a form (the CNIL *fiche*) is read as one activity.
        """
        from ropa.importer._fiche import read_fiche

        rows = table.rows
        sheet = table.name
        if read_fiche(self, table):
            self.tables += 1
            return
        header_index = self._header_index(table, chosen=chosen)
        if header_index is None:
            self._without_table(rows, sheet)
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
        self.above(rows[:header_index], sheet)
        data_rows = rows[header_index + 1 :]
        columns = self._columns(header, data_rows, sheet, header_row)
        for column in columns:
            text = header[column.index - 1] if column.index - 1 < len(header) else None
            if text:
                self.fates.append(Fate(sheet, header_row, column.index, text, "heading", kind="skipped"))
        self._rows(columns, header, data_rows, sheet, header_row)

    def _without_table(self, rows: list[list[str | None]], sheet: str | None) -> None:
        block = read_org_block(rows[:_ORG_SCAN_ROWS])
        organisation = block.organisation()
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    how = (
                        "read as the organisation block"
                        if organisation and (r, c) in block.used
                        else (SHEET_SKIPPED)
                    )
                    self.fates.append(Fate(sheet, r + 1, c + 1, text, how, kind="skipped", in_table=False))
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

    def above(self, rows: list[list[str | None]], sheet: str | None) -> None:
        """Read the rows above a table: the organisation block and the title; report the rest in full."""
        if not any(any(row) for row in rows):
            return
        block = read_org_block(rows)
        organisation = block.organisation()
        if organisation or block.title:
            self._merge_org(organisation or {}, block.title)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text and (r, c) in block.used:
                    self.fates.append(
                        Fate(
                            sheet,
                            r + 1,
                            c + 1,
                            text,
                            "read as the organisation block",
                            kind="skipped",
                            in_table=False,
                        )
                    )
            left = [(c, text) for c, text in enumerate(row) if text and (r, c) not in block.used]
            if left:
                shown = "; ".join(f"{column_letter(c + 1)}: {text}" for c, text in left)
                self.rep.add(
                    "IMP-016",
                    Severity.INFO,
                    f"row {r + 1} above the header row was not imported ({shown})",
                    "Section titles can be ignored; copy anything else into the register by hand.",
                    sheet=sheet,
                    row=r + 1,
                )
                for c, text in left:
                    self.fates.append(
                        Fate(
                            sheet,
                            r + 1,
                            c + 1,
                            text,
                            "above the table: reported",
                            kind="skipped",
                            in_table=False,
                        )
                    )

    def _merge_org(self, organisation: dict[str, Any], title: str | None) -> None:
        for key, value in organisation.items():
            if isinstance(value, dict) and isinstance(self.organisation.get(key), dict):
                for sub, item in value.items():
                    if isinstance(item, dict) and isinstance(self.organisation[key].get(sub), dict):
                        for leaf, leaf_value in item.items():
                            self.organisation[key][sub].setdefault(leaf, leaf_value)
                    else:
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
            column = Column(number, label, target, sheet)
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
        self.columns.extend(columns)
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

    def _key_fields(self, columns: list[Column]) -> tuple[set[str], Column | None]:
        """The fields that start a new activity, and the column whose repeated value groups rows."""
        present = {col.field for col in columns}
        leading = {"id", "name"} & present or ({"purposes"} & present)
        key: Column | None = None
        wanted = normalise(self.mapping.key) if self.mapping is not None and self.mapping.key else None
        for col in columns:
            if wanted is not None and normalise(col.heading) == wanted:
                key = col
        if key is None and wanted is None:
            for name in ("id", "name"):
                key = next((col for col in columns if col.field == name), None)
                if key is not None:
                    break
        if key is not None and key.field is not None:
            leading = leading | {key.field}
        return leading, key

    def _template_row(
        self, cells: list[tuple[Column, str, int]], sheet: str | None, number: int
    ) -> str | None:
        """Why a row is a template's example, instruction or placeholder row, or ``None``."""
        texts = [text for _, text, _ in cells]
        first = fold(texts[0])
        examples = terms("example_markers")
        if any(first == marker or first.startswith(marker + " ") for marker in examples) or texts[
            0
        ].lstrip().casefold().startswith(("(exemple)", "(example)", "(voorbeeld)", "(beispiel)", "e.g.")):
            return "an example row of the template"
        if all(is_placeholder(text) or is_not_stated(text) for text in texts) and any(
            is_placeholder(text) for text in texts
        ):
            return "a row of template placeholders and drop-down prompts"
        if len(set(texts)) == 1:
            starts = terms("instruction_starts")
            if len(texts[0]) > 20 and any(first == s or first.startswith(s + " ") for s in starts):
                return "an instruction row of the template"
        return None

    def _section(self, cells: list[tuple[Column, str, int]]) -> str | None:
        """The title of a section row (``ALLGEMEINES``, ``Personeel:``), or ``None``."""
        texts = {text for _, text, _ in cells}
        if len(texts) != 1:
            return None
        text = next(iter(texts)).strip()
        letters = [ch for ch in text if ch.isalpha()]
        if len(text) > _SECTION_MAX or len(letters) < 5 or "\n" in text:
            return None
        if text.isupper() or text.endswith(":"):
            return text.rstrip(":").strip()
        return None

    def _rows(
        self,
        columns: list[Column],
        header: list[str | None],
        data: list[list[str | None]],
        sheet: str | None,
        header_row: int,
    ) -> None:
        leading, key_column = self._key_fields(columns)
        header_key = [normalise(h or "") for h in header]
        groups: list[RowGroup] = []
        by_key: dict[str, RowGroup] = {}
        section: str | None = None
        for offset, row in enumerate(data):
            number = header_row + 1 + offset
            if not any(row):
                continue
            if [normalise(c or "") for c in row] == header_key[: len(row)] and len(row) == len(header_key):
                self.rep.add("IMP-030", Severity.INFO, "repeated header row skipped", sheet=sheet, row=number)
                for c, text in enumerate(row):
                    if text:
                        self.fates.append(Fate(sheet, number, c + 1, text, "heading", kind="skipped"))
                continue
            cells: list[tuple[Column, str, int]] = []
            for col in columns:
                text = row[col.index - 1] if col.index - 1 < len(row) else None
                if text:
                    if col.field == "ignore":
                        self.fates.append(
                            Fate(sheet, number, col.index, text, "ignored (mapping file)", kind="skipped")
                        )
                    else:
                        cells.append((col, text, number))
            if not cells:
                continue
            why = self._template_row(cells, sheet, number)
            if why is not None:
                self._skip(cells, sheet, number, why)
                continue
            title = self._section(cells)
            if title is not None:
                section = title
                self.rep.add(
                    "IMP-037",
                    Severity.INFO,
                    f"row {number} is a section title ('{title}'); it is the department of the activities "
                    "below",
                    sheet=sheet,
                    row=number,
                )
                for col, text, _ in cells:
                    self.fates.append(
                        Fate(sheet, number, col.index, text, "section title: kept as department", (title,))
                    )
                continue
            mapped = [cell for cell in cells if cell[0].field not in (None, KEEP)]
            if not mapped:
                shown = "; ".join(f"{col.heading}: {short(text)}" for col, text, _ in cells[:3])
                self.rep.add(
                    "IMP-030",
                    Severity.WARNING,
                    f"row {number} has values only in unrecognised columns and was not imported as an "
                    "activity "
                    f"({shown}); its cells were kept in the unmapped of the activity above, if any",
                    "If it is an activity, fill in its name or purpose, or map its columns.",
                    sheet=sheet,
                    row=number,
                )
                if groups and groups[-1].continued < MAX_CONTINUED_ROWS:
                    groups[-1].cells.extend(cells)
                    groups[-1].continued += 1
                    continue
                for col, text, _ in cells:
                    self.fates.append(
                        Fate(sheet, number, col.index, text, "not imported: reported", kind="skipped")
                    )
                continue
            key_text = None
            if key_column is not None:
                key_text = next(
                    (" ".join(text.split()).casefold() for col, text, _ in cells if col is key_column), None
                )
            if key_text and key_text in by_key and by_key[key_text].continued < MAX_CONTINUED_ROWS:
                group = by_key[key_text]
                group.cells.extend(cells)
                group.rows.append(number)
                group.continued += 1
                continue
            if groups and leading and not any(col.field in leading for col, _, _ in mapped):
                missing = " or ".join(sorted(leading))
                if groups[-1].continued < MAX_CONTINUED_ROWS:
                    groups[-1].cells.extend(cells)
                    groups[-1].rows.append(number)
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
            group = RowGroup(sheet, number, cells, key=key_text, rows=[number], section=section)
            groups.append(group)
            if key_text:
                by_key[key_text] = group
        for group in groups:
            if len(group.rows) > 1 and group.key:
                self.rep.add(
                    "IMP-037",
                    Severity.INFO,
                    f"rows {', '.join(str(r) for r in group.rows)} repeat the same "
                    f"{key_column.heading if key_column else 'name'} and were read as one activity",
                    'Name the key column in a mapping file (key = "...") if another column identifies '
                    "activities.",
                    sheet=sheet,
                    row=group.row,
                )
            self.queue(group)

    def _skip(self, cells: list[tuple[Column, str, int]], sheet: str | None, number: int, why: str) -> None:
        shown = "; ".join(f"{col.heading}: {text}" for col, text, _ in cells)
        self.rep.add(
            "IMP-036",
            Severity.INFO,
            f"row {number} is {why}; it was skipped ({shown})",
            "If it holds a real activity, remove the template's marker from it.",
            sheet=sheet,
            row=number,
        )
        for col, text, _ in cells:
            self.fates.append(Fate(sheet, number, col.index, text, f"skipped: {why}", kind="skipped"))

    # --- activities ----------------------------------------------------------------------------------

    def queue(self, group: RowGroup) -> None:
        """Keep a row group for :meth:`build`; a group named like one of another sheet completes it (the
        CNIL list sheet and the fiche of the same activity)."""
        names = [" ".join(text.split()).casefold() for col, text, _ in group.cells if col.field == "name"]
        earlier = self.by_name.get(names[0]) if names else None
        if earlier is not None and earlier.sheet != group.sheet:
            earlier.cells.extend(group.cells)
            earlier.hints.update(group.hints)
            earlier.retention_for.update(group.retention_for)
            self.rep.add(
                "IMP-037",
                Severity.INFO,
                f"the activity of sheet '{group.sheet}' row {group.row} has the name of the activity of "
                f"sheet '{earlier.sheet}' row {earlier.row}; they were read as one activity",
                sheet=group.sheet,
                row=group.row,
            )
            return
        self.groups.append(group)
        if names:
            self.by_name.setdefault(names[0], group)

    def activity(self, group: RowGroup) -> None:
        """Build, validate and keep the activity of one row group."""
        draft = ActivityDraft(self, group)
        data = draft.build()
        self.fates.extend(draft.fates.values())
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
            if self.own_flags is not None:
                entry.update(self.own_flags.get(kind, {}).get(key, {}))
            derived = None if self.own_flags is not None else self._derive_flags(kind, name, entry)
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

    def category_entry(self, name: str) -> dict[str, Any]:
        """The data category created for ``name``."""
        return self.categories[fold(name) or name]

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
        elif " ".join(str(entry["name"]).split()) != " ".join(name.split()):
            # Another spelling of the same party (case, accents, punctuation): never dropped.
            variant = f"Also written as: {name}"
            notes = str(entry.get("notes") or "")
            if variant not in notes.split("\n"):
                entry["notes"] = f"{notes}\n{variant}" if notes else variant
        if role is not None:
            entry.setdefault("role", role.value)
        return str(entry["id"])

    # --- the register --------------------------------------------------------------------------------

    def summary(self) -> list[ColumnSummary]:
        """Where the cells of every imported column went."""
        return summarise(self.columns, self.fates)

    def build(self) -> Register:
        """The register: validated entities only (failures were reported)."""
        for group in self.groups:
            self.activity(group)
        self.groups = []
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
            fields["data_subjects"] = tuple(s for s in subjects if s is not None)
        if categories:
            fields["data_categories"] = tuple(c for c in categories if c is not None)
        if parties:
            fields["parties"] = tuple(p for p in parties if p is not None)
        if self.activities:
            fields["activities"] = tuple(self.activities)
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
