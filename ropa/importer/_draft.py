"""The activity of one row group, as plain data, with its diagnostics and the fate of every cell.

The fields are read in concept modules: lawful bases in :mod:`ropa.importer._read_basis`, recipients and
agreements in :mod:`ropa.importer._read_parties`, transfers in :mod:`ropa.importer._read_transfers`,
retention in :mod:`ropa.importer._read_retention`; the rest here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ropa.diagnostics import Severity
from ropa.importer._cells import Column, Fate, RowGroup
from ropa.importer._values import (
    Answer,
    AnswerKind,
    fold,
    has_words,
    is_not_stated,
    is_placeholder,
    parse_activity_role,
    parse_date,
    parse_frequency,
    parse_status,
    read_answer,
    split_lines,
)
from ropa.importer._vocab import terms_by
from ropa.importer.synonyms import KEEP
from ropa.models import ID_PATTERN

if TYPE_CHECKING:
    from ropa.importer._build import RegisterBuilder

__all__ = ["MAX_NAME", "ActivityDraft", "first_words", "short"]

MAX_NAME = 100
"""Names longer than this (or of several lines) keep their full text elsewhere; the name is shortened."""


def short(text: str, limit: int = 40) -> str:
    """The first line of ``text``, cut at ``limit`` characters with an ellipsis (for messages)."""
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit and "\n" not in text else line[: limit - 1] + "…"


def first_words(text: str, limit: int = MAX_NAME) -> str:
    """The first line of ``text``, cut at a word boundary within ``limit`` characters."""
    line = text.strip().splitlines()[0].strip()
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


class ActivityDraft:
    """The activity of one row group, built as plain data."""

    def __init__(self, builder: RegisterBuilder, group: RowGroup) -> None:
        self.b = builder
        self.rep = builder.rep
        self.group = group
        self.data: dict[str, Any] = {}
        self.notes: list[str] = []
        self.unmapped: dict[str, str] = {}
        self.purposes: list[dict[str, Any]] = []
        self.fates: dict[tuple[str | None, int, int, str], Fate] = {}
        self.joint = False
        self.row_parties: dict[int, list[str]] = {}
        """Party ids named in each row (a contract cell belongs to the parties of its own row)."""

    # --- helpers ---------------------------------------------------------------------------------

    def warn(
        self, code: str, severity: Severity, message: str, hint: str | None, column: Column, row: int
    ) -> None:
        """Report at a cell of this activity."""
        self.rep.add(
            code,
            severity,
            message,
            hint,
            sheet=column.sheet if column.sheet is not None else self.group.sheet,
            row=row,
            column=column.index,
            entity=f"activity {self.data.get('id', '?')}",
        )

    def fate(self, column: Column, row: int, text: str, how: str, *pieces: str, kind: str = "kept") -> None:
        """Record what happened to a cell (the first record wins)."""
        key = (column.sheet, row, column.index, text)
        if key not in self.fates:
            kept = pieces if pieces or kind != "kept" else (text,)
            sheet = column.sheet if column.sheet is not None else self.group.sheet
            self.fates[key] = Fate(sheet, row, column.index, text, how, tuple(kept), kind)

    def exact(self, column: Column, row: int, text: str, how: str) -> None:
        """Record a cell read exactly (its text says nothing more than the value read)."""
        self.fate(column, row, text, how, kind="exact")

    def keep(self, column: Column, text: str, row: int | None = None, how: str = "kept in unmapped") -> None:
        """Keep a cell verbatim in the activity's ``unmapped``, under its heading."""
        old = self.unmapped.get(column.heading)
        if old is None:
            self.unmapped[column.heading] = text
        elif text not in old.split("\n"):
            self.unmapped[column.heading] = f"{old}\n{text}"
        if row is not None:
            self.fate(column, row, text, how)

    def note(self, column: Column, text: str, row: int, how: str = "kept in notes") -> None:
        """Keep a cell in the activity's ``notes`` as ``Heading: text``."""
        self.notes.append(f"{column.heading}: {text}")
        self.fate(column, row, text, how)

    def not_understood(self, column: Column, text: str, row: int, why: str) -> None:
        """Keep a cell that could not be read in ``unmapped``, with a warning."""
        self.keep(column, text, row, "not understood: kept in unmapped")
        self.warn(
            "IMP-026",
            Severity.WARNING,
            f"'{short(text)}' in column '{column.heading}' {why}; the cell is kept in unmapped",
            "Edit the activity's YAML to state it as ropa expects (see docs/register-format.md).",
            column,
            row,
        )

    def conditional(self, column: Column, text: str, row: int, what: str) -> None:
        """Keep a conditional or open answer as a note, with a warning (never read as no)."""
        self.note(column, text, row, "conditional: kept in notes")
        self.warn(
            "IMP-038",
            Severity.WARNING,
            f"'{short(text)}' in column '{column.heading}' is a conditional or open answer about {what}; "
            "it was "
            "kept in the activity's notes, not read as yes or no",
            f"Decide the {what} and state it in the activity's YAML file.",
            column,
            row,
        )

    def yes_no(self, column: Column, text: str, row: int, what: str) -> Answer | None:
        """The cell's answer when it says yes or no; otherwise (not stated, a template's placeholder, a
        conditional or unreadable answer about ``what``) the cell's fate is recorded and None returned."""
        answer = read_answer(text)
        if answer.kind is AnswerKind.NOT_STATED:
            self.exact(column, row, text, "not stated")
        elif answer.kind is AnswerKind.PLACEHOLDER:
            self.placeholder(column, text, row)
        elif answer.value is None:
            if answer.conditional:
                self.conditional(column, text, row, what)
            else:
                self.not_understood(column, text, row, "does not say yes or no")
        else:
            return answer
        return None

    def placeholder(self, column: Column, text: str, row: int) -> None:
        """A template's placeholder (``Oui/non``): not an answer; reported and skipped."""
        self.fate(column, row, text, "template placeholder: skipped", kind="skipped")
        self.warn(
            "IMP-036",
            Severity.INFO,
            f"'{short(text)}' in column '{column.heading}' is a template's placeholder, not an answer; "
            "it was "
            "skipped",
            None,
            column,
            row,
        )

    def blank(self, column: Column, text: str, row: int) -> bool:
        """True (and the cell accounted for) when the cell states nothing or is a placeholder."""
        if is_not_stated(text):
            self.exact(column, row, text, "not stated")
            return True
        if is_placeholder(text):
            self.placeholder(column, text, row)
            return True
        return False

    # --- the fields, in order -----------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        """Read every field; return the activity as plain data."""
        from ropa.importer._read_basis import (
            read_lawful_bases,
            read_own_special,
            read_purpose_details,
            read_special,
        )
        from ropa.importer._read_parties import read_agreements, read_recipients
        from ropa.importer._read_retention import read_retention_rules
        from ropa.importer._read_transfers import read_transfers

        g = self.group
        self._identity()
        for name in (
            "description",
            "owner",
            "department",
            "storage_location",
            "privacy_notice",
            "on_behalf_of",
        ):
            self._text_field(name)
        if self.data.get("description") == self.data["name"]:
            del self.data["description"]  # the name was taken from the description: it is kept there
        if g.section and "department" not in self.data:
            self.data["department"] = g.section
        elif g.section:
            self.notes.append(f"Section: {g.section}")
        self._status()
        self._purposes()
        read_lawful_bases(self)
        read_purpose_details(self)
        read_special(self)
        self._vocab("data_subjects", "subjects")
        self._vocab("data_categories", "categories")
        read_own_special(self)
        self._sources()
        read_recipients(self)
        read_agreements(self)
        read_transfers(self)
        read_retention_rules(self)
        self._measures()
        self._dpia()
        self._automated()
        self._systems()
        self._dates()
        for text, column, row in g.texts("notes"):
            self.notes.insert(0, text)
            self.fate(column, row, text, "kept in notes")
        for text, column, row in g.texts("created"):
            self.note(column, text, row)
        for column, text, row in g.cells:
            if column.field in (None, KEEP):
                self.keep(column, text, row)
            elif (column.sheet, row, column.index, text) not in self.fates:
                # A safety net: a cell no reader accounted for is kept, never dropped.
                self.keep(column, text, row)
        if self.purposes:
            self.data["purposes"] = self.purposes
        if self.notes:
            self.data["notes"] = "\n".join(dict.fromkeys(self.notes))
        if self.unmapped:
            self.data["unmapped"] = self.unmapped
        return self.data

    def _text_field(self, name: str) -> None:
        parts: list[str] = []
        for text, column, row in self.group.texts(name):
            if self.blank(column, text, row):
                continue
            if text not in parts:
                parts.append(text)
            self.fate(column, row, text, f"read as {name}")
        if parts:
            existing = self.data.get(name)
            value = "\n".join(parts)
            self.data[name] = f"{existing}\n\n{value}" if existing else value

    def _identity(self) -> None:
        import re

        g = self.group
        names = g.texts("name")
        full = "\n".join(dict.fromkeys(t for t, _, _ in names)) if names else None
        if full:
            name = first_words(full)
            for text, column, row in names:
                self.fate(column, row, text, "read as name")
            if name != full.strip():
                column, row = names[0][1], names[0][2]
                self.data["description"] = full
                self.warn(
                    "IMP-029",
                    Severity.INFO,
                    f"the name in column '{column.heading}' is longer than {MAX_NAME} characters or has "
                    "several "
                    f"lines; the activity is named '{short(name, 60)}' and the full text is its description",
                    "Give the activity a short name in its YAML file.",
                    column,
                    row,
                )
        else:
            description = g.joined("description")
            derived = (
                description
                if description and len(description) <= MAX_NAME and "\n" not in description
                else None
            )
            derived = derived or g.joined("purposes") or description or g.joined("department")
            name = first_words(derived) if derived else f"Row {g.row}"
            self.rep.add(
                "IMP-029",
                Severity.INFO,
                f"the activity of row {g.row} has no name column; it is named '{name}'",
                "Give the activity a short name in its YAML file.",
                sheet=g.sheet,
                row=g.row,
            )
        from ropa.importer._values import slugify

        base = ""
        for text, column, row in g.texts("id"):
            if self.blank(column, text, row):
                continue
            first = text.splitlines()[0].strip()
            if not base and first == text.strip() and re.match(ID_PATTERN, first):
                base = first
                self.exact(column, row, text, "read as id")
            else:
                base = base or slugify(first)
                self.note(column, text, row, "read as id (made valid); kept in notes")
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
        ):
            for text, column, row in self.group.texts(name):
                if self.blank(column, text, row):
                    continue
                value = parse(text)
                if value is None:
                    self.not_understood(column, text, row, f"is not {what}")
                else:
                    self.data.setdefault(name, value.value)
                    self.exact(column, row, text, f"read as {name} {value.value}")
        for text, column, row in self.group.texts("role"):
            if self.blank(column, text, row):
                continue
            role, joint = parse_activity_role(text)
            if role is None:
                self.not_understood(
                    column, text, row, "is not a role (controller, processor, joint controller)"
                )
                continue
            self.data.setdefault("role", role.value)
            if joint:
                self.joint = True
                self.note(column, text, row, "read as joint controller: kept in notes")
                self.warn(
                    "IMP-029",
                    Severity.INFO,
                    "the role column says joint controller: the activity is recorded as the organisation's "
                    "(controller) and the role is kept in its notes",
                    "Name the joint controllers and the Art. 26 arrangement in the activity's YAML file.",
                    column,
                    row,
                )
            else:
                self.exact(column, row, text, f"read as role {role.value}")

    def _purposes(self) -> None:
        for text, column, row in self.group.texts("purposes"):
            if self.blank(column, text, row):
                continue
            items = self.b.numbered(text)
            for item in items:
                if all(p["description"] != item for p in self.purposes):
                    self.purposes.append({"description": item})
            self.fate(column, row, text, "read as purposes", *items)

    def _vocab(self, name: str, kind: str) -> None:
        g = self.group
        ids: list[str] = list(self.data.get(name, []))
        # A form's own category label (``data_category``: the CNIL fiche's row with a period but no
        # description) is one category, commas and all.
        whole = g.texts("data_category") if name == "data_categories" else []
        for text, column, row in [*g.texts(name), *whole]:
            if self.blank(column, text, row):
                continue
            items = [text.strip()] if column.field == "data_category" else self.b.items(text)
            for item in items:
                ident = self.b.vocab(kind, item, g, column, row)
                if ident not in ids:
                    ids.append(ident)
            self.fate(column, row, text, f"read as {name.replace('_', ' ')}", *items)
        if ids:
            self.data[name] = ids

    def _sources(self) -> None:
        sources: list[dict[str, Any]] = []
        kinds_of = terms_by("source_kinds")
        for text, column, row in self.group.texts("sources"):
            if self.blank(column, text, row):
                continue
            parts = split_lines(text)
            understood = True
            for part in parts:
                folded = fold(part)
                kinds = [k for k, words in kinds_of.items() if has_words(folded, words)]
                if len(kinds) == 1:
                    sources.append({"kind": kinds[0], "description": part})
                else:
                    understood = False
            if understood:
                self.fate(column, row, text, "read as sources", *parts)
            else:
                self.not_understood(
                    column,
                    text,
                    row,
                    "does not clearly name the data subject, a third party or a public source",
                )
        if sources:
            self.data["sources"] = sources

    def _measures(self) -> None:
        measures: list[dict[str, Any]] = []
        for text, column, row in self.group.texts("security_measures"):
            if self.blank(column, text, row):
                continue
            items = self.b.lines(text)
            for item in items:
                if all(m["description"] != item for m in measures):
                    measures.append({"description": item})
            self.fate(column, row, text, "read as security measures", *items)
        if measures:
            self.data["specific_measures"] = measures

    def _dpia(self) -> None:
        dpia: dict[str, Any] = {}
        for text, column, row in self.group.texts("dpia"):
            answer = self.yes_no(column, text, row, "whether a DPIA is required")
            if answer is None or answer.value is None:
                continue
            dpia["required"] = answer.value
            if answer.rest:
                dpia["screening"] = answer.rest
                self.fate(column, row, text, "read as yes/no with a remark", answer.rest)
            else:
                self.exact(column, row, text, "read as yes/no")
        for text, column, row in self.group.texts("dpia_reference"):
            if self.blank(column, text, row):
                continue
            dpia["reference"] = f"{dpia['reference']}\n{text}" if "reference" in dpia else text
            self.fate(column, row, text, "read as DPIA reference")
        for text, column, row in self.group.texts("dpia_date"):
            if self.blank(column, text, row):
                continue
            date = parse_date(text)
            if date is None:
                self.not_understood(column, text, row, "is not a date (YYYY-MM-DD or DD-MM-YYYY)")
            elif "date" in dpia:
                self.note(column, text, row)
            else:
                dpia["date"] = date.isoformat()
                self.exact(column, row, text, "read as the date of the DPIA")
        if dpia:
            self.data["dpia"] = dpia

    def _automated(self) -> None:
        for text, column, row in self.group.texts("automated_decisions"):
            answer = self.yes_no(column, text, row, "automated decision-making")
            if answer is None or answer.value is None:
                continue
            entry: dict[str, Any] = {"exists": answer.value}
            if answer.rest and not answer.value:
                # "no, ..." : the remark goes to notes (a "no" has no description that a workbook shows)
                self.note(column, text, row, "read as no; the remark kept in notes")
            elif answer.rest:
                entry["description"] = answer.rest
                self.fate(column, row, text, "read as yes/no with a remark", answer.rest)
            else:
                self.exact(column, row, text, "read as yes/no")
            self.data["automated_decisions"] = entry

    def _systems(self) -> None:
        systems: list[str] = []
        for text, column, row in self.group.texts("systems"):
            if self.blank(column, text, row):
                continue
            items = self.b.items(text)
            systems.extend(item for item in items if item not in systems)
            self.fate(column, row, text, "read as systems", *items)
        if systems:
            self.data["systems"] = systems

    def _dates(self) -> None:
        for name in ("last_modified", "last_reviewed", "next_review", "end_date"):
            for text, column, row in self.group.texts(name):
                if self.blank(column, text, row):
                    continue
                date = parse_date(text)
                if date is None:
                    self.not_understood(column, text, row, "is not a date (YYYY-MM-DD or DD-MM-YYYY)")
                elif name in self.data and self.data[name] != date.isoformat():
                    self.note(column, text, row)
                else:
                    self.data[name] = date.isoformat()
                    self.exact(column, row, text, "read as a date")
