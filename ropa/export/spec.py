"""The column specification behind the Excel and CSV exports: tables, columns, and how a value becomes a
cell.

Every exported table (organisation, activities, recipients, transfers, retention, ...) is a :class:`Table`:
a stable key, a source of rows and a tuple of :class:`Column`. A column has a stable key, a header label in
four languages (from :mod:`ropa.i18n`), a getter, the point of Art. 30 GDPR it documents, whether that
point is unconditional, a width cap and, for coded values, the enumeration that feeds a drop-down list.
The tables themselves are defined in :mod:`ropa.export.tables`, one module per table.

Getters return plain values (:data:`Value`): text, numbers, booleans, dates, enum members or lists of
those. :func:`render` turns them into what a cell holds: enum members and booleans become labels in the
export language, lists become one line per item, an empty list becomes "None" (``[]`` states that there
are none) and ``None`` stays an empty cell. :meth:`Table.cells` says the same with one marker: in a
column of an Art. 30 point, a value the register does not state is "Not stated", never an empty cell.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from ropa.diagnostics import Report
from ropa.i18n import Lang, article, label
from ropa.models import (
    Activity,
    DataCategory,
    DataSubjectCategory,
    Party,
    ProcessorActivity,
    Register,
    SecurityMeasure,
)

if TYPE_CHECKING:
    from ropa.changes import Diff

__all__ = [
    "BULLET",
    "Cell",
    "Column",
    "Context",
    "Index",
    "Kind",
    "Table",
    "Value",
    "list_cell",
    "render",
    "render_text",
]

Value = str | int | bool | dt.date | Sequence[str] | None
"""What a getter returns. ``str`` includes enum members (:class:`enum.StrEnum`)."""

Cell = str | int | dt.date | None
"""What a cell holds: text, a whole number, a date, or nothing."""

Kind = Literal["text", "number", "date", "bool", "enum"]
R = TypeVar("R")


class Index:
    """Look-ups over a register, built on first use: parties, categories and measures by id, and usage."""

    def __init__(self, register: Register) -> None:
        self.register = register

    @cached_property
    def parties(self) -> dict[str, Party]:
        """Parties by id."""
        return {p.id: p for p in self.register.parties or ()}

    @cached_property
    def data_categories(self) -> dict[str, DataCategory]:
        """Data categories by id."""
        return {c.id: c for c in self.register.data_categories or ()}

    @cached_property
    def data_subjects(self) -> dict[str, DataSubjectCategory]:
        """Data-subject categories by id."""
        return {s.id: s for s in self.register.data_subjects or ()}

    @cached_property
    def measures(self) -> dict[str, SecurityMeasure]:
        """Security measures by id."""
        return {m.id: m for m in self.register.security_measures or ()}

    @cached_property
    def activities_by_party(self) -> dict[str, list[str]]:
        """For each party id, the names of the activities that disclose data to it, in register order."""
        out: dict[str, list[str]] = {}
        for activity in self.register.activities or ():
            seen: set[str] = set()
            for recipient in activity.recipients or ():
                if recipient.party is not None and recipient.party not in seen:
                    seen.add(recipient.party)
                    out.setdefault(recipient.party, []).append(activity.name)
        return out

    def effective_measures(self, entity: Activity | ProcessorActivity) -> tuple[tuple[str, ...], bool]:
        """The ids of the organisation-level measures that apply to ``entity``, and whether it inherits
        them: an activity that references none (the key absent or ``[]``) inherits all of them, one that
        references some gets exactly those (as the SEC rules read it, docs/law.md)."""
        if entity.security_measures:
            return tuple(entity.security_measures), False
        return tuple(self.measures), bool(self.measures)

    @cached_property
    def _measure_counts(self) -> tuple[Counter[str], Counter[str]]:
        used: Counter[str] = Counter()
        inherited: Counter[str] = Counter()
        entities: list[Activity | ProcessorActivity] = [
            *(self.register.activities or ()),
            *(self.register.processor_activities or ()),
        ]
        for entity in entities:
            ids, inherits = self.effective_measures(entity)
            used.update(set(ids))
            if inherits:
                inherited.update(set(ids))
        return used, inherited

    @property
    def measure_use(self) -> Counter[str]:
        """How many activities and processor activities each security measure applies to, inherited use
        included."""
        return self._measure_counts[0]

    @property
    def measure_inherited(self) -> Counter[str]:
        """How many activities and processor activities inherit each security measure."""
        return self._measure_counts[1]

    @cached_property
    def unmapped_headings(self) -> tuple[str, ...]:
        """The headings of the activities' ``unmapped`` columns, in the order they first occur."""
        seen: dict[str, None] = {}
        for activity in self.register.activities or ():
            for heading in activity.unmapped or ():
                seen.setdefault(heading, None)
        return tuple(seen)

    def party_name(self, party_id: str) -> str:
        """The party's name, or its id when it is not defined."""
        party = self.parties.get(party_id)
        return party.name if party else party_id

    def category_name(self, category_id: str) -> str:
        """The data category's name, or its id."""
        category = self.data_categories.get(category_id)
        return category.name if category else category_id

    def subject_name(self, subject_id: str) -> str:
        """The data-subject category's name, or its id."""
        subject = self.data_subjects.get(subject_id)
        return subject.name if subject else subject_id


