"""The register embedded in ropa's own workbooks: canonical JSON, validated like a register file, and
checked against what the workbook shows.

A workbook from elsewhere is untrusted, and its hidden ``_ropa`` sheet may say something else than its
visible sheets (a visible "Payroll", a hidden transfer to Russia). So:

- :func:`register_from_json` reports JSON that ropa never writes (``IMP-035``): ``NaN`` and
  ``Infinity``, a key given twice, and a value of another JSON type than the model's (``true`` where a
  number belongs, which validation would quietly turn into ``1``);
- :func:`visible_differences` renders the embedded register the way the exporter renders it and compares
  it, cell by cell, with the visible sheets (``IMP-034`` names the differences).

The importer reads the embedded register only when both are clean, or when the user trusts it
(``--trust-embedded``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from ropa.diagnostics import Report, Severity
from ropa.export import cells
from ropa.export.columns import Context
from ropa.export.layouts import LAYOUTS, Layout
from ropa.export.layouts.ropa import findings_sheet
from ropa.export.plan import SheetPlan, visible_cells
from ropa.i18n import LANGS, Lang, label
from ropa.importer._report import Reporter, cell_ref, pointer
from ropa.importer._tables import SheetTable, cell_text
from ropa.importer._values import read_answer
from ropa.importer._vocab import fold
from ropa.importer._xlsx import EMBEDDED_SHEET
from ropa.loading import load_data
from ropa.models import KINDS, Register
from ropa.models.vocab import SpecialCategory, VulnerableGroup

__all__ = [
    "Difference",
    "is_own_csv",
    "own_flags",
    "own_labels",
    "register_from_json",
    "report_differences",
    "visible_differences",
]

_SHOWN = 10
"""Problems named one by one in a diagnostic; the rest are counted."""


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once (the first value is kept)."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    out = _Object()
    twice: list[str] = []
    for key, value in pairs:
        if key in out:
            twice.append(key)
        else:
            out[key] = value
    out.duplicates = tuple(twice)
    return out


def register_from_json(text: str, rep: Reporter) -> Register | None:
    """Validate the embedded JSON text entity by entity, exactly as the loader validates a register file.

    Entities that fail are left out and reported with the loader's ``STR-`` codes; their location is
    ``/_ropa`` followed by the JSON Pointer into the register. JSON is parsed with :mod:`json` (not as
    YAML), so every string comes back exactly as it was written. JSON that ropa never writes is reported
    as ``IMP-035`` (see the module docstring); a key given twice keeps its first value, as in the loader.
    """
    try:
        data = json.loads(text, object_pairs_hook=_pairs)
    except (ValueError, RecursionError) as exc:
        rep.add(
            "IMP-006",
            Severity.ERROR,
            f"the embedded register is not valid JSON ({exc})",
            "Export the register again with 'ropa export', or import a visible sheet with --sheet NAME.",
            raw_pointer=f"/{EMBEDDED_SHEET}",
        )
        return None
    loaded = load_data(data, rep.file)
    for diagnostic in loaded.diagnostics:
        location = dataclasses.replace(
            diagnostic.location, pointer=f"/{EMBEDDED_SHEET}{diagnostic.location.pointer}"
        )
        rep.diagnostics.append(dataclasses.replace(diagnostic, location=location))
    suspects = list(_not_written_by_ropa(data))
    for where, what in suspects[:_SHOWN]:
        rep.add(
            "IMP-035",
            Severity.WARNING,
            f"the embedded register {what}, which ropa never writes: it was changed after the export",
            "Check the workbook's origin; the visible sheets are imported unless you pass --trust-embedded.",
            raw_pointer=f"/{EMBEDDED_SHEET}{where}",
        )
    if len(suspects) > _SHOWN:
        rep.add(
            "IMP-035",
            Severity.WARNING,
            f"the embedded register has {len(suspects) - _SHOWN:,} more values that ropa never writes",
            raw_pointer=f"/{EMBEDDED_SHEET}",
        )
    return loaded.register


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _not_written_by_ropa(data: Any) -> Iterator[tuple[str, str]]:
    """(JSON Pointer, what) for every part of the embedded JSON that ropa's exporter cannot have written."""
    yield from _odd_values(data, "")
    if not isinstance(data, dict):
        return
    for kind, model in KINDS.items():
        value = data.get(kind)
        entries = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, entity in entries:
            if not isinstance(entity, dict):
                continue
            where = f"/{kind}" if index is None else f"/{kind}/{index}"
            try:
                model.model_validate(entity)
            except ValidationError:
                continue  # reported by the loader's checks already
            try:
                model.model_validate_json(json.dumps(entity, allow_nan=False), strict=True)
            except (ValidationError, ValueError) as exc:
                errors = exc.errors(include_url=False) if isinstance(exc, ValidationError) else []
                for error in errors:
                    path = "".join(f"/{_escape(str(part))}" for part in error["loc"])
                    yield f"{where}{path}", f"holds {_shown(error.get('input'))} where {error['msg'].lower()}"


