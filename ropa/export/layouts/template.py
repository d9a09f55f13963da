"""The one-sheet templates of supervisory authorities: ``ico``, ``ap`` and ``vvt``.

Each is described in ``ropa/data/export_layouts.json``: the sheet's name, the organisation block above the
table (a grid of roles and contact fields, as the ICO template has it, or label/value pairs), the
template's columns in its order with the import field each heading is read as, and ropa's extra columns
after them. One row per activity; a template column that the importer keeps in ``unmapped`` (the ICO's
*Rights available to individuals*) shows what an import kept under that heading, and every other heading
an import kept follows the template's columns, so that export → import → export keeps the organisation's
own columns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from ropa._data import load_data
from ropa.export.layouts.content import FIELDS, contact_of
from ropa.export.plan import Line, SheetPlan, TableBlock
from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables import ACTIVITIES, ORGANISATION
from ropa.models import Activity

__all__ = ["art30", "layout_data", "normalise", "plan", "table_sheet"]

_SAME_AS: dict[str, tuple[Table[Any], str]] = {
    "joint_controllers": (ORGANISATION, "joint_controllers"),
    "purposes": (ACTIVITIES, "purposes"),
    "data_subjects": (ACTIVITIES, "data_subjects"),
    "data_categories": (ACTIVITIES, "data_categories"),
    "recipients": (ACTIVITIES, "recipients"),
    "transfers": (ACTIVITIES, "transfers"),
    "transfer_safeguards": (ACTIVITIES, "safeguards"),
    "retention": (ACTIVITIES, "retention"),
    "security_measures": (ACTIVITIES, "security_measures"),
}
"""The column of ropa's own tables that says what an import field says: a template's column takes its
point of Art. 30 (the colour of its heading, the "Not stated" marker) from there."""


def art30(field: str) -> tuple[str | None, bool]:
    """The point of Art. 30 a column read as ``field`` documents, and whether it is unconditional."""
    same = _SAME_AS.get(field)
    if same is None:
        return None, False
    table, key = same
    column = next(c for c in table.columns if c.key == key)
    return column.art30, column.required


_WIDTHS = {"purposes": 40, "lawful_basis": 40, "retention": 40, "security_measures": 40, "recipients": 36}


@cache
def layout_data(name: str) -> dict[str, Any]:
    """The description of layout ``name`` in ``ropa/data/export_layouts.json``."""
    data: dict[str, Any] = load_data("export_layouts")["layouts"][name]
    return data


def normalise(text: str) -> str:
    """A heading compared without case and with its spaces collapsed: an imported column keeps its
    heading verbatim in ``unmapped``, so the template's own heading finds it."""
    return " ".join(text.casefold().split())


def table_sheet(name: str) -> str:
    """The title of the template's sheet."""
    return str(layout_data(name)["sheet"])


def _unmapped(heading: str) -> Callable[[Activity, Context], Value]:
    key = normalise(heading)

    def get(a: Activity, ctx: Context) -> Value:
        for own, text in (a.unmapped or {}).items():
            if normalise(own) == key:
                return text
        return None

    return get


def _column(spec: dict[str, str]) -> Column[Activity]:
    heading, field = spec["heading"], spec["field"]
    content = spec.get("content", field)
    point, required = art30(content)
    getter = _unmapped(heading) if field == "unmapped" else FIELDS[content]
    return Column(
        f"{field}.{heading}",
        getter,
        art30=point,
        required=required,
        heading=heading,
        width=_WIDTHS.get(content, 30),
        multi=True,
    )


def columns(name: str, ctx: Context) -> tuple[Column[Activity], ...]:
    """The template's columns, ropa's extra ones, then a column per other heading an import kept."""
    data = layout_data(name)
    specs = [*data["columns"], *data["extra"]]
    fixed = tuple(_column(spec) for spec in specs)
    taken = {normalise(spec["heading"]) for spec in specs}
    kept = tuple(
        _column({"heading": heading, "field": "unmapped"})
        for heading in ctx.index.unmapped_headings
        if normalise(heading) not in taken
    )
    return fixed + kept


def _organisation(data: dict[str, Any], ctx: Context) -> list[Line]:
    block = data["organisation"]
    roles = {role: contact_of(ctx, role) for role in ("controller", "dpo", "representative")}
    out: list[Line] = []
    if block["style"] == "grid":
        fields = block["fields"]
        out.append(Line([None, *((label, "ropa header") for label, _ in fields)]))
        for role_label, role in block["roles"]:
            values = roles[role]
            out.append(
                Line(
                    [
                        (role_label, "ropa subtitle"),
                        *((values.get(field), "ropa text") for _, field in fields),
                    ],
                    compare=True,
                )
            )
        return out
    heading: Line | None = None
    for label, where in block["rows"]:
        if where is None:  # a role heading: the labels below it are that role's
            heading = Line([(label, "ropa header")])
            continue
        role, field = where.split(".")
        value = roles[role].get(field)
        if value is None and field != "name":
            continue  # a label without a value says nothing (the name's label is always there)
        if heading is not None:
            out.append(heading)
            heading = None
        out.append(Line([(label, "ropa subtitle"), (value, "ropa text")], compare=True))
    return out


def plan(name: str, ctx: Context) -> list[SheetPlan]:
    """The template's sheet for ``ctx.register``."""
    data = layout_data(name)
    title = ctx.register.meta.title if ctx.register.meta else None
    lines = [Line([(title, "ropa title")] if title else [], compare=True, wrap=False)]
    lines += _organisation(data, ctx)
    header_row = int(data.get("header_row", len(lines) + 2))
    sections = data.get("sections")
    while len(lines) < header_row - 1 - (1 if sections else 0):
        lines.append(Line([]))
    if sections:  # the template's section titles, each above its first column
        row: list[Any] = []
        for column, text in sections:
            row += [None] * (column - 1 - len(row))
            row.append((text, "ropa subtitle"))
        lines.append(Line(row, wrap=False))
    cols = columns(name, ctx)
    table = Table[Activity](key=f"layout_{name}", columns=cols, rows=ACTIVITIES.rows, count=ACTIVITIES.count)
    block = TableBlock(
        table,
        ctx,
        headings=[c.label(ctx.lang) for c in cols],
        before=lines,
        auto_filter=True,
    )
    widths = [float(c.width) for c in cols]
    return [
        SheetPlan(
            str(data["sheet"]),
            [block],
            widths=[min(w, 24.0) for w in widths],
            freeze=f"A{header_row + 1}",
            print_title_rows=f"{header_row}:{header_row}",
        )
    ]