@dataclass
class Context:
    """What getters need besides the row: the language, the register with its index, the findings, and the
    changes since an earlier version (``ropa export --since``)."""

    lang: Lang
    register: Register
    report: Report | None = None
    changes: Diff | None = None
    index: Index = field(init=False)
    _labels: dict[tuple[type, str], str] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.index = Index(self.register)

    def t(self, key: StrEnum | str) -> str:
        """The label of an enum member or term key in the export language."""
        cached = (type(key), key)  # an enum member equals its code: PartyRole and ProcessingRole share some
        text = self._labels.get(cached)
        if text is None:
            text = self._labels[cached] = label(key, self.lang)
        return text

    @cached_property
    def not_stated(self) -> str:
        """The one marker of a value the register does not state ("Not stated")."""
        return label("ui.not_stated", self.lang)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of an exported table.

    Attributes:
        key: stable identifier (``purposes``); the header is the label ``column.<key>`` unless ``label_key``
            or ``heading``.
        getter: ``getter(row, context) -> Value``.
        art30: the point of Art. 30 GDPR the column documents (``30(1)(b)``), or ``None``.
        required: ``True`` when that point is unconditional (Art. 30(1)(a)–(d), 30(2)(a)–(b)); ``False``
            for the "where applicable" / "where possible" points (e), (f), (g).
        width: the widest the column may be, in characters.
        kind: ``text``, ``number``, ``date``, ``bool`` (rendered "Yes"/"No") or ``enum``.
        enum: for ``enum`` columns, the enumeration whose labels form the drop-down list.
        multi: ``True`` when a cell may hold several values, one per line.
        label_key: the label of the header, when it is not ``column.<key>``.
        heading: a header taken as it is, in every language (an imported column's own heading).
    """

    key: str
    getter: Callable[[R, Context], Value]
    art30: str | None = None
    required: bool = False
    width: int = 40
    kind: Kind = "text"
    enum: type[StrEnum] | None = None
    multi: bool = False
    label_key: str | None = None
    heading: str | None = None

    def label(self, lang: Lang) -> str:
        """The header in ``lang``."""
        if self.heading is not None:
            return self.heading
        return label(self.label_key or f"column.{self.key}", lang)

    def header(self, lang: Lang) -> str:
        """The header, with the Art. 30 point on a second line (``Art. 30(1)(b) GDPR``)."""
        text = self.label(lang)
        return f"{text}\n{article(self.art30, lang)}" if self.art30 else text

    def choices(self, lang: Lang) -> list[str] | None:
        """The drop-down values in ``lang``, for enumerated and yes/no columns."""
        if self.enum is not None:
            return [label(member, lang) for member in self.enum]
        if self.kind == "bool":
            return [label("ui.yes", lang), label("ui.no", lang)]
        return None


@dataclass(frozen=True)
class Table(Generic[R]):
    """An exported table: rows and columns.

    Attributes:
        key: stable identifier; the sheet name is the label ``sheet.<key>``, the CSV file ``<key>.csv``
            with ``_`` written as ``-``.
        columns: the columns every register gets, in order.
        rows: ``rows(context)`` yields the rows.
        count: ``count(context)`` is the number of rows, cheaply.
        present: ``present(context)`` tells whether the table is exported at all.
        added_columns: ``added_columns(context)`` gives the columns this register adds after
            ``columns`` (the headings an import kept in ``unmapped``).
        vertical: the workbook shows the (single) row as a list of items (the organisation).
        freeze_columns: columns kept in view when scrolling right.
        detail: the workbook gives the table a sheet only when it has rows (its content is also in the
            activities sheet); the CSV file is always written.
    """

    key: str
    columns: tuple[Column[R], ...]
    rows: Callable[[Context], Iterable[R]]
    count: Callable[[Context], int]
    present: Callable[[Context], bool] = lambda ctx: True
    added_columns: Callable[[Context], tuple[Column[R], ...]] | None = None
    vertical: bool = False
    freeze_columns: int = 2
    detail: bool = False

    def sheet_name(self, lang: Lang) -> str:
        """The sheet name in ``lang`` (at most 31 characters)."""
        return label(f"sheet.{self.key}", lang)

    @property
    def file_name(self) -> str:
        """The CSV file name: ``processor-record.csv``."""
        return self.key.replace("_", "-") + ".csv"

    def columns_for(self, ctx: Context) -> tuple[Column[R], ...]:
        """The columns of this register's table: the fixed ones and the ones it adds."""
        return self.columns + self.added_columns(ctx) if self.added_columns is not None else self.columns

    def cells(self, columns: Sequence[Column[R]], row: R, ctx: Context) -> list[Cell]:
        """The cells of ``row``: a value the register does not state is "Not stated" in an Art. 30
        column and an empty cell elsewhere."""
        lang = ctx.lang
        marker = ctx.not_stated
        out: list[Cell] = []
        for column in columns:
            value = column.getter(row, ctx)
            if value is None:
                out.append(marker if column.art30 else None)
            elif type(value) is str:  # the common case, as it is
                out.append(value)
            else:
                out.append(render(value, lang))
        return out


# --------------------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------------------


def _scalar_text(value: str | int | bool | dt.date, lang: Lang) -> str:
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, bool):
        return label("ui.yes" if value else "ui.no", lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render(value: Value, lang: Lang) -> Cell:
    """What a spreadsheet cell holds: text, a whole number or a date; ``None`` for an empty cell."""
    if value is None:
        return None
    if isinstance(value, StrEnum | bool):
        return _scalar_text(value, lang)
    if isinstance(value, str | int | dt.date):
        return value
    items = [_scalar_text(item, lang) for item in value]
    return list_cell(items) if items else label("ui.none", lang)


BULLET = "• "
"""Starts each item of a list cell in which an item has line breaks of its own."""


def list_cell(items: Sequence[str]) -> str:
    """A list cell: one item per line. When an item has line breaks of its own, every item starts with
    :data:`BULLET` and its further lines are indented under it, so that a reader (and ``ropa import``) tells
    one item with two lines from two items."""
    if not any("\n" in item for item in items):
        return "\n".join(items)
    indent = "\n" + " " * len(BULLET)
    return "\n".join(BULLET + item.replace("\n", indent) for item in items)


def render_text(value: Value | Cell, lang: Lang) -> str:
    """The cell as text (CSV): dates in ISO 8601, ``""`` for an empty cell."""
    cell = render(value, lang)
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)