def _odd_values(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, float) and not math.isfinite(value):
        spelled = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        yield where, f"holds {spelled} (not a JSON number)"
    elif isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            yield f"{where}/{_escape(key)}", f"gives the key '{key}' twice (the first value was used)"
        for key, item in value.items():
            yield from _odd_values(item, f"{where}/{_escape(str(key))}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _odd_values(item, f"{where}/{index}")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


# --------------------------------------------------------------------------------------------------------
# The visible sheets against the embedded register
# --------------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Difference:
    """One place where the visible sheets and the embedded register disagree."""

    sheet: str | None
    row: int | None
    column: int | None
    text: str

    def where(self) -> str:
        if self.sheet is None:
            return "the workbook"
        if self.row is None or self.column is None:
            return f"sheet '{self.sheet}'"
        return f"{self.sheet}!{cell_ref(self.row, self.column)}"


def visible_differences(register: Register, sheets: list[SheetTable]) -> tuple[list[Difference], str | None]:
    """Where the visible ``sheets`` differ from ``register`` as ropa exports it, and the title of the
    sheet to import instead (the activities sheet, or a template's table; ``None``: every visible sheet).

    The layout and language of the export are the ones whose sheet names the workbook uses most (ropa's
    own workbook in four languages, and each authority template of :mod:`ropa.export.layouts`). The
    findings are not compared, nor the summary's counts (they hold the result of a validation run).
    """
    titles = {sheet.name for sheet in sheets}
    overlap = {
        (layout.name, lang): len(set(layout.sheet_titles(Context(lang, register))) & titles)
        for layout in LAYOUTS.values()
        for lang in LANGS
    }
    best = max(overlap.values())
    if best == 0:
        return [Difference(None, None, None, "none of its visible sheets is one ropa writes")], None
    # A template's sheet names are the same in every language: try the layout's own language first, then
    # keep the language with the fewest differences.
    tied = [(LAYOUTS[name], lang) for (name, lang), count in overlap.items() if count == best]
    tied.sort(key=lambda c: (c[1] != c[0].lang, LANGS.index(c[1])))
    layout, lang = tied[0]
    out = _differences(register, sheets, layout, lang)
    for other, other_lang in tied[1:]:
        if not out:
            break
        found = _differences(register, sheets, other, other_lang)
        if len(found) < len(out):
            out, layout, lang = found, other, other_lang
    table_sheet = layout.table_sheet(lang)
    return out, table_sheet if table_sheet in titles else None


def _plans(register: Register, layout: Layout, lang: Lang) -> list[SheetPlan]:
    return layout.plan(Context(lang, register))


def _differences(
    register: Register, sheets: list[SheetTable], layout: Layout, lang: Lang
) -> list[Difference]:
    titles = [sheet.name for sheet in sheets]
    expected = {plan.title: plan for plan in _plans(register, layout, lang)}
    optional = {  # the findings and the changes are not the register: never compared
        findings_sheet(Context(lang, register, Report(()))).title,
        label("sheet.changes", lang),
    }
    out = [
        Difference(title, None, None, f"sheet '{title}' is not one ropa writes")
        for title in titles
        if title not in expected and title not in optional
    ]
    out += [
        Difference(title, None, None, f"sheet '{title}' of the export is missing")
        for title in expected
        if title not in titles
    ]
    for sheet in sheets:
        plan = expected.get(sheet.name or "")
        if plan is not None and plan.compare:
            out.extend(_compare(sheet, plan, lang))
    return out


def _cell(value: str | int | dt.date | None, lang: Lang) -> str | None:
    """What the importer reads from the cell the exporter writes for ``value``."""
    if value is None or isinstance(value, int | dt.date):
        return cell_text(value)
    text = cells.strip_illegal(value)[0].replace("\r\n", "\n").replace("\r", "\n")
    if not cells.fits(text):
        text = cells.truncate(text, label("ui.truncated", lang))
    return cell_text(text)


def _trimmed(row: list[str | None]) -> list[str | None]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _compare(sheet: SheetTable, plan: SheetPlan, lang: Lang) -> Iterator[Difference]:
    if any(block.count > cells.EXCEL_MAX_ROWS - 10 for block in plan.tables()):
        return  # the exporter left rows out; the hidden copy is the register
    found = sheet.rows
    last = 0
    for number, values in visible_cells(plan):
        last = number
        if values is None:
            continue
        want = _trimmed([_cell(value, lang) for value in values])
        have = _trimmed(found[number - 1]) if number <= len(found) else []
        for column in range(max(len(want), len(have))):
            a = want[column] if column < len(want) else None
            b = have[column] if column < len(have) else None
            if a != b:
                yield Difference(
                    sheet.name,
                    number,
                    column + 1,
                    f"{sheet.name}!{cell_ref(number, column + 1)} shows {_quoted(b)} where the embedded "
                    f"register has {_quoted(a)}",
                )
    for index in range(last, len(found) if plan.closed else last):
        if _trimmed(found[index]):
            number = index + 1
            yield Difference(
                sheet.name, number, 1, f"{sheet.name}!{number}:{number} is a row the export does not have"
            )


def _quoted(text: str | None) -> str:
    if text is None:
        return "nothing"
    one_line = " ".join(text.split())
    return f"'{one_line}'" if len(one_line) <= 40 else f"'{one_line[:39]}…'"


def report_differences(rep: Reporter, differences: list[Difference], *, trusted: bool) -> None:
    """One ``IMP-034`` warning naming the differences, located at the first."""
    first = differences[0]
    named = "; ".join(d.text for d in differences[:_SHOWN])
    more = f"; and {len(differences) - _SHOWN:,} more" if len(differences) > _SHOWN else ""
    outcome = (
        "the embedded register was imported, as --trust-embedded asks"
        if trusted
        else "the visible sheets were imported instead (what a reader of the workbook sees)"
    )
    hint = (
        "Check the differences in the imported register."
        if trusted
        else "If you exported this workbook yourself and trust its hidden copy, import it again with "
        "--trust-embedded (Python: trust_embedded=True) to read the register without loss."
    )
    where = pointer(first.sheet, cell_ref(first.row, first.column)) if first.row and first.column else None
    rep.add(
        "IMP-034",
        Severity.WARNING,
        f"the visible sheets differ from the register embedded in the workbook: {named}{more}; {outcome}",
        hint,
        sheet=first.sheet if where is None else None,
        raw_pointer=where,
    )


def own_lists(
    sheets: list[SheetTable], *, embedded: bool, titles: Iterable[str | None] = ()
) -> frozenset[str] | None:
    """When ``sheets`` are the visible sheets of ropa's own workbook: the texts with line breaks that its
    other sheets hold in a cell of their own (the names of categories, which a list cell of the activities
    sheet may hold whole), else ``None``.

    A workbook is ropa's own when it carries the embedded register (``embedded``, trusted or not) or when
    at least three of its sheet names are those of ropa's own layout in one language; the authority
    layouts are not: their sheets have the names of the templates people fill in by hand. ``titles`` are
    the names of all the workbook's sheets, when only one was read (``--sheet``).
    """
    names = {sheet.name for sheet in sheets} | set(titles)
    if not embedded:
        empty = Register()
        layout = LAYOUTS["ropa"]
        if not any(len(set(layout.sheet_titles(Context(lang, empty))) & names) >= 3 for lang in LANGS):
            return None
    activities = {LAYOUTS["ropa"].table_sheet(lang) for lang in LANGS}
    return frozenset(
        text.strip()
        for sheet in sheets
        if sheet.name not in activities
        for row in sheet.rows
        for text in row
        if isinstance(text, str) and "\n" in text.strip()
    )


def own_table(sheets: list[SheetTable]) -> SheetTable | None:
    """The activities sheet of ropa's own workbook (its other sheets list what the activities name)."""
    titles = {LAYOUTS["ropa"].table_sheet(lang) for lang in LANGS}
    return next((sheet for sheet in sheets if sheet.name in titles), None)


def is_own_csv(table: SheetTable) -> bool:
    """True when ``table`` is the ``activities.csv`` that ``ropa export --format csv`` writes: its first row
    starts with the headings of the activities table in one of the export languages. Its list cells hold
    one item per line (with bullets when an item has line breaks of its own), like the workbook's."""
    from ropa.export.tables import ACTIVITIES

    first = next((row for row in table.rows if any(row)), None)
    if first is None:
        return False
    cells = [text or "" for text in first[: len(ACTIVITIES.columns)]]
    return any(cells == [column.label(lang) for column in ACTIVITIES.columns] for lang in LANGS)


def own_labels(enum: type[StrEnum]) -> dict[str, StrEnum]:
    """The labels ropa's exports write for the members of ``enum``, in every export language, folded."""
    return {fold(label(member, lang)): member for member in enum for lang in LANGS}


def own_flags(sheets: list[SheetTable]) -> dict[str, dict[str, dict[str, Any]]]:
    """The flags that the categories sheet of ropa's own workbook states per name: for data categories
    (``"categories"``) the Art. 9(1) category, criminal data and national id; for categories of data
    subjects (``"subjects"``) the vulnerable group. Names are folded. ``sheets`` are the workbook's, or
    the ``data-categories.csv`` and ``data-subjects.csv`` of ropa's CSV export; empty when no such table
    is found."""
    from ropa.export.spec import Table
    from ropa.export.tables.vocabulary import DATA_CATEGORIES, DATA_SUBJECTS

    special = own_labels(SpecialCategory)
    vulnerable = own_labels(VulnerableGroup)
    readers: dict[str, Any] = {
        "special": lambda t: {"special": special[fold(t)].value} if fold(t) in special else {},
        "criminal_flag": lambda t: {"criminal": True} if read_answer(t).value is True else {},
        "national_id": lambda t: {"national_id": True} if read_answer(t).value is True else {},
        "vulnerable": lambda t: {"vulnerable": vulnerable[fold(t)].value} if fold(t) in vulnerable else {},
    }
    out: dict[str, dict[str, dict[str, Any]]] = {"categories": {}, "subjects": {}}
    tables: tuple[tuple[str, Table[Any]], ...] = (
        ("categories", DATA_CATEGORIES),
        ("subjects", DATA_SUBJECTS),
    )
    for kind, table in tables:
        # the workbook's headings name the Art. 30 point on a second line, the CSV's do not
        headers = [[" ".join(c.header(lang).split()) for c in table.columns] for lang in LANGS] + [
            [c.label(lang) for c in table.columns] for lang in LANGS
        ]
        for sheet in sheets:
            rows = iter(sheet.rows)
            for row in rows:
                shown = [" ".join((text or "").split()) for text in row[: len(table.columns)]]
                if shown not in headers:
                    continue
                for values in rows:  # the table's rows, up to the first empty one
                    if not any(values):
                        break
                    name = values[1] if len(values) > 1 else None
                    if not name:
                        continue
                    flags: dict[str, Any] = {}
                    for column, text in zip(table.columns, values, strict=False):
                        if text and column.key in readers:
                            flags.update(readers[column.key](text))
                    out[kind][fold(name) or name] = flags
                break
    return out
